import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createRoute, z } from '@hono/zod-openapi';
import { createIdentityContext } from '../../contexts/identity.context';
import { requireRole, requireSellerAccess, sellerAccessOf } from '../../api/middleware/authorize';
import { createRouter } from '../../api/router';
import { createApp } from '../../api/app';
import { uuidv7 } from '../../platform/ids';
import { createLogger } from '../../platform/observability/logger';
import { createMetrics } from '../../platform/observability/metrics';
import {
  assignManager,
  createAdmin,
  createManager,
  signUpConsumer,
  signUpSeller,
  TEST_PASSWORD,
  uniqueEmail,
  type TestAccount,
} from '../support/identity';
import { testInfra } from '../support/contexts';
import { createTestApp, type TestApp } from '../support/test-app';

type Json = Record<string, unknown>;

/**
 * Every authorization boundary, through the real routes and through a probe router built the way
 * later contexts build theirs (authenticate + requireSellerAccess on `/seller/...` paths).
 */
describe('identity: authorization boundaries', () => {
  let app: TestApp;
  let probe: ReturnType<typeof createApp>;
  let admin: TestAccount;
  let sellerA: TestAccount;
  let sellerB: TestAccount;
  let consumer: TestAccount;

  before(async () => {
    app = await createTestApp();
    admin = await createAdmin(app);
    sellerA = await signUpSeller(app);
    sellerB = await signUpSeller(app);
    consumer = await signUpConsumer(app);

    // A stand-in for a later context's seller routes, guarded by the shared helpers.
    const identity = createIdentityContext(testInfra(app));
    const ok = {
      200: {
        description: 'ok',
        content: { 'application/json': { schema: z.object({ sellerId: z.string(), actingAs: z.string() }) } },
      },
    };
    const probeRoutes = createRouter()
      .openapi(
        createRoute({
          method: 'get',
          path: '/seller/products',
          middleware: [identity.authenticate, requireSellerAccess('PRODUCTS')],
          responses: ok,
        }),
        (c) => c.json(sellerAccessOf(c), 200),
      )
      .openapi(
        createRoute({
          method: 'get',
          path: '/seller/orders',
          middleware: [identity.authenticate, requireSellerAccess('ORDERS')],
          responses: ok,
        }),
        (c) => c.json(sellerAccessOf(c), 200),
      )
      .openapi(
        createRoute({
          method: 'get',
          path: '/seller/settlements',
          middleware: [
            identity.authenticate,
            requireSellerAccess('SETTLEMENTS_READ', undefined, { adminMay: false }),
          ],
          responses: ok,
        }),
        (c) => c.json(sellerAccessOf(c), 200),
      )
      .openapi(
        createRoute({
          method: 'get',
          path: '/consumer-only',
          middleware: [identity.authenticate, requireRole('CONSUMER')],
          responses: {
            200: {
              description: 'ok',
              content: { 'application/json': { schema: z.object({ ok: z.boolean() }) } },
            },
          },
        }),
        (c) => c.json({ ok: true }, 200),
      );
    probe = createApp({
      logger: createLogger({ level: 'silent' }),
      metrics: createMetrics({ collectProcessMetrics: false }),
      newId: () => uuidv7(),
      readinessChecks: [],
      apiRoutes: [probeRoutes],
    });
  });
  after(async () => {
    await app.close();
  });

  const call = (
    path: string,
    who: TestAccount,
    init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) => app.request(path, { ...init, headers: { ...who.auth, ...init.headers } });
  const probeCall = (path: string, who: TestAccount, headers: Record<string, string> = {}) =>
    Promise.resolve(probe.request(`/api/v1${path}`, { headers: { ...who.auth, ...headers } }));
  const expectStatus = async (response: Response | Promise<Response>, status: number, code?: string) => {
    const r = await response;
    const text = await r.text();
    assert.equal(r.status, status, text);
    if (code) assert.equal((JSON.parse(text) as Json).code, code);
    return text ? (JSON.parse(text) as Json) : {};
  };

  test('seller A can neither read nor change anything of seller B', async () => {
    await expectStatus(call(`/api/v1/sellers/${sellerB.id}/profile`, sellerA), 403, 'FORBIDDEN');
    await expectStatus(
      call(`/api/v1/sellers/${sellerB.id}/profile`, sellerA, {
        method: 'PATCH',
        body: { companyName: '탈취' },
      }),
      403,
      'FORBIDDEN',
    );
    await expectStatus(call(`/api/v1/sellers/${sellerB.id}/managers`, sellerA), 403, 'FORBIDDEN');
    await expectStatus(
      call(`/api/v1/sellers/${sellerB.id}/managers`, sellerA, {
        body: { email: sellerA.email, permissions: ['PRODUCTS'] },
      }),
      403,
      'FORBIDDEN',
    );
    await expectStatus(
      call(`/api/v1/sellers/${sellerB.id}/managers/${sellerA.id}`, sellerA, { method: 'DELETE' }),
      403,
      'FORBIDDEN',
    );
    await expectStatus(
      probeCall('/seller/products', sellerA, { 'x-seller-id': sellerB.id }),
      403,
      'FORBIDDEN',
    );
    // Its own data stays reachable, and B's profile was not changed.
    const own = await expectStatus(probeCall('/seller/products', sellerA), 200);
    assert.deepEqual(own, { sellerId: sellerA.id, actingAs: 'SELLER' });
    const b = await expectStatus(call(`/api/v1/sellers/${sellerB.id}/profile`, sellerB), 200);
    assert.equal(b.companyName, '판매상회');
  });

  test('a consumer reaches no seller or admin route', async () => {
    await expectStatus(call(`/api/v1/sellers/${sellerA.id}/profile`, consumer), 403, 'FORBIDDEN');
    await expectStatus(call(`/api/v1/sellers/${sellerA.id}/managers`, consumer), 403, 'FORBIDDEN');
    await expectStatus(call('/api/v1/admin/users', consumer), 403, 'FORBIDDEN');
    await expectStatus(
      call('/api/v1/admin/users', consumer, {
        body: {
          email: uniqueEmail(),
          password: TEST_PASSWORD,
          name: '김',
          phone: '010-1111-2222',
          role: 'ADMIN',
        },
      }),
      403,
      'FORBIDDEN',
    );
    await expectStatus(
      probeCall('/seller/products', consumer, { 'x-seller-id': sellerA.id }),
      403,
      'FORBIDDEN',
    );
    await expectStatus(probeCall('/consumer-only', consumer), 200);
    await expectStatus(probeCall('/consumer-only', sellerA), 403, 'FORBIDDEN');
  });

  test('sellers and managers reach no admin route; admins do', async () => {
    await expectStatus(call('/api/v1/admin/users', sellerA), 403, 'FORBIDDEN');
    const list = await expectStatus(call('/api/v1/admin/users?role=SELLER&size=100', admin), 200);
    const items = list.items as Json[];
    assert.ok(items.some((u) => u.id === sellerA.id));
    assert.ok(items.every((u) => u.role === 'SELLER'));
    // Personal data is masked in the admin list.
    const a = items.find((u) => u.id === sellerA.id)!;
    assert.match(a.email as string, /^s\*\*\*@example\.com$/);
    assert.equal(a.phone, '010-****-5000');
    await expectStatus(call('/api/v1/admin/users?size=1000', admin), 400, 'VALIDATION_FAILED');
  });

  test('admins page through users with a cursor', async () => {
    const first = await expectStatus(call('/api/v1/admin/users?size=2', admin), 200);
    assert.equal((first.items as Json[]).length, 2);
    const second = await expectStatus(
      call(`/api/v1/admin/users?size=2&cursor=${first.nextCursor as string}`, admin),
      200,
    );
    const ids = [...(first.items as Json[]), ...(second.items as Json[])].map((u) => u.id);
    assert.equal(new Set(ids).size, ids.length);
  });

  test('admins create managers and admins; the new admin can create more', async () => {
    const email = uniqueEmail('admin2');
    const created = await expectStatus(
      call('/api/v1/admin/users', admin, {
        body: { email, password: TEST_PASSWORD, name: '최관리', phone: '010-3333-4444', role: 'ADMIN' },
      }),
      201,
    );
    assert.equal(created.role, 'ADMIN');
    const login = await expectStatus(
      app.request('/api/v1/auth/login', { body: { email, password: TEST_PASSWORD } }),
      200,
    );
    const admin2 = {
      auth: { authorization: `Bearer ${login.accessToken as string}` },
    } as unknown as TestAccount;
    const manager = await createManager(app, admin2);
    const me = await expectStatus(call('/api/v1/me', manager), 200);
    assert.equal(me.role, 'MANAGER');
    assert.deepEqual(me.managedSellers, []);
    await expectStatus(
      call('/api/v1/admin/users', admin, {
        body: {
          email: uniqueEmail(),
          password: TEST_PASSWORD,
          name: '김',
          phone: '010-3333-4444',
          role: 'OWNER',
        },
      }),
      400,
      'VALIDATION_FAILED',
    );
  });

  test('a manager acts only for sellers that assigned it, within the granted permissions', async () => {
    const manager = await createManager(app, admin);
    // Not yet assigned: nothing.
    await expectStatus(
      probeCall('/seller/products', manager, { 'x-seller-id': sellerA.id }),
      403,
      'FORBIDDEN',
    );
    await assignManager(app, sellerA, manager, ['PRODUCTS']);

    const me = await expectStatus(call('/api/v1/me', manager), 200);
    assert.deepEqual(me.managedSellers, [{ sellerId: sellerA.id, permissions: ['PRODUCTS'] }]);
    // Single seller: acts for it without naming it.
    assert.deepEqual(await expectStatus(probeCall('/seller/products', manager), 200), {
      sellerId: sellerA.id,
      actingAs: 'MANAGER',
    });
    // Beyond the permission: refused.
    const denied = await expectStatus(probeCall('/seller/orders', manager), 403, 'FORBIDDEN');
    assert.equal(denied.reason, 'MISSING_PERMISSION');
    await expectStatus(call(`/api/v1/sellers/${sellerA.id}/profile`, manager), 403, 'FORBIDDEN');
    // Owner-only actions are never delegated.
    await expectStatus(call(`/api/v1/sellers/${sellerA.id}/managers`, manager), 403, 'FORBIDDEN');
    await expectStatus(
      call(`/api/v1/sellers/${sellerA.id}/profile`, manager, { method: 'PATCH', body: { companyName: 'x' } }),
      403,
      'FORBIDDEN',
    );
    // Another seller's data: refused.
    const other = await expectStatus(
      probeCall('/seller/products', manager, { 'x-seller-id': sellerB.id }),
      403,
      'FORBIDDEN',
    );
    assert.equal(other.reason, 'NOT_ASSIGNED');

    // Seller B assigns it too: now it must say which seller it acts for.
    await assignManager(app, sellerB, manager, ['ORDERS', 'SETTLEMENTS_READ']);
    await expectStatus(probeCall('/seller/products', manager), 400, 'SELLER_REQUIRED');
    assert.deepEqual(
      await expectStatus(probeCall('/seller/orders', manager, { 'x-seller-id': sellerB.id }), 200),
      { sellerId: sellerB.id, actingAs: 'MANAGER' },
    );
    await expectStatus(probeCall('/seller/orders', manager, { 'x-seller-id': sellerA.id }), 403, 'FORBIDDEN');
    // Settlement read shows B's profile with the bank account masked.
    await expectStatus(
      call(`/api/v1/sellers/${sellerB.id}/profile`, sellerB, {
        method: 'PATCH',
        body: {
          settlementAccount: { bankCode: '004', accountNumber: '123456-78-901234', holder: '판매상회' },
        },
      }),
      200,
    );
    const profile = await expectStatus(call(`/api/v1/sellers/${sellerB.id}/profile`, manager), 200);
    assert.deepEqual(profile.settlementAccount, {
      bankCode: '004',
      accountNumber: '**********1234',
      holder: '판매상회',
    });
  });

  test('a revoked manager loses access on its very next request, with the same token', async () => {
    const manager = await createManager(app, admin);
    await assignManager(app, sellerA, manager, ['PRODUCTS', 'ORDERS']);
    await expectStatus(probeCall('/seller/products', manager), 200);
    const list = await expectStatus(call(`/api/v1/sellers/${sellerA.id}/managers`, sellerA), 200);
    assert.ok((list.items as Json[]).some((m) => m.managerId === manager.id && m.email === manager.email));

    await expectStatus(
      call(`/api/v1/sellers/${sellerA.id}/managers/${manager.id}`, sellerA, { method: 'DELETE' }),
      204,
    );
    await expectStatus(
      probeCall('/seller/products', manager, { 'x-seller-id': sellerA.id }),
      403,
      'MANAGER_ACCESS_REVOKED',
    );
    // Its only seller revoked it: told so, rather than asked to name a seller.
    await expectStatus(probeCall('/seller/products', manager), 403, 'MANAGER_ACCESS_REVOKED');
    const after = await expectStatus(call(`/api/v1/sellers/${sellerA.id}/managers`, sellerA), 200);
    assert.ok(!(after.items as Json[]).some((m) => m.managerId === manager.id));
    await expectStatus(
      call(`/api/v1/sellers/${sellerA.id}/managers/${manager.id}`, sellerA, { method: 'DELETE' }),
      404,
      'MANAGER_ASSIGNMENT_NOT_FOUND',
    );

    // Re-assigning (by email) restores it, with the new permissions only.
    const again = await expectStatus(
      call(`/api/v1/sellers/${sellerA.id}/managers`, sellerA, {
        body: { email: manager.email, permissions: ['ORDERS'] },
      }),
      201,
    );
    assert.deepEqual(again.permissions, ['ORDERS']);
    await expectStatus(probeCall('/seller/orders', manager), 200);
    await expectStatus(probeCall('/seller/products', manager), 403, 'FORBIDDEN');
    // Changing permissions of an active assignment answers 200.
    await expectStatus(
      call(`/api/v1/sellers/${sellerA.id}/managers`, sellerA, {
        body: { managerId: manager.id, permissions: ['CHAT'] },
      }),
      200,
    );
  });

  test('only MANAGER accounts can be assigned', async () => {
    await expectStatus(
      call(`/api/v1/sellers/${sellerA.id}/managers`, sellerA, {
        body: { managerId: consumer.id, permissions: ['PRODUCTS'] },
      }),
      422,
      'NOT_A_MANAGER',
    );
    await expectStatus(
      call(`/api/v1/sellers/${sellerA.id}/managers`, sellerA, {
        body: { managerId: uuidv7(), permissions: ['PRODUCTS'] },
      }),
      404,
      'USER_NOT_FOUND',
    );
    const bad = await expectStatus(
      call(`/api/v1/sellers/${sellerA.id}/managers`, sellerA, {
        body: { managerId: 'x', permissions: ['DELETE_EVERYTHING'] },
      }),
      400,
      'VALIDATION_FAILED',
    );
    assert.match(JSON.stringify(bad.errors), /body\.permissions/);
  });

  test('admins act for any seller except where a route excludes them', async () => {
    const manager = await createManager(app, admin);
    await expectStatus(
      call(`/api/v1/sellers/${sellerA.id}/managers`, admin, {
        body: { managerId: manager.id, permissions: ['CHAT'] },
      }),
      201,
    );
    await expectStatus(call(`/api/v1/sellers/${sellerA.id}/profile`, admin), 200);
    assert.deepEqual(
      await expectStatus(probeCall('/seller/products', admin, { 'x-seller-id': sellerA.id }), 200),
      { sellerId: sellerA.id, actingAs: 'ADMIN' },
    );
    await expectStatus(probeCall('/seller/products', admin), 400, 'SELLER_REQUIRED');
    await expectStatus(
      probeCall('/seller/settlements', admin, { 'x-seller-id': sellerA.id }),
      403,
      'FORBIDDEN',
    );
    await expectStatus(probeCall('/seller/settlements', sellerA), 200);
  });
});
