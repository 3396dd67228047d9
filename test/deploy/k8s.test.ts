import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { loadAll, YAML11_SCHEMA } from 'js-yaml';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { TASK_QUEUES } from '../../workers/task-queues';
import {
  APP_ENV_VARS,
  at,
  isObject,
  isPinnedImage,
  type Json,
  listFiles,
  loadYamlDocuments,
  readText,
  REQUIRED_SECRETS,
  ROLE_COMMANDS,
  ROOT,
} from './deploy-support';

/**
 * Offline checks of k8s/: every object validates against the Kubernetes OpenAPI schemas (compiled into
 * kubernetes-models), `kubectl kustomize` renders the kustomization, and the objects fit together.
 */

const NAMESPACE = 'jangteo';

/** Validators per apiVersion/kind: a kind not listed here fails the test rather than going unchecked. */
const SCHEMAS: Record<string, (data: unknown) => { validate(): void }> = {
  'v1/Namespace': (data) => new Namespace(data as Namespace),
  'v1/ConfigMap': (data) => new ConfigMap(data as ConfigMap),
  'v1/Secret': (data) => new Secret(data as Secret),
  'v1/Service': (data) => new Service(data as Service),
  'apps/v1/Deployment': (data) => new Deployment(data as Deployment),
  'batch/v1/Job': (data) => new Job(data as Job),
  'autoscaling/v2/HorizontalPodAutoscaler': (data) =>
    new HorizontalPodAutoscaler(data as HorizontalPodAutoscaler),
  'policy/v1/PodDisruptionBudget': (data) => new PodDisruptionBudget(data as PodDisruptionBudget),
};

/** Container fields of the core/v1 API: the OpenAPI schema allows unknown keys, so a typo would pass it. */
const CONTAINER_FIELDS = new Set([
  'name',
  'image',
  'command',
  'args',
  'workingDir',
  'ports',
  'envFrom',
  'env',
  'resources',
  'resizePolicy',
  'restartPolicy',
  'volumeMounts',
  'volumeDevices',
  'livenessProbe',
  'readinessProbe',
  'startupProbe',
  'lifecycle',
  'terminationMessagePath',
  'terminationMessagePolicy',
  'imagePullPolicy',
  'securityContext',
  'stdin',
  'stdinOnce',
  'tty',
]);
const PROBE_FIELDS = new Set([
  'exec',
  'httpGet',
  'tcpSocket',
  'grpc',
  'initialDelaySeconds',
  'timeoutSeconds',
  'periodSeconds',
  'successThreshold',
  'failureThreshold',
  'terminationGracePeriodSeconds',
]);

interface Manifest extends Json {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
}

