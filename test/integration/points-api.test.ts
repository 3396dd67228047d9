import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { uuidv7 } from '../../platform/ids';
import { createAdmin, signUpConsumer, type TestAccount } from '../support/identity';
import { createTestApp, type TestApp } from '../support/test-app';

interface PointsPage {
  available: number;
  held: number;
  expiringSoon: Array<{ amount: number; expiresAt: string }>;
  entries: Array<{ type: string; amount: number; reason: string | null; availableAfter: number }>;
}

describe('points over HTTP: CS grants and deductions, the buyer’s page', () => {
  let app: TestApp;
  let admin: TestAccount;
  let buyer: TestAccount;

  before(async () => {
    app = await createTestApp();
    admin = await createAdmin(app);
    buyer = await signUpConsumer(app);
  });

  after(async () => {
    for (const table of ['points_ledger', 'points_holds', 'points_lots', 'points_accounts'])
      await app.dataSource.query(`DELETE FROM ${table} WHERE user_id = ?`, [buyer.id]);
    await app.close();
  });

  const adjust = (body: unknown, who: TestAccount = admin, userId = buyer.id) =>
    app.request(`/api/v1/admin/users/${userId}/points`, {
      method: 'POST',
      headers: { ...who.auth, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  test('an admin grants and deducts with a reason; the buyer sees both, newest first, with the reason', async () => {
    const granted = await adjust({ amount: 5_000, reason: '배송 지연 보상' });
    assert.equal(granted.status, 200);
    assert.deepEqual(await granted.json(), { userId: buyer.id, available: 5_000, held: 0 });
    assert.equal((await adjust({ amount: -1_200, reason: '중복 지급 회수' })).status, 200);

    const page = await app.request('/api/v1/me/points?size=5', { headers: buyer.auth });
    assert.equal(page.status, 200);
    const body = (await page.json()) as PointsPage;
    assert.equal(body.available, 3_800);
    assert.deepEqual(
      body.entries.map((e) => [e.type, e.amount, e.reason, e.availableAfter]),
      [
        ['ADMIN_DEDUCT', 1_200, '중복 지급 회수', 3_800],
        ['ADMIN_GRANT', 5_000, '배송 지연 보상', 5_000],
      ],
    );
    assert.deepEqual(body.expiringSoon, [], 'granted points last POINTS_VALIDITY_DAYS (365 by default)');
  });

  test('a deduction beyond the available balance is 409 naming the balance, and changes nothing', async () => {
    const before = (
      (await (await app.request('/api/v1/me/points', { headers: buyer.auth })).json()) as PointsPage
    ).available;
    const refused = await adjust({ amount: -(before + 1), reason: '회수' });
    assert.equal(refused.status, 409);
    assert.match(refused.headers.get('content-type') ?? '', /application\/problem\+json/);
    const problem = (await refused.json()) as { code: string; available: number; detail: string };
    assert.equal(problem.code, 'POINTS_INSUFFICIENT');
    assert.equal(problem.available, before);
    assert.match(problem.detail, new RegExp(`only ${before} points are available`));
  });

  test('bad requests are 400, other roles 403, unknown members 404', async () => {
    for (const body of [
      { amount: 0, reason: 'x' },
      { amount: 10.5, reason: 'x' },
      { amount: 100 },
      { amount: 100, reason: '   ' },
      { amount: '100', reason: 'x' },
    ])
      assert.equal((await adjust(body)).status, 400, JSON.stringify(body));
    assert.equal((await adjust({ amount: 100, reason: 'x' }, buyer)).status, 403);
    const unknown = await adjust({ amount: 100, reason: 'x' }, admin, uuidv7());
    assert.equal(unknown.status, 404);
    assert.equal(((await unknown.json()) as { code: string }).code, 'USER_NOT_FOUND');
    assert.equal(
      (await app.request(`/api/v1/admin/users/${buyer.id}/points`, { method: 'POST', body: '{}' })).status,
      401,
    );
  });
});
