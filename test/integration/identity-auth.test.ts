import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LoginThrottle } from '../../application/identity/login-throttle';
import { AccessTokens } from '../../platform/crypto/access-tokens';
import { createTestApp, type TestApp } from '../support/test-app';
import { login, signUpConsumer, signUpSeller, TEST_PASSWORD, uniqueEmail } from '../support/identity';

type Json = Record<string, unknown>;

describe('identity: accounts and tokens (MariaDB + Redis)', () => {
  let app: TestApp;
  before(async () => {
    app = await createTestApp();
  });
  after(async () => {
    await app.close();
  });

  const problem = async (response: Response, status: number) => {
    assert.equal(
      response.status,
      status,
      `expected ${status}, got ${response.status}: ${await response.clone().text()}`,
    );
    assert.equal(response.headers.get('content-type'), 'application/problem+json');
    return (await response.json()) as Json & { errors?: { field: string; message: string }[] };
  };

  test('a consumer signs up, signs in and reads /me with decrypted personal data', async () => {
    const email = uniqueEmail('Minji');
    const signup = await app.request('/api/v1/auth/signup', {
      body: {
        email: email.toUpperCase(),
        password: TEST_PASSWORD,
        name: '김민지',
        phone: '010 1234 5678',
        role: 'CONSUMER',
      },
    });
    assert.equal(signup.status, 201);
    const created = (await signup.json()) as Json;
    assert.deepEqual(Object.keys(created).sort(), ['email', 'id', 'role']);
    assert.equal(created.email, email.toLowerCase());
    assert.equal(created.role, 'CONSUMER');

    const tokens = await login(app, email.toLowerCase());
    const me = await app.request('/api/v1/me', {
      headers: { authorization: `Bearer ${tokens.accessToken}` },
    });
    assert.equal(me.status, 200);
    const body = (await me.json()) as Json;
    assert.equal(body.id, created.id);
    assert.equal(body.email, email.toLowerCase());
    assert.equal(body.name, '김민지');
    assert.equal(body.phone, '010-1234-5678');
    assert.equal(body.role, 'CONSUMER');
  });

  test('a seller signs up with a valid business number; PATCH /me changes name and phone', async () => {
    const seller = await signUpSeller(app);
    const patched = await app.request('/api/v1/me', {
      method: 'PATCH',
      headers: seller.auth,
      body: { name: '박새이름', phone: '02-312-4567' },
    });
    assert.equal(patched.status, 200);
    const body = (await patched.json()) as Json;
    assert.equal(body.role, 'SELLER');
    assert.equal(body.name, '박새이름');
    assert.equal(body.phone, '02-312-4567');
  });

  test('bad input gets 400 problem+json naming each field', async () => {
    const cases: [Json, string[]][] = [
      [
        {
          email: 'not-an-email',
          password: TEST_PASSWORD,
          name: '김',
          phone: '010-1234-5678',
          role: 'CONSUMER',
        },
        ['body.email'],
      ],
      [
        { email: uniqueEmail(), password: TEST_PASSWORD, name: '김', phone: '555-0100', role: 'CONSUMER' },
        ['body.phone'],
      ],
      [
        { email: uniqueEmail(), password: 'weakpass', name: '김', phone: '010-1234-5678', role: 'CONSUMER' },
        ['body.password'],
      ],
      [
        {
          email: uniqueEmail(),
          password: TEST_PASSWORD,
          name: '김',
          phone: '010-1234-5678',
          role: 'SUPERUSER',
        },
        ['body.role'],
      ],
      [
        { email: uniqueEmail(), password: TEST_PASSWORD, name: '김', phone: '010-1234-5678', role: 'ADMIN' },
        ['body.role'],
      ],
      [
        { email: uniqueEmail(), password: TEST_PASSWORD, name: '김', phone: '010-1234-5678', role: 'SELLER' },
        ['body.seller'],
      ],
      [
        {
          email: uniqueEmail(),
          password: TEST_PASSWORD,
          name: '김',
          phone: '010-1234-5678',
          role: 'SELLER',
          seller: { businessNumber: '220-81-62518', companyName: '상회', representative: '김대표' },
        },
        ['body.seller.businessNumber'],
      ],
      [
        { email: 'bad', password: 'x', name: '', phone: '1', role: 'X' },
        ['body.email', 'body.name', 'body.phone', 'body.role'],
      ],
    ];
    for (const [body, fields] of cases) {
      const p = await problem(await app.request('/api/v1/auth/signup', { body }), 400);
      assert.equal(p.code, 'VALIDATION_FAILED');
      const named = p.errors!.map((e) => e.field);
      for (const field of fields) assert.ok(named.includes(field), `${field} in ${JSON.stringify(p.errors)}`);
    }
    const invalidCheckDigit = await problem(
      await app.request('/api/v1/auth/signup', {
        body: {
          email: uniqueEmail(),
          password: TEST_PASSWORD,
          name: '김',
          phone: '010-1234-5678',
          role: 'SELLER',
          seller: { businessNumber: '220-81-62518', companyName: '상회', representative: '김대표' },
        },
      }),
      400,
    );
    assert.match(JSON.stringify(invalidCheckDigit.errors), /check digit/);
    const login = await problem(
      await app.request('/api/v1/auth/login', { body: { email: 'nope', password: 'x' } }),
      400,
    );
    assert.deepEqual(
      login.errors!.map((e) => e.field),
      ['body.email'],
    );
  });

  test('an unknown email and a wrong password get the very same 401', async () => {
    const consumer = await signUpConsumer(app);
    const wrong = await problem(
      await app.request('/api/v1/auth/login', {
        body: { email: consumer.email, password: 'Wrong-Password-1' },
      }),
      401,
    );
    const unknown = await problem(
      await app.request('/api/v1/auth/login', {
        body: { email: uniqueEmail('ghost'), password: 'Wrong-Password-1' },
      }),
      401,
    );
    const strip = ({ requestId: _r, ...rest }: Json) => rest;
    assert.deepEqual(strip(wrong), strip(unknown));
    assert.equal(wrong.code, 'INVALID_CREDENTIALS');
  });

  test('refresh rotates; reusing a spent refresh token revokes the whole family', async () => {
    const consumer = await signUpConsumer(app);
    const first = consumer.refreshToken;
    const r1 = await app.request('/api/v1/auth/refresh', { body: { refreshToken: first } });
    assert.equal(r1.status, 200);
    const second = (await r1.json()) as Json;
    assert.notEqual(second.refreshToken, first);
    assert.equal(second.expiresIn, 900);
    assert.equal(second.tokenType, 'Bearer');
    const okMe = await app.request('/api/v1/me', {
      headers: { authorization: `Bearer ${second.accessToken as string}` },
    });
    assert.equal(okMe.status, 200);

    // The first token is spent: presenting it again is a theft signal.
    assert.equal(
      (await problem(await app.request('/api/v1/auth/refresh', { body: { refreshToken: first } }), 401)).code,
      'REFRESH_TOKEN_REUSED',
    );
    // The whole family is gone: the newer refresh token and the access tokens of this sign-in too.
    assert.equal(
      (
        await problem(
          await app.request('/api/v1/auth/refresh', { body: { refreshToken: second.refreshToken } }),
          401,
        )
      ).code,
      'INVALID_REFRESH_TOKEN',
    );
    const revoked = await app.request('/api/v1/me', {
      headers: { authorization: `Bearer ${second.accessToken as string}` },
    });
    assert.equal((await problem(revoked, 401)).code, 'TOKEN_REVOKED');
    // Another sign-in of the same user is unaffected.
    const other = await login(app, consumer.email);
    assert.equal(
      (await app.request('/api/v1/me', { headers: { authorization: `Bearer ${other.accessToken}` } })).status,
      200,
    );
  });

  test('two concurrent refreshes with one token: one wins, the other is treated as reuse', async () => {
    const consumer = await signUpConsumer(app);
    const results = await Promise.all(
      [1, 2].map(() =>
        app.request('/api/v1/auth/refresh', { body: { refreshToken: consumer.refreshToken } }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    assert.deepEqual(statuses, [200, 401]);
  });

  test('garbage, forged and expired tokens are refused', async () => {
    assert.equal(
      (await problem(await app.request('/api/v1/auth/refresh', { body: { refreshToken: 'abc.def' } }), 401))
        .code,
      'INVALID_REFRESH_TOKEN',
    );
    assert.equal((await problem(await app.request('/api/v1/me'), 401)).code, 'UNAUTHENTICATED');
    assert.equal(
      (await problem(await app.request('/api/v1/me', { headers: { authorization: 'Bearer x.y.z' } }), 401))
        .code,
      'UNAUTHENTICATED',
    );
    const consumer = await signUpConsumer(app);
    const [header, payload] = consumer.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Json;
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, role: 'ADMIN' })).toString('base64url');
    const forged = `${header}.${forgedPayload}.${consumer.accessToken.split('.')[2]}`;
    assert.equal(
      (
        await problem(
          await app.request('/api/v1/admin/users', { headers: { authorization: `Bearer ${forged}` } }),
          401,
        )
      ).code,
      'UNAUTHENTICATED',
    );

    const tokens = new AccessTokens(app.identity.jwtSecret, 900);
    const old = await tokens.issue(
      { userId: consumer.id, role: 'CONSUMER', sessionId: claims.sid as string },
      new Date(Date.now() - 3600_000),
    );
    assert.equal(
      (
        await problem(
          await app.request('/api/v1/me', { headers: { authorization: `Bearer ${old.token}` } }),
          401,
        )
      ).code,
      'TOKEN_EXPIRED',
    );
  });

  test('logout ends the sign-in: its refresh and access tokens stop working', async () => {
    const consumer = await signUpConsumer(app);
    const out = await app.request('/api/v1/auth/logout', { body: { refreshToken: consumer.refreshToken } });
    assert.equal(out.status, 204);
    assert.equal(
      (
        await problem(
          await app.request('/api/v1/auth/refresh', { body: { refreshToken: consumer.refreshToken } }),
          401,
        )
      ).code,
      'INVALID_REFRESH_TOKEN',
    );
    assert.equal(
      (await problem(await app.request('/api/v1/me', { headers: consumer.auth }), 401)).code,
      'TOKEN_REVOKED',
    );
  });

  test('five wrong passwords lock the email for a while, known or not; success in between resets', async () => {
    const consumer = await signUpConsumer(app);
    for (let i = 0; i < 4; i++) {
      await problem(
        await app.request('/api/v1/auth/login', {
          body: { email: consumer.email, password: 'Wrong-Password-1' },
        }),
        401,
      );
    }
    await login(app, consumer.email); // success clears the count
    for (let i = 0; i < 5; i++) {
      await problem(
        await app.request('/api/v1/auth/login', {
          body: { email: consumer.email, password: 'Wrong-Password-1' },
        }),
        401,
      );
    }
    const locked = await problem(
      await app.request('/api/v1/auth/login', { body: { email: consumer.email, password: TEST_PASSWORD } }),
      429,
    );
    assert.equal(locked.code, 'LOGIN_LOCKED');
    assert.ok((locked.retryAfterSeconds as number) > 800 && (locked.retryAfterSeconds as number) <= 900);

    const ghost = uniqueEmail('ghost');
    for (let i = 0; i < 5; i++)
      await problem(
        await app.request('/api/v1/auth/login', { body: { email: ghost, password: 'Wrong-Password-1' } }),
        401,
      );
    const ghostLocked = await problem(
      await app.request('/api/v1/auth/login', { body: { email: ghost, password: 'Wrong-Password-1' } }),
      429,
    );
    assert.equal(ghostLocked.code, 'LOGIN_LOCKED');
  });

  test('one client address is rate-limited across emails (counter in Redis)', async () => {
    const throttle = new LoginThrottle(
      app.kv,
      { failuresPerClient: 5, failuresPerAccount: 0, failureWindowMs: 60_000, lockMs: 60_000 },
      { limit: 3, windowMs: 60_000 },
    );
    const address = `198.51.100.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < 3; i++)
      assert.deepEqual(await throttle.check(`email-${i}`, address), { allowed: true });
    const verdict = await throttle.check('email-4', address);
    assert.equal(verdict.allowed, false);
    assert.equal(!verdict.allowed && verdict.reason, 'rate-limited');
    assert.deepEqual(await throttle.check('email-4', '203.0.113.9'), { allowed: true });
  });

  test('seller signup stores the business with its formatted number', async () => {
    const seller = await signUpSeller(app, { companyName: '민지상회' });
    const profile = await app.request(`/api/v1/sellers/${seller.id}/profile`, { headers: seller.auth });
    assert.equal(profile.status, 200);
    const body = (await profile.json()) as Json;
    assert.equal(body.companyName, '민지상회');
    assert.match(body.businessNumber as string, /^\d{3}-\d{2}-\d{5}$/);
    assert.equal(body.settlementAccount, null);
  });
});

describe('identity: the OpenAPI document', () => {
  test('describes every identity call, with bearer security on the protected ones', async () => {
    const app = await createTestApp();
    try {
      const doc = (await (await app.request('/api/v1/openapi.json')).json()) as {
        paths: Record<string, Record<string, { security?: unknown[] }>>;
      };
      const expected: [string, string, boolean][] = [
        ['/api/v1/auth/signup', 'post', false],
        ['/api/v1/auth/login', 'post', false],
        ['/api/v1/auth/refresh', 'post', false],
        ['/api/v1/auth/logout', 'post', false],
        ['/api/v1/me', 'get', true],
        ['/api/v1/me', 'patch', true],
        ['/api/v1/me', 'delete', true],
        ['/api/v1/sellers/{sellerId}/profile', 'get', true],
        ['/api/v1/sellers/{sellerId}/profile', 'patch', true],
        ['/api/v1/sellers/{sellerId}/managers', 'get', true],
        ['/api/v1/sellers/{sellerId}/managers', 'post', true],
        ['/api/v1/sellers/{sellerId}/managers/{managerId}', 'delete', true],
        ['/api/v1/admin/users', 'get', true],
        ['/api/v1/admin/users', 'post', true],
      ];
      for (const [path, method, secured] of expected) {
        const operation = doc.paths[path]?.[method];
        assert.ok(operation, `${method.toUpperCase()} ${path} is documented`);
        assert.equal(Boolean(operation.security?.length), secured, `${method} ${path} security`);
      }
    } finally {
      await app.close();
    }
  });
});
