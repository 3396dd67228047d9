import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../../api/app';
import { composeApp } from '../../api/compose-app';
import { createIdentityContext } from '../../contexts/identity.context';
import type { PersonalDataEraser } from '../../domain/identity/ports';
import { uuidv7 } from '../../platform/ids';
import { createLogger } from '../../platform/observability/logger';
import { createMetrics } from '../../platform/observability/metrics';
import { TEST_PASSWORD, uniqueEmail, validBusinessNumber } from '../support/identity';
import { dumpDatabase } from '../support/database-dump';
import { testInfra } from '../support/contexts';
import { createTestApp, type TestApp } from '../support/test-app';

type Json = Record<string, unknown>;

/** Personal data that only this test writes, so finding it in a dump or a log can only mean a leak. */
function uniquePerson() {
  const tag = uuidv7().slice(-6).replace(/\D/g, '7').padEnd(4, '3').slice(0, 4);
  return {
    email: uniqueEmail('pii'),
    name: `홍길동${tag}`,
    phone: `010-${tag}-${tag.split('').reverse().join('')}`,
    representative: `대표자${tag}`,
    accountNumber: `9${tag}${tag}7531`,
    contactPhone: `02-3${tag.slice(0, 3)}-${tag}`,
  };
}

describe('identity: personal data at rest, in logs, and on withdrawal', () => {
  let app: TestApp;
  const lines: string[] = [];
  let logged: ReturnType<typeof createApp>;
  const erased: { name: string; userId: string }[] = [];

  before(async () => {
    app = await createTestApp();
    // The same app, but logging at debug level into memory, to read what the logs hold.
    logged = composeApp({
      infrastructure: app.infrastructure,
      logger: createLogger({
        level: 'debug',
        destination: { write: (line: string) => void lines.push(line) },
      }),
      metrics: createMetrics({ collectProcessMetrics: false }),
      publicBaseUrl: 'http://localhost',
      identity: app.identity,
    });
  });
  after(async () => {
    await app.close();
  });

  const req = (
    target: { request: (path: string, init?: RequestInit) => Response | Promise<Response> },
    path: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) =>
    Promise.resolve(
      target.request(path, {
        method: init.method ?? (init.body ? 'POST' : 'GET'),
        headers: { 'content-type': 'application/json', ...init.headers },
        body: init.body ? JSON.stringify(init.body) : undefined,
      }),
    );

  async function sellerWithEverything(target: Parameters<typeof req>[0], person = uniquePerson()) {
    const signup = await req(target, '/api/v1/auth/signup', {
      body: {
        email: person.email,
        password: TEST_PASSWORD,
        name: person.name,
        phone: person.phone,
        role: 'SELLER',
        seller: {
          businessNumber: validBusinessNumber(),
          companyName: '길동상회',
          representative: person.representative,
          contactPhone: person.contactPhone,
        },
      },
    });
    assert.equal(signup.status, 201, await signup.clone().text());
    const { id } = (await signup.json()) as { id: string };
    const tokens = (await (
      await req(target, '/api/v1/auth/login', { body: { email: person.email, password: TEST_PASSWORD } })
    ).json()) as Json;
    const auth = { authorization: `Bearer ${tokens.accessToken as string}` };
    const patched = await req(target, `/api/v1/sellers/${id}/profile`, {
      method: 'PATCH',
      headers: auth,
      body: {
        settlementAccount: { bankCode: '088', accountNumber: person.accountNumber, holder: person.name },
      },
    });
    assert.equal(patched.status, 200, await patched.clone().text());
    return { id, auth, person, refreshToken: tokens.refreshToken as string };
  }

  const plainForms = (p: ReturnType<typeof uniquePerson>) => [
    p.email,
    p.name,
    p.representative,
    p.accountNumber,
    p.phone,
    p.phone.replaceAll('-', ''),
    p.contactPhone,
    p.contactPhone.replaceAll('-', ''),
  ];

  test('a dump of the database holds none of the personal data in plain text; the API returns it decrypted', async () => {
    const { id, auth, person } = await sellerWithEverything(app.app);
    const dump = await dumpDatabase();
    assert.ok(dump.includes(id), 'the dump covers the identity tables');
    for (const secret of plainForms(person))
      assert.ok(!dump.includes(secret), `"${secret}" appears in the dump`);
    // Nor does a trivially encoded form (hex / base64 of the email).
    assert.ok(!dump.includes(Buffer.from(person.email).toString('hex')));
    assert.ok(!dump.includes(Buffer.from(person.email).toString('base64').slice(0, 16)));

    const me = (await (await app.request('/api/v1/me', { headers: auth })).json()) as Json;
    assert.equal(me.email, person.email);
    assert.equal(me.name, person.name);
    assert.equal(me.phone, person.phone);
    const profile = (await (
      await app.request(`/api/v1/sellers/${id}/profile`, { headers: auth })
    ).json()) as Json;
    assert.equal(profile.representative, person.representative);
    assert.equal(profile.contactPhone, person.contactPhone);
    assert.deepEqual(profile.settlementAccount, {
      bankCode: '088',
      accountNumber: person.accountNumber,
      holder: person.name,
    });

    // Stored values carry their key id.
    const [row] = (await app.dataSource.query(
      'SELECT email_ciphertext, email_hash, phone_ciphertext FROM users WHERE id = ?',
      [id],
    )) as Json[];
    assert.match(row!.email_ciphertext as string, new RegExp(`^${app.identity.piiKeys[0]!.id}:`));
    assert.match(row!.email_hash as string, /^[0-9a-f]{64}$/);
  });

  test('logs mask personal data (signup, logins, lockout, profile, withdrawal)', async () => {
    lines.length = 0;
    const { auth, person } = await sellerWithEverything(logged);
    for (let i = 0; i < 6; i++)
      await req(logged, '/api/v1/auth/login', {
        body: { email: person.email, password: `Wrong-${person.phone}` },
      });
    await req(logged, '/api/v1/me', { method: 'PATCH', headers: auth, body: { phone: person.phone } });
    assert.equal((await req(logged, '/api/v1/me', { method: 'DELETE', headers: auth })).status, 204);
    const log = lines.join('');
    assert.ok(log.includes(`p***@example.com`), 'identity logs the masked email');
    assert.ok(log.includes('login failed'));
    for (const secret of [...plainForms(person), TEST_PASSWORD])
      assert.ok(!log.includes(secret), `"${secret}" appears in the logs`);
    assert.ok(!/Bearer\s/.test(log), 'no tokens in logs');
  });

  test('withdrawal erases personal data at once, ends every sign-in, frees the email, and runs the erasers of other contexts', async () => {
    // An app whose erasers list holds a recorder, as the ordering context's eraser will be.
    const recorder: PersonalDataEraser = {
      name: 'recorder',
      erasePersonalData: async (userId) => void erased.push({ name: 'recorder', userId }),
    };
    const identity = createIdentityContext(testInfra(app), { personalDataErasers: [recorder] });
    const withHooks = createApp({
      logger: createLogger({ level: 'silent' }),
      metrics: createMetrics({ collectProcessMetrics: false }),
      newId: () => uuidv7(),
      readinessChecks: [],
      apiRoutes: identity.routes(),
    });
    const { id, auth, person, refreshToken } = await sellerWithEverything(withHooks);
    const secondLogin = (await (
      await req(withHooks, '/api/v1/auth/login', { body: { email: person.email, password: TEST_PASSWORD } })
    ).json()) as Json;

    assert.equal((await req(withHooks, '/api/v1/me', { method: 'DELETE', headers: auth })).status, 204);
    assert.deepEqual(erased, [{ name: 'recorder', userId: id }]);

    const [user] = (await app.dataSource.query('SELECT * FROM users WHERE id = ?', [id])) as Json[];
    assert.equal(user!.status, 'WITHDRAWN');
    for (const column of [
      'email_ciphertext',
      'email_hash',
      'name_ciphertext',
      'phone_ciphertext',
      'phone_hash',
      'password_hash',
    ]) {
      assert.equal(user![column], null, column);
    }
    const [profile] = (await app.dataSource.query('SELECT * FROM seller_profiles WHERE seller_id = ?', [
      id,
    ])) as Json[];
    assert.equal(profile!.representative_ciphertext, null);
    assert.equal(profile!.contact_phone_ciphertext, null);
    assert.equal(profile!.settlement_account_ciphertext, null);
    assert.equal(profile!.company_name, '길동상회', 'the business record stays');
    const families = (await app.dataSource.query(
      'SELECT revoked_reason FROM refresh_token_families WHERE user_id = ?',
      [id],
    )) as Json[];
    assert.equal(families.length, 2);
    assert.ok(families.every((f) => f.revoked_reason === 'WITHDRAWAL'));

    // Every token is dead: both sign-ins' access and refresh tokens.
    assert.equal((await req(withHooks, '/api/v1/me', { headers: auth })).status, 401);
    assert.equal(
      (
        await req(withHooks, '/api/v1/me', {
          headers: { authorization: `Bearer ${secondLogin.accessToken as string}` },
        })
      ).status,
      401,
    );
    assert.equal((await req(withHooks, '/api/v1/auth/refresh', { body: { refreshToken } })).status, 401);
    assert.equal(
      (await req(withHooks, '/api/v1/auth/refresh', { body: { refreshToken: secondLogin.refreshToken } }))
        .status,
      401,
    );
    assert.equal(
      (await req(withHooks, '/api/v1/auth/login', { body: { email: person.email, password: TEST_PASSWORD } }))
        .status,
      401,
    );

    // Nothing of the person remains in a dump.
    const dump = await dumpDatabase();
    for (const secret of plainForms(person)) assert.ok(!dump.includes(secret));

    // The same email signs up again as a new account.
    const again = await req(app.app, '/api/v1/auth/signup', {
      body: {
        email: person.email,
        password: TEST_PASSWORD,
        name: person.name,
        phone: person.phone,
        role: 'CONSUMER',
      },
    });
    assert.equal(again.status, 201);
    const fresh = (await again.json()) as Json;
    assert.notEqual(fresh.id, id);
    assert.equal(
      (await req(app.app, '/api/v1/auth/login', { body: { email: person.email, password: TEST_PASSWORD } }))
        .status,
      200,
    );
  });

  test('a failing eraser leaves the account active so the user can retry', async () => {
    const failing: PersonalDataEraser = {
      name: 'failing',
      erasePersonalData: async () => {
        throw new Error('orders database down');
      },
    };
    const identity = createIdentityContext(testInfra(app), { personalDataErasers: [failing] });
    const withHooks = createApp({
      logger: createLogger({ level: 'silent' }),
      metrics: createMetrics({ collectProcessMetrics: false }),
      newId: () => uuidv7(),
      readinessChecks: [],
      apiRoutes: identity.routes(),
    });
    const { auth } = await sellerWithEverything(withHooks);
    assert.equal((await req(withHooks, '/api/v1/me', { method: 'DELETE', headers: auth })).status, 500);
    assert.equal((await req(withHooks, '/api/v1/me', { headers: auth })).status, 200);
  });
});
