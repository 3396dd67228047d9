import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bootstrapAdmin } from '../../contexts/identity.context';
import { testInfra } from '../support/contexts';
import { uniqueEmail } from '../support/identity';
import { createTestApp, type TestApp } from '../support/test-app';

describe('identity: the first admin from configuration', () => {
  let app: TestApp;
  before(async () => {
    app = await createTestApp();
  });
  after(async () => {
    await app.close();
  });

  test('is created once, idempotently, and can sign in and create staff', async () => {
    const admin = { email: uniqueEmail('first-admin'), password: 'First-Admin-Pass-9' };
    const settings = { ...app.identity, bootstrapAdmin: admin };
    const input = testInfra({ ...app, identity: settings });
    assert.deepEqual(
      await Promise.all([bootstrapAdmin(input), bootstrapAdmin(input)]).then((r) => r.sort()),
      ['created', 'exists'],
    );
    assert.equal(await bootstrapAdmin(input), 'exists');

    const login = await app.request('/api/v1/auth/login', { body: admin });
    assert.equal(login.status, 200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const me = (await (
      await app.request('/api/v1/me', { headers: { authorization: `Bearer ${accessToken}` } })
    ).json()) as { role: string };
    assert.equal(me.role, 'ADMIN');
    const rows = (await app.dataSource.query(
      "SELECT COUNT(*) AS n FROM users WHERE email_hash IS NOT NULL AND role = 'ADMIN' AND created_at >= NOW() - INTERVAL 1 MINUTE",
    )) as { n: number }[];
    assert.ok(Number(rows[0]!.n) >= 1);
  });
});