interface Container {
  name: string;
  image: string;
  args?: string[];
  ports?: { name?: string; containerPort: number }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  env?: { name: string }[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: Json;
  volumeMounts?: { name: string; mountPath: string }[];
}

interface Probe {
  httpGet?: { path: string; port: number | string };
}

interface PodSpec {
  containers: Container[];
  volumes?: ({ name: string } & Json)[];
  securityContext?: Json;
  restartPolicy?: string;
}

interface Workload extends Manifest {
  spec: {
    selector?: { matchLabels: Record<string, string> };
    template: { metadata: { labels: Record<string, string> }; spec: PodSpec };
  };
}

const kustomization = loadYamlDocuments('k8s/kustomization.yaml')[0] as Json & {
  resources: string[];
  images?: Json[];
};
const manifestFiles = listFiles('k8s').filter(
  // k8s/observability holds the monitoring stack's files (alert rules), not objects of this namespace.
  (file) =>
    /\.ya?ml$/.test(file) && !file.endsWith('kustomization.yaml') && !file.startsWith('k8s/observability/'),
);
const manifests = manifestFiles.flatMap((file) =>
  loadYamlDocuments(file).map((doc) => ({ file, doc: doc as Manifest })),
);
/** The api colours (blue-green): directories rendering k8s/api with their own name, label and image. */
const COLOURS = ['blue', 'green'] as const;
/** What the cluster receives: the structural checks below read the rendered objects. */
const objects = kubectlKustomize();
const ofKind = <T extends Manifest>(kind: string) => objects.filter((doc) => doc.kind === kind) as T[];
const named = <T extends Manifest>(kind: string, name: string) => {
  const found = ofKind<T>(kind).find((doc) => doc.metadata.name === name);
  assert.ok(found, `${kind} ${name} not found`);
  return found;
};
const workloads = () => [...ofKind<Workload>('Deployment'), ...ofKind<Workload>('Job')];
const podContainers = (workload: Workload) => workload.spec.template.spec.containers;

function schemaErrors(doc: Manifest): string | undefined {
  const model = SCHEMAS[`${doc.apiVersion}/${doc.kind}`];
  if (!model) return `no schema for ${doc.apiVersion}/${doc.kind}`;
  try {
    model(doc).validate();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

const matches = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.entries(selector).every(([key, value]) => labels[key] === value);

/** CPU in cores and memory in bytes from Kubernetes quantities (the suffixes these manifests use). */
function quantity(value: string): number {
  const match = /^(\d+(?:\.\d+)?)(m|k|M|G|Ki|Mi|Gi)?$/.exec(value);
  assert.ok(match, `unreadable quantity ${value}`);
  const factor =
    { m: 1e-3, k: 1e3, M: 1e6, G: 1e9, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30 }[match[2] ?? ''] ?? 1;
  return Number(match[1]) * factor;
}

function kubectlKustomize(): Manifest[] {
  const result = spawnSync('kubectl', ['kustomize', join(ROOT, 'k8s')], { encoding: 'utf8' });
  assert.ok(
    !result.error,
    `kubectl (with its built-in kustomize) is needed for this check: ${result.error?.message}`,
  );
  assert.equal(result.status, 0, result.stderr);
  return loadAll(result.stdout, null, { schema: YAML11_SCHEMA }).filter(Boolean) as Manifest[];
}

describe('k8s manifests', () => {
  test('the kustomization lists every manifest file, and each listed file exists', () => {
    const topLevel = manifestFiles.filter((file) => !file.slice('k8s/'.length).includes('/'));
    assert.deepEqual(
      [...kustomization.resources].sort(),
      [...topLevel.map((file) => file.replace(/^k8s\//, '')), ...COLOURS.map((c) => `api-${c}`)].sort(),
    );
    for (const colour of COLOURS)
      assert.deepEqual(at(loadYamlDocuments(`k8s/api-${colour}/kustomization.yaml`)[0], 'resources'), [
        '../api',
      ]);
    for (const resource of kustomization.resources)
      assert.ok(existsSync(join(ROOT, 'k8s', resource)), resource);
    assert.equal(kustomization.namespace, NAMESPACE);
  });

  test('the set of objects is complete', () => {
    const kinds = objects.map((doc) => `${doc.kind}/${doc.metadata.name}`).sort();
    for (const expected of [
      `Namespace/${NAMESPACE}`,
      'ConfigMap/jangteo-config',
      'Secret/jangteo-secrets',
      'Deployment/jangteo-api-blue',
      'Deployment/jangteo-api-green',
      'Deployment/jangteo-worker',
      'Service/jangteo-api',
      'Service/jangteo-api-preview',
      'Job/jangteo-migrate',
      'HorizontalPodAutoscaler/jangteo-api',
      'HorizontalPodAutoscaler/jangteo-worker',
      'PodDisruptionBudget/jangteo-api',
      'PodDisruptionBudget/jangteo-worker',
    ]) {
      assert.ok(kinds.includes(expected), `${expected} missing (have ${kinds.join(', ')})`);
    }
  });

  for (const { file, doc } of manifests) {
    test(`${file}: ${String(doc.kind)} ${String(doc.metadata?.name)} validates against the Kubernetes schema`, () => {
      assert.ok(
        doc.apiVersion && doc.kind && doc.metadata?.name,
        'apiVersion, kind and metadata.name are required',
      );
      assert.equal(schemaErrors(doc), undefined);
      const labels = doc.metadata.labels ?? {};
      assert.equal(labels['app.kubernetes.io/name'], 'jangteo');
      assert.equal(labels['app.kubernetes.io/part-of'], 'jangteo');
      if (doc.kind !== 'Namespace') assert.equal(doc.metadata.namespace, NAMESPACE);
    });
  }

  test('the schema check rejects what it should (so a pass above means something)', () => {
    const broken = structuredClone(named<Workload>('Deployment', 'jangteo-api-blue'));
    const container = broken.spec.template.spec.containers[0]! as unknown as Json;
    container.ports = [{ name: 'http', containerPort: 'http' }];
    container.resources = { limits: { cpu: 'one core' } };
    delete (broken.spec as Json).selector;
    const errors = schemaErrors(broken) ?? '';
    assert.match(errors, /containerPort must be integer/);
    assert.match(errors, /cpu must match format "quantity"/);
    assert.match(errors, /spec must have required property selector/);
    assert.match(schemaErrors({ ...broken, kind: 'Deploymnet' }) ?? '', /no schema for apps\/v1\/Deploymnet/);
  });

  test('`kubectl kustomize k8s` renders every object into the namespace, with a pinned image, valid against the schemas', () => {
    const rendered = kubectlKustomize();
    assert.equal(rendered.length, manifests.length + 1, 'the api template renders once per colour');
    for (const doc of rendered) {
      assert.equal(schemaErrors(doc), undefined, `${doc.kind} ${doc.metadata.name}`);
      if (doc.kind !== 'Namespace')
        assert.equal(doc.metadata.namespace, NAMESPACE, `${doc.kind} ${doc.metadata.name}`);
    }
    const images = rendered
      .filter((doc) => ['Deployment', 'Job'].includes(doc.kind))
      .flatMap((doc) => podContainers(doc as Workload).map((container) => container.image));
    assert.ok(images.length >= 3);
    for (const image of images) assert.ok(isPinnedImage(image), `image ${image} is not pinned`);
  });

  test('containers use only known fields, pinned images and the one image', () => {
    for (const workload of workloads()) {
      for (const container of podContainers(workload)) {
        const unknown = Object.keys(container).filter((key) => !CONTAINER_FIELDS.has(key));
        assert.deepEqual(unknown, [], `${workload.metadata.name}/${container.name}`);
        for (const probe of [container.livenessProbe, container.readinessProbe, container.startupProbe]) {
          assert.deepEqual(
            Object.keys(probe ?? {}).filter((key) => !PROBE_FIELDS.has(key)),
            [],
          );
        }
        assert.ok(isPinnedImage(container.image), container.image);
        assert.equal(container.image.split(':')[0], 'jangteo', 'every role runs the one app image');
      }
    }
  });

  test('each workload runs its role through the image entrypoint', () => {
    const roleOf = (name: string) =>
      podContainers(
        named<Workload>(
          name === 'migrate' ? 'Job' : 'Deployment',
          name === 'api' ? 'jangteo-api-blue' : `jangteo-${name}`,
        ),
      )[0]!;
    // The sandbox PG runs only in docker-compose: a cluster is given real PG keys.
    for (const role of Object.keys(ROLE_COMMANDS).filter((role) => role !== 'pg-simulator')) {
      const container = roleOf(role) as Container & { command?: unknown };
      assert.equal(container.command, undefined, 'command would replace the entrypoint');
      assert.equal(container.args?.[0], role);
    }
    const queues = roleOf('worker').args!.slice(1);
    assert.ok(
      queues.length > 0 &&
        queues.every((queue) => queue === 'all' || (TASK_QUEUES as readonly string[]).includes(queue)),
    );
    assert.deepEqual(roleOf('api').args, ['api']);
    assert.deepEqual(roleOf('migrate').args, ['migrate']);
  });

  test('every Deployment has liveness and readiness probes on the right endpoints and on a declared port', () => {
    const expected: Record<string, { liveness: string; readiness: string }> = {
      'jangteo-api-blue': { liveness: '/healthz', readiness: '/readyz' },
      'jangteo-api-green': { liveness: '/healthz', readiness: '/readyz' },
      'jangteo-worker': { liveness: '/healthz', readiness: '/healthz' },
    };
    for (const deployment of ofKind<Workload>('Deployment')) {
      for (const container of podContainers(deployment)) {
        const where = `${deployment.metadata.name}/${container.name}`;
        assert.ok(container.livenessProbe?.httpGet, `${where}: livenessProbe`);
        assert.ok(container.readinessProbe?.httpGet, `${where}: readinessProbe`);
        assert.equal(
          container.livenessProbe.httpGet.path,
          expected[deployment.metadata.name]?.liveness,
          where,
        );
        assert.equal(
          container.readinessProbe.httpGet.path,
          expected[deployment.metadata.name]?.readiness,
          where,
        );
        const ports = container.ports ?? [];
        for (const probe of [container.livenessProbe, container.readinessProbe, container.startupProbe]) {
          if (!probe?.httpGet) continue;
          const port = probe.httpGet.port;
          assert.ok(
            ports.some((p) => p.name === port || p.containerPort === port),
            `${where}: probe port ${port} is not declared`,
          );
        }
      }
    }
  });

  test('the app listens where the ConfigMap says: PORT on the api port, OPS_PORT on its ops port, WORKER_HTTP_PORT on the worker port', () => {
    const data = named<Manifest & { data: Record<string, string> }>('ConfigMap', 'jangteo-config').data;
    const portOf = (name: string) =>
      podContainers(named<Workload>('Deployment', name))[0]!.ports![0]!.containerPort;
    assert.equal(Number(data.PORT), portOf('jangteo-api-blue'));
    assert.equal(Number(data.WORKER_HTTP_PORT), portOf('jangteo-worker'));
    const annotations = (name: string) =>
      (named<Workload>('Deployment', name).spec.template.metadata as Json).annotations as Record<
        string,
        string
      >;
    // The api's /metrics and /readyz live on the ops port only (production), which the Service leaves out.
    const apiPorts = podContainers(named<Workload>('Deployment', 'jangteo-api-blue'))[0]!.ports!;
    const opsPort = apiPorts.find((port) => port.name === 'ops')?.containerPort;
    assert.equal(Number(data.OPS_PORT), opsPort);
    assert.equal(Number(annotations('jangteo-api-blue')['prometheus.io/port']), opsPort);
    const api = podContainers(named<Workload>('Deployment', 'jangteo-api-blue'))[0]!;
    assert.equal(api.readinessProbe?.httpGet?.port, 'ops');
    const service = named<Manifest & { spec: { ports: { targetPort: number | string }[] } }>(
      'Service',
      'jangteo-api',
    );
    assert.ok(service.spec.ports.every((port) => port.targetPort !== 'ops' && port.targetPort !== opsPort));
    assert.equal(Number(annotations('jangteo-worker')['prometheus.io/port']), portOf('jangteo-worker'));
  });

  test('every workload container has CPU and memory requests and limits, requests within limits', () => {
    for (const workload of workloads()) {
      for (const container of podContainers(workload)) {
        const where = `${workload.metadata.name}/${container.name}`;
        for (const resource of ['cpu', 'memory']) {
          const request = container.resources?.requests?.[resource];
          const limit = container.resources?.limits?.[resource];
          assert.ok(request && limit, `${where}: ${resource} request and limit`);
          assert.ok(
            quantity(request) <= quantity(limit),
            `${where}: ${resource} request ${request} > limit ${limit}`,
          );
        }
      }
    }
    assert.equal(quantity('250m'), 0.25);
    assert.equal(quantity('1Gi'), 2 ** 30);
  });

  test('pods run non-root with a read-only root filesystem; /app/var and /tmp are emptyDir volumes', () => {
    for (const workload of workloads()) {
      const pod = workload.spec.template.spec;
      assert.equal(at(pod, 'securityContext', 'runAsNonRoot'), true, workload.metadata.name);
      assert.notEqual(at(pod, 'securityContext', 'runAsUser'), 0);
      const volumes = new Map((pod.volumes ?? []).map((volume) => [volume.name, volume]));
      for (const container of podContainers(workload)) {
        const where = `${workload.metadata.name}/${container.name}`;
        assert.equal(container.securityContext?.readOnlyRootFilesystem, true, where);
        assert.equal(container.securityContext?.allowPrivilegeEscalation, false, where);
        assert.deepEqual(at(container.securityContext, 'capabilities', 'drop'), ['ALL'], where);
        for (const mount of container.volumeMounts ?? [])
          assert.ok(volumes.has(mount.name), `${where}: volume ${mount.name}`);
        for (const path of ['/app/var', '/tmp']) {
          const mount = container.volumeMounts?.find((m) => m.mountPath === path);
          assert.ok(
            mount && isObject(volumes.get(mount.name)?.emptyDir),
            `${where}: ${path} must be a writable emptyDir`,
          );
        }
      }
    }
  });

  test('Deployment selectors match their pod labels, and labels follow app.kubernetes.io', () => {
    for (const deployment of ofKind<Workload>('Deployment')) {
      const selector = deployment.spec.selector!.matchLabels;
      const labels = deployment.spec.template.metadata.labels;
      assert.ok(
        matches(selector, labels),
        `${deployment.metadata.name}: selector does not select its own pods`,
      );
      assert.ok(selector['app.kubernetes.io/component'], 'the selector tells api and worker pods apart');
      assert.equal(
        selector['app.kubernetes.io/version'],
        undefined,
        'a version in the (immutable) selector breaks upgrades',
      );
      assert.equal(
        labels['app.kubernetes.io/component'],
        deployment.metadata.labels?.['app.kubernetes.io/component'],
      );
    }
    const [api, worker] = ['jangteo-api-blue', 'jangteo-worker'].map((name) =>
      named<Workload>('Deployment', name),
    );
    assert.ok(
      !matches(api!.spec.selector!.matchLabels, worker!.spec.template.metadata.labels),
      'api selector takes worker pods',
    );
    assert.ok(
      !matches(worker!.spec.selector!.matchLabels, api!.spec.template.metadata.labels),
      'worker selector takes api pods',
    );
  });

  test('the api Service selects exactly the api pods and targets a port they declare', () => {
    const service = named<
      Manifest & {
        spec: { selector: Record<string, string>; ports: { port: number; targetPort: number | string }[] };
      }
    >('Service', 'jangteo-api');
    const selected = ofKind<Workload>('Deployment').filter((d) =>
      matches(service.spec.selector, d.spec.template.metadata.labels),
    );
    assert.deepEqual(
      selected.map((d) => d.metadata.name),
      ['jangteo-api-blue'],
    );
    const ports = podContainers(selected[0]!).flatMap((container) => container.ports ?? []);
    for (const { targetPort } of service.spec.ports) {
      assert.ok(
        ports.some((p) => p.name === targetPort || p.containerPort === targetPort),
        `targetPort ${targetPort} is not declared`,
      );
    }
  });

  test('HPAs scale existing Deployments and leave the PDBs room to evict', () => {
    for (const hpa of ofKind<
      Manifest & { spec: { scaleTargetRef: Json; minReplicas: number; maxReplicas: number } }
    >('HorizontalPodAutoscaler')) {
      const target = named<Workload>('Deployment', String(hpa.spec.scaleTargetRef.name));
      assert.equal(hpa.spec.scaleTargetRef.kind, 'Deployment');
      assert.equal(hpa.spec.scaleTargetRef.apiVersion, 'apps/v1');
      assert.ok(hpa.spec.minReplicas >= 2 && hpa.spec.minReplicas <= hpa.spec.maxReplicas, hpa.metadata.name);
      const pdbs = ofKind<
        Manifest & {
          spec: {
            selector: { matchLabels: Record<string, string> };
            minAvailable?: number;
            maxUnavailable?: number;
          };
        }
      >('PodDisruptionBudget').filter((pdb) =>
        matches(pdb.spec.selector.matchLabels, target.spec.template.metadata.labels),
      );
      assert.equal(pdbs.length, 1, `${target.metadata.name}: exactly one PodDisruptionBudget`);
      const pdb = pdbs[0]!.spec;
      if (pdb.minAvailable !== undefined)
        assert.ok(pdb.minAvailable < hpa.spec.minReplicas, 'a drain could never evict');
      if (pdb.maxUnavailable !== undefined) assert.ok(pdb.maxUnavailable >= 1);
    }
    for (const pdb of ofKind<Manifest & { spec: { selector: { matchLabels: Record<string, string> } } }>(
      'PodDisruptionBudget',
    )) {
      const covered = ofKind<Workload>('Deployment').filter((d) =>
        matches(pdb.spec.selector.matchLabels, d.spec.template.metadata.labels),
      );
      // The api's PDB covers both colours: only the live one has pods once the idle one is scaled down.
      const components = new Set(
        covered.map((d) => d.spec.template.metadata.labels['app.kubernetes.io/component']),
      );
      assert.ok(
        covered.length >= 1 && components.size === 1,
        `${pdb.metadata.name} covers ${[...components]}`,
      );
    }
  });

  test('the migrate Job runs once to completion and does not restart in place', () => {
    const job = named<Workload & { spec: { backoffLimit?: number } }>('Job', 'jangteo-migrate');
    assert.equal(job.spec.template.spec.restartPolicy, 'Never');
    assert.ok((job.spec.backoffLimit ?? 6) <= 3);
  });

  test('ConfigMap and Secret carry every app variable exactly once, and nothing else', () => {
    const config = Object.keys(named<Manifest & { data: Json }>('ConfigMap', 'jangteo-config').data);
    const secret = Object.keys(
      named<Manifest & { stringData: Json }>('Secret', 'jangteo-secrets').stringData,
    );
    assert.deepEqual(
      config.filter((key) => secret.includes(key)),
      [],
      'in both the ConfigMap and the Secret',
    );
    assert.deepEqual(
      [...config, ...secret].filter((key) => !(APP_ENV_VARS as readonly string[]).includes(key)),
      [],
    );
    assert.deepEqual(
      APP_ENV_VARS.filter((key) => !config.includes(key) && !secret.includes(key)),
      [],
    );
    for (const required of REQUIRED_SECRETS)
      assert.ok(secret.includes(required), `${required} belongs in the Secret`);
  });

  test('the Secret is a template: placeholders or empty values, never something that looks real', () => {
    const secret = named<Manifest & { stringData: Record<string, string>; data?: Json }>(
      'Secret',
      'jangteo-secrets',
    );
    assert.equal(secret.data, undefined, 'use stringData so the placeholders stay readable');
    for (const [key, value] of Object.entries(secret.stringData)) {
      assert.ok(value === '' || value === 'REPLACE_ME', `${key} holds a value: ${value}`);
    }
    for (const required of REQUIRED_SECRETS)
      assert.equal(secret.stringData[required], 'REPLACE_ME', required);
  });

  test('workloads read their environment from the ConfigMap and the Secret that exist, and set no unknown variable', () => {
    for (const workload of workloads()) {
      for (const container of podContainers(workload)) {
        const refs = (container.envFrom ?? []).map(
          (source) => source.configMapRef?.name ?? source.secretRef?.name,
        );
        assert.deepEqual(
          refs,
          ['jangteo-config', 'jangteo-secrets'],
          `${workload.metadata.name}/${container.name}`,
        );
        const unknown = (container.env ?? [])
          .map((e) => e.name)
          .filter((name) => !(APP_ENV_VARS as readonly string[]).includes(name));
        assert.deepEqual(unknown, []);
      }
    }
  });

  test('version labels and the image tag agree with package.json', () => {
    const version = (JSON.parse(readText('package.json')) as { version: string }).version;
    for (const colour of COLOURS) {
      const images = at(loadYamlDocuments(`k8s/api-${colour}/kustomization.yaml`)[0], 'images') as Json[];
      assert.equal(
        images.find((entry) => entry.name === 'jangteo')?.newTag,
        version,
        `api-${colour} image tag`,
      );
    }
    for (const workload of workloads()) {
      assert.equal(workload.metadata.labels?.['app.kubernetes.io/version'], version, workload.metadata.name);
      assert.equal(
        workload.spec.template.metadata.labels['app.kubernetes.io/version'],
        version,
        workload.metadata.name,
      );
      for (const container of podContainers(workload)) assert.equal(container.image, `jangteo:${version}`);
    }
  });
});
