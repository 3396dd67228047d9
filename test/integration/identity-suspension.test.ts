import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAdmin, signUpConsumer, signUpSeller, type TestAccount } from '../support/identity';
import { createTestApp, type TestApp } from '../support/test-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Admins suspend and reactivate accounts (docs/identity.md#suspension). */
describe('identity: account suspension', () => {
  let app: TestApp;
  let admin: TestAccount;

  before(async () => {
    app = await createTestApp();
    admin = await createAdmin(app);
  });
  after(() => app.close());

  const call = async (path: string, init: { account?: TestAccount; body?: unknown; lang?: string } = {}) => {
    const response = await app.request(`/api/v1${path}`, {
      method: init.body !== undefined ? 'POST' : 'GET',
      headers: { ...(init.account?.auth ?? {}), 'accept-language': init.lang ?? 'en' },
      body: init.body,
    });
    return { status: response.status, body: (await response.json()) as Json };
  };
  const login = (account: TestAccount, lang?: string) =>
    call('/auth/login', { body: { email: account.email, password: account.password }, lang });
  const suspend = (user: TestAccount, reason = '사기 의심 거래 반복') =>
    call(`/admin/users/${user.id}/suspend`, { account: admin, body: { reason } });

  test('a suspended account is refused sign-in, refresh and its live token, then reactivated signs in again', async () => {
    const seller = await signUpSeller(app);
    assert.equal((await call('/me', { account: seller })).status, 200);

    const suspended = await suspend(seller);
    assert.equal(suspended.status, 200);
    assert.equal(suspended.body.status, 'SUSPENDED');
    assert.equal(suspended.body.suspensionReason, '사기 의심 거래 반복');
    assert.ok(suspended.body.suspendedAt);

    const live = await call('/me', { account: seller });
    assert.equal(live.status, 403);
    assert.equal(live.body.code, 'ACCOUNT_SUSPENDED');

    const refused = await login(seller, 'ko');
    assert.equal(refused.status, 403);
    assert.equal(refused.body.code, 'ACCOUNT_SUSPENDED');
    assert.equal(refused.body.detail, '관리자가 이 계정을 정지했습니다. 고객센터에 문의해 주세요.');
    const inEnglish = await login(seller);
    assert.match(inEnglish.body.detail, /suspended by an administrator/);

    const refresh = await call('/auth/refresh', { body: { refreshToken: seller.refreshToken } });
    assert.equal(refresh.status, 403);
    assert.equal(refresh.body.code, 'ACCOUNT_SUSPENDED');

    const wrongPassword = await call('/auth/login', {
      body: { email: seller.email, password: 'Wrong-Pass-99' },
    });
    assert.equal(wrongPassword.status, 401, 'a wrong password does not reveal the suspension');

    const found = await call(`/admin/users?email=${encodeURIComponent(seller.email)}`, { account: admin });
    assert.deepEqual(
      found.body.items.map((u: Json) => [u.id, u.status]),
      [[seller.id, 'SUSPENDED']],
    );

    const reactivated = await call(`/admin/users/${seller.id}/reactivate`, { account: admin, body: {} });
    assert.equal(reactivated.status, 200);
    assert.equal(reactivated.body.status, 'ACTIVE');
    assert.equal(reactivated.body.suspendedAt, null);
    // Suspension ended the old sign-ins; the owner signs in again.
    assert.equal((await call('/auth/refresh', { body: { refreshToken: seller.refreshToken } })).status, 401);
    const again = await login(seller);
    assert.equal(again.status, 200);
    assert.equal(
      (
        await call('/me', {
          account: { ...seller, auth: { authorization: `Bearer ${again.body.accessToken}` } },
        })
      ).status,
      200,
    );
  });

  test('the address of a suspended account stays taken and findable', async () => {
    const consumer = await signUpConsumer(app);
    await suspend(consumer);
    await call('/auth/signup', {
      body: {
        email: consumer.email,
        password: 'Another-Pass-77',
        name: '김철수',
        phone: '010-1234-5678',
        role: 'CONSUMER',
      },
    });
    const found = await call(`/admin/users?email=${encodeURIComponent(consumer.email)}`, { account: admin });
    assert.deepEqual(
      found.body.items.map((u: Json) => [u.id, u.status]),
      [[consumer.id, 'SUSPENDED']],
    );
    const newcomer = await call('/auth/login', {
      body: { email: consumer.email, password: 'Another-Pass-77' },
    });
    assert.equal(newcomer.status, 401, 'no second account was made with the address');
  });

  test('admins cannot suspend themselves; others than admins cannot suspend; bad input names the field', async () => {
    const self = await call(`/admin/users/${admin.id}/suspend`, {
      account: admin,
      body: { reason: '테스트' },
    });
    assert.equal(self.status, 409);
    assert.equal(self.body.code, 'CANNOT_SUSPEND_SELF');

    const consumer = await signUpConsumer(app);
    const seller = await signUpSeller(app);
    const byConsumer = await call(`/admin/users/${seller.id}/suspend`, {
      account: consumer,
      body: { reason: 'x' },
    });
    assert.equal(byConsumer.status, 403);

    const noReason = await call(`/admin/users/${seller.id}/suspend`, {
      account: admin,
      body: { reason: ' ' },
    });
    assert.equal(noReason.status, 400);
    assert.match(JSON.stringify(noReason.body), /reason/);

    const unknown = await call('/admin/users/00000000-0000-7000-8000-000000000000/suspend', {
      account: admin,
      body: { reason: '없는 회원' },
    });
    assert.equal(unknown.status, 404);
    assert.equal((await call('/me', { account: seller })).status, 200, 'refused attempts changed nothing');
  });
});
