import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadApiConfig } from './api.config';
import { loadEmbeddedConfig } from './embedded.config';
import { ConfigError } from './env';
import { loadWorkerConfig } from './worker.config';

function configErrorOf(load: () => unknown): ConfigError {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  assert.fail('expected a ConfigError');
}

describe('configuration', () => {
  test('the API role refuses to start without TEMPORAL_ADDRESS and names it', () => {
    const error = configErrorOf(() => loadApiConfig({}));
    assert.deepEqual(
      error.issues.map((i) => i.variable),
      ['TEMPORAL_ADDRESS'],
    );
    assert.match(error.message, /TEMPORAL_ADDRESS/);
  });

  test('every wrong value is reported with its variable name', () => {
    const error = configErrorOf(() =>
      loadWorkerConfig({
        TEMPORAL_ADDRESS: 'no-port',
        DATABASE_URL: 'postgres://x/y',
        REDIS_URL: 'http://r',
        WORKER_HTTP_PORT: '99999',
        LOG_LEVEL: 'loud',
      }),
    );
    const variables = error.issues.map((i) => i.variable).sort();
    assert.deepEqual(variables, [
      'DATABASE_URL',
      'LOG_LEVEL',
      'REDIS_URL',
      'TEMPORAL_ADDRESS',
      'WORKER_HTTP_PORT',
    ]);
    assert.match(error.message, /DATABASE_URL: must be a URL with scheme mysql or mariadb/);
  });

  test('production requires the real database and Redis', () => {
    const error = configErrorOf(() =>
      loadApiConfig({ NODE_ENV: 'production', TEMPORAL_ADDRESS: 'temporal:7233' }),
    );
    assert.deepEqual(error.issues.map((i) => i.variable).sort(), ['DATABASE_URL', 'REDIS_URL']);
  });

  test('real services are chosen by their variables', () => {
    const config = loadApiConfig({
      TEMPORAL_ADDRESS: 'temporal:7233',
      DATABASE_URL: 'mysql://app:pw@db:3306/jangteo',
      REDIS_URL: 'redis://cache:6379',
      PORT: '8080',
    });
    assert.deepEqual(config.database, { kind: 'mariadb', url: 'mysql://app:pw@db:3306/jangteo' });
    assert.deepEqual(config.cache, { kind: 'redis', url: 'redis://cache:6379' });
    assert.equal(config.port, 8080);
    assert.equal(config.publicBaseUrl, 'http://localhost:8080');
  });

  test('the embedded default needs nothing configured, and empty values count as unset', () => {
    const config = loadEmbeddedConfig({ DATABASE_URL: '', REDIS_URL: '' });
    assert.deepEqual(config.database, { kind: 'sqlite', path: 'var/jangteo.sqlite' });
    assert.deepEqual(config.cache, { kind: 'memory' });
    assert.equal(config.temporal.address, undefined);
    assert.equal(config.temporal.uiPort, 8233);
    assert.equal(config.port, 3000);
  });
});

describe('vendor configuration in the role schemas', () => {
  const api = { TEMPORAL_ADDRESS: 'temporal:7233' };

  test('every role reads the courier and settlement vendors; none configured → their sandboxes', () => {
    for (const config of [loadApiConfig(api), loadWorkerConfig(api), loadEmbeddedConfig({})]) {
      assert.equal(config.couriers.tracker.kind, 'sandbox');
      assert.equal(config.settlement.banking.kind, 'sandbox');
      assert.equal(config.settlement.popbill.kind, 'sandbox');
    }
    const shared = loadWorkerConfig({
      ...api,
      COURIER_SIMULATOR_URL: 'http://sim:4010',
      BANKING_SIMULATOR_URL: 'http://bank:4020',
    });
    assert.deepEqual(shared.couriers.tracker, {
      kind: 'sandbox',
      simulatorUrl: 'http://sim:4010',
      stepIntervalMs: 10_000,
    });
    assert.equal(
      shared.settlement.banking.kind === 'sandbox' && shared.settlement.banking.simulatorUrl,
      'http://bank:4020',
    );
  });

  test('a wrong courier or settlement variable stops every role at start-up, named', () => {
    const wrong = { ...api, COURIER_SANDBOX_STEP_SECONDS: '0', FIRM_BANKING_ORG_CODE: 'short' };
    for (const load of [
      () => loadApiConfig(wrong),
      () => loadWorkerConfig(wrong),
      () => loadEmbeddedConfig(wrong),
    ])
      assert.deepEqual(
        configErrorOf(load)
          .issues.map((i) => i.variable)
          .sort(),
        ['COURIER_SANDBOX_STEP_SECONDS', 'FIRM_BANKING_ORG_CODE'],
      );
    assert.deepEqual(
      configErrorOf(() => loadWorkerConfig({ ...api, POPBILL_LINK_ID: 'JANGTEO' })).issues.map(
        (i) => i.variable,
      ),
      ['POPBILL_SECRET_KEY'],
    );
  });

  test('WARM_UP_REQUESTS: 3,000 by default, 0 turns the warm-up off, anything else is named', () => {
    assert.equal(loadApiConfig(api).warmUpRequests, 3000);
    assert.equal(loadEmbeddedConfig({}).warmUpRequests, 3000);
    assert.equal(loadApiConfig({ ...api, WARM_UP_REQUESTS: '0' }).warmUpRequests, 0);
    for (const value of ['-1', 'many', '1.5'])
      assert.deepEqual(
        configErrorOf(() => loadApiConfig({ ...api, WARM_UP_REQUESTS: value })).issues.map((i) => i.variable),
        ['WARM_UP_REQUESTS'],
      );
  });

  test('the worker reads IMAGE_STORAGE_DIR like the API (default var/images)', () => {
    assert.equal(loadWorkerConfig(api).imageStorageDir, 'var/images');
    assert.equal(loadApiConfig(api).imageStorageDir, 'var/images');
    assert.equal(
      loadWorkerConfig({ ...api, IMAGE_STORAGE_DIR: '/data/images' }).imageStorageDir,
      '/data/images',
    );
  });
});
