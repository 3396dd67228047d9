import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEFAULT_ABUSE_LIMITS, type AbuseLimits } from '../../application/shared/abuse-limits';
import { listen, type RunningServer } from '../../platform/http-server';
import { uuidv7 } from '../../platform/ids';
import { eventually } from '../support/eventually';
import { login, signUpConsumer, TEST_PASSWORD, uniqueEmail } from '../support/identity';
import { createTestApp, type TestApp } from '../support/test-app';

type Json = Record<string, unknown>;

const perMinute = (limit: number) => ({ limit, windowMs: 60_000 });
const limits: AbuseLimits = {
  ...DEFAULT_ABUSE_LIMITS,
  signupPerClient: perMinute(3),
  refreshPerClient: perMinute(4),
  refreshPerAccount: perMinute(2),
  paymentReturnPerClient: perMinute(3),
  login: { failuresPerClient: 3, failuresPerAccount: 5, failureWindowMs: 60_000, lockMs: 600_000 },
};

/**
 * Every limit through HTTP on a real socket, as behind one proxy of our own (TRUSTED_PROXY_HOPS=1):
 * each test's client is the address in `X-Forwarded-For`.
 */
describe('abuse limits: 429 with Retry-After per client and per account (MariaDB + Redis)', () => {
  let app: TestApp;
  let server: RunningServer;
  before(async () => {
    app = await createTestApp({ abuse: { limits, trustedProxyHops: 1 } });
    server = await listen(app.app.fetch, 0, '127.0.0.1');
  });
  after(async () => {
    await server?.close();
    await app?.close();
  });

  let clients = 0;
  const newClient = () => `203.0.113.${(clients += 1)}`;
  const call = async (path: string, client: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`http://127.0.0.1:${server.port}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      redirect: 'manual',
      headers: { 'x-forwarded-for': client, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const json = response.headers.get('content-type')?.includes('json') && text ? JSON.parse(text) : {};
    return { status: response.status, headers: response.headers, body: json as Json };
  };
  const signupBody = (email = uniqueEmail('abuse')) => ({
    email,
    password: TEST_PASSWORD,
    name: '김가입',
    phone: '010-1111-2222',
    role: 'CONSUMER',
  });
  const assertLimited = (answer: Awaited<ReturnType<typeof call>>, code = 'RATE_LIMITED') => {
    assert.equal(answer.status, 429, JSON.stringify(answer.body));
    assert.equal(answer.headers.get('content-type'), 'application/problem+json');
    assert.equal(answer.body.code, code);
    const retryAfter = Number(answer.headers.get('retry-after'));
    assert.ok(retryAfter >= 1, `Retry-After ${answer.headers.get('retry-after')}`);
    assert.equal(answer.body.retryAfterSeconds, retryAfter);
    assert.match(answer.body.detail as string, /후에 다시 시도해 주세요/);
    return retryAfter;
  };

  test('signup: a client gets 429 after its limit, another client still signs up; a forged X-Forwarded-For does not help', async () => {
    const client = newClient();
    for (let i = 0; i < 3; i++)
      assert.equal((await call('/api/v1/auth/signup', client, signupBody())).status, 201);
    const limited = await call('/api/v1/auth/signup', client, signupBody());
    assert.ok(assertLimited(limited) <= 60);
    assert.match(limited.body.detail as string, /^회원가입 요청이 너무 많습니다/);
    const forged = await call('/api/v1/auth/signup', `198.51.100.7, ${client}`, signupBody());
    assert.equal(forged.status, 429, 'the client cannot pick its key by prepending addresses');
    assert.equal((await call('/api/v1/auth/signup', newClient(), signupBody())).status, 201);
  });

  test('signup with a registered e-mail answers exactly like a new one, and the owner is told by mail', async () => {
    const owner = await signUpConsumer(app);
    const fresh = await call('/api/v1/auth/signup', newClient(), signupBody());
    const taken = await call('/api/v1/auth/signup', newClient(), signupBody(owner.email.toUpperCase()));
    assert.equal(taken.status, fresh.status);
    assert.deepEqual(Object.keys(taken.body).sort(), Object.keys(fresh.body).sort());
    assert.equal(taken.body.email, owner.email.toLowerCase());
    assert.notEqual(taken.body.id, owner.id);
    const [{ n: created }] = (await app.dataSource.query('SELECT COUNT(*) AS n FROM users WHERE id = ?', [
      taken.body.id,
    ])) as Array<{ n: number }>;
    assert.equal(Number(created), 0, 'nothing was created');
    await login(app, owner.email); // the owner's password is untouched
    const notices = () =>
      app.dataSource.query(
        "SELECT id FROM notifications WHERE recipient_user_id = ? AND template_code = 'SIGNUP_ATTEMPTED'",
        [owner.id],
      ) as Promise<unknown[]>;
    await eventually(async () => (await notices()).length === 1, { what: 'the owner’s notice' });
    // A second try within the hour answers the same but mails the owner no more (RATE_LIMIT_SIGNUP_NOTICE).
    assert.equal((await call('/api/v1/auth/signup', newClient(), signupBody(owner.email))).status, 201);
    const [{ n }] = (await app.dataSource.query(
      "SELECT COUNT(*) AS n FROM notifications WHERE recipient_user_id = ? AND template_code = 'SIGNUP_ATTEMPTED'",
      [owner.id],
    )) as Array<{ n: number }>;
    assert.equal(Number(n), 1);
  });

  test('login: an attacker’s failures lock only the attacker’s client; many clients together lock the account', async () => {
    const owner = await signUpConsumer(app);
    const [attacker, ownerClient, second] = [newClient(), newClient(), newClient()];
    const attempt = (client: string, password = 'Wrong-Password-1') =>
      call('/api/v1/auth/login', client, { email: owner.email, password });
    for (let i = 0; i < 3; i++) assert.equal((await attempt(attacker)).status, 401);
    const locked = await attempt(attacker, TEST_PASSWORD);
    const wait = assertLimited(locked, 'LOGIN_LOCKED');
    assert.ok(wait > 590 && wait <= 600, `locked for ${wait} s`);
    assert.equal(locked.body.lockedFor, 'ACCOUNT_AND_CLIENT');
    assert.match(locked.body.detail as string, /이 기기에서의 로그인이 잠겼습니다. 10분 후에/);
    assert.equal(
      (await attempt(ownerClient, TEST_PASSWORD)).status,
      200,
      'the owner signs in from their own client',
    );

    for (let i = 0; i < 2; i++) assert.equal((await attempt(second)).status, 401);
    const accountLocked = await attempt(ownerClient, TEST_PASSWORD);
    assertLimited(accountLocked, 'LOGIN_LOCKED');
    assert.equal(accountLocked.body.lockedFor, 'ACCOUNT');
    assert.match(accountLocked.body.detail as string, /이 계정에 로그인 실패가 너무 많아/);
  });

  test('refresh: limited per account once the token names it, and per client for anything', async () => {
    const account = await signUpConsumer(app);
    const client = newClient();
    let token = account.refreshToken;
    for (let i = 0; i < 2; i++) {
      const rotated = await call('/api/v1/auth/refresh', client, { refreshToken: token });
      assert.equal(rotated.status, 200);
      token = rotated.body.refreshToken as string;
    }
    assertLimited(await call('/api/v1/auth/refresh', newClient(), { refreshToken: token }));

    const guesser = newClient();
    for (let i = 0; i < 4; i++)
      assert.equal(
        (await call('/api/v1/auth/refresh', guesser, { refreshToken: `${uuidv7()}.x` })).status,
        401,
      );
    assertLimited(await call('/api/v1/auth/refresh', guesser, { refreshToken: `${uuidv7()}.x` }));
  });

  test('the PG return URL, which needs no sign-in, is limited per client', async () => {
    const client = newClient();
    const path = `/api/v1/payments/return/toss/${uuidv7()}/success?paymentKey=forged&amount=1000`;
    for (let i = 0; i < 3; i++) assert.equal((await call(path, client)).status, 303);
    assertLimited(await call(path, client));
    assert.equal((await call(path, newClient())).status, 303);
  });
});
