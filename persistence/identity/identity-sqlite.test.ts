import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DataSource } from 'typeorm';
import { createApp } from '../../api/app';
import { contextInfra } from '../../contexts/context-infra';
import { createIdentityContext } from '../../contexts/identity.context';
import { ephemeralIdentitySettings } from '../../config/identity-secrets';
import { MemoryKeyValueStore } from '../../platform/cache/memory-key-value-store';
import { uuidv7 } from '../../platform/ids';
import { createLogger } from '../../platform/observability/logger';
import { createMetrics } from '../../platform/observability/metrics';
import { createDataSource } from '../data-source';

/** The embedded mode: identity's migration and repositories on SQLite, lockout in memory. */
describe('identity on SQLite (embedded mode)', () => {
  let dataSource: DataSource;
  let app: ReturnType<typeof createApp>;

  before(async () => {
    dataSource = await createDataSource({ kind: 'sqlite', path: ':memory:' }).initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    const identity = createIdentityContext(
      contextInfra({
        infrastructure: { dataSource, kv: new MemoryKeyValueStore() },
        logger: createLogger({ level: 'silent' }),
        identity: ephemeralIdentitySettings(),
        publicBaseUrl: 'http://localhost',
      }),
    );
    app = createApp({
      logger: createLogger({ level: 'silent' }),
      metrics: createMetrics({ collectProcessMetrics: false }),
      newId: () => uuidv7(),
      readinessChecks: [],
      apiRoutes: identity.routes(),
    });
  });
  after(async () => {
    await dataSource.destroy();
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    Promise.resolve(
      app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }),
    );

  test('signup, login, rotation, reuse detection, withdrawal and re-signup work', async () => {
    const account = {
      email: 'embedded@example.com',
      password: 'Correct-Horse-42',
      name: '김임베',
      phone: '010-1111-2222',
      role: 'CONSUMER',
    };
    const first = await post('/api/v1/auth/signup', account);
    assert.equal(first.status, 201);
    // A registered e-mail gets the same answer as a new one (docs/security.md#abuse-limits), naming no account.
    const again = await post('/api/v1/auth/signup', account);
    assert.equal(again.status, 201);
    assert.notEqual(((await again.json()) as { id: string }).id, ((await first.json()) as { id: string }).id);
    const tokens = (await (await post('/api/v1/auth/login', account)).json()) as {
      accessToken: string;
      refreshToken: string;
    };
    const rotated = await post('/api/v1/auth/refresh', { refreshToken: tokens.refreshToken });
    assert.equal(rotated.status, 200);
    assert.equal((await post('/api/v1/auth/refresh', { refreshToken: tokens.refreshToken })).status, 401);
    const fresh = (await (await post('/api/v1/auth/login', account)).json()) as { accessToken: string };
    const auth = { authorization: `Bearer ${fresh.accessToken}` };
    const me = (await (await app.request('/api/v1/me', { headers: auth })).json()) as {
      email: string;
      phone: string;
    };
    assert.deepEqual([me.email, me.phone], ['embedded@example.com', '010-1111-2222']);
    assert.equal((await app.request('/api/v1/me', { method: 'DELETE', headers: auth })).status, 204);
    assert.equal((await post('/api/v1/auth/signup', account)).status, 201);
  });
});
