import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  createAdmin,
  login,
  signUpConsumer,
  TEST_PASSWORD,
  uniqueEmail,
  validBusinessNumber,
  type TestAccount,
} from '../support/identity';
import { apiCall, createProduct } from '../support/ordering';
import { createTestApp, type TestApp } from '../support/test-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('seller disclosure, 전자상거래법 표시사항 (issue #19, point 6)', () => {
  let app: TestApp;
  let admin: TestAccount;
  let buyer: TestAccount;
  const call = (path: string, account: TestAccount, init: Parameters<typeof apiCall>[3] = {}) =>
    apiCall(app, path, account, init);

  async function signUpSeller(seller: Json): Promise<{ status: number; body: Json; account?: TestAccount }> {
    const email = uniqueEmail('seller');
    const response = await app.request('/api/v1/auth/signup', {
      body: {
        email,
        password: TEST_PASSWORD,
        name: '정대표',
        phone: '010-4000-5000',
        role: 'SELLER',
        seller: { companyName: '정직상회', representative: '정대표', ...seller },
      },
    });
    const body = (await response.json()) as Json;
    if (response.status !== 201) return { status: response.status, body };
    const tokens = await login(app, email);
    const account = {
      id: body.id as string,
      email,
      password: TEST_PASSWORD,
      ...tokens,
      auth: { authorization: `Bearer ${tokens.accessToken}` },
    };
    return { status: 201, body, account };
  }

  before(async () => {
    app = await createTestApp();
    admin = await createAdmin(app);
    buyer = await signUpConsumer(app);
  });

  after(async () => {
    await app?.close();
  });

  test('given at signup, shown on every product page of the seller; a change shows at once', async () => {
    const signup = await signUpSeller({
      businessNumber: validBusinessNumber(),
      mailOrderNumber: ' 2024 - 서울강남 - 01234 ',
      businessAddress: '서울특별시 강남구 테헤란로 123,   4층',
      customerServicePhone: '1588-1234',
    });
    assert.equal(signup.status, 201, JSON.stringify(signup.body));
    const seller = signup.account!;
    const product = await createProduct(app, seller, { price: 12_000, stocks: [3] });

    const page = await call(`/products/${product.id}`, buyer);
    assert.equal(page.status, 200);
    assert.deepEqual(page.body.seller, {
      sellerId: seller.id,
      companyName: '정직상회',
      representative: '정대표',
      businessNumber: page.body.seller.businessNumber,
      mailOrderNumber: '2024-서울강남-01234',
      businessAddress: '서울특별시 강남구 테헤란로 123, 4층',
      customerServicePhone: '1588-1234',
    });
    assert.match(page.body.seller.businessNumber, /^\d{3}-\d{2}-\d{5}$/);

    const patched = await call(`/sellers/${seller.id}/profile`, seller, {
      method: 'PATCH',
      body: { mailOrderNumber: '2025-부산해운대-0077', customerServicePhone: '02-555-1234' },
    });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    assert.equal(patched.body.mailOrderNumber, '2025-부산해운대-0077');
    assert.equal(patched.body.businessAddress, '서울특별시 강남구 테헤란로 123, 4층');
    assert.equal(patched.body.customerServicePhone, '02-555-1234');

    const again = await call(`/products/${product.id}`, buyer);
    assert.equal(again.body.seller.mailOrderNumber, '2025-부산해운대-0077', 'the cached disclosure went');
    assert.equal(again.body.seller.customerServicePhone, '02-555-1234');

    const cleared = await call(`/sellers/${seller.id}/profile`, seller, {
      method: 'PATCH',
      body: { businessAddress: null },
    });
    assert.equal(cleared.status, 200);
    assert.equal((await call(`/products/${product.id}`, buyer)).body.seller.businessAddress, null);
  });

  test('a malformed 신고번호, address or phone is a 400 naming the field', async () => {
    const bad = await signUpSeller({ businessNumber: validBusinessNumber(), mailOrderNumber: '서울-01234' });
    assert.equal(bad.status, 400);
    assert.match(JSON.stringify(bad.body), /seller\.mailOrderNumber/);
    assert.match(JSON.stringify(bad.body), /2024-서울강남-01234/);

    const seller = (await signUpSeller({ businessNumber: validBusinessNumber() })).account!;
    for (const [field, value] of [
      ['mailOrderNumber', '2024/서울강남/01234'],
      ['businessAddress', '서울'],
      ['customerServicePhone', '12345'],
    ] as const) {
      const response = await call(`/sellers/${seller.id}/profile`, seller, {
        method: 'PATCH',
        body: { [field]: value },
      });
      assert.equal(response.status, 400, `${field}: ${JSON.stringify(response.body)}`);
      assert.match(JSON.stringify(response.body), new RegExp(field));
    }
    const profile = await call(`/sellers/${seller.id}/profile`, seller);
    assert.equal(profile.body.mailOrderNumber, null, 'not collected yet');
  });

  test('admins see a 사업자등록번호 registered by more than one seller account', async () => {
    const shared = validBusinessNumber();
    const first = (await signUpSeller({ businessNumber: shared, companyName: '첫째상회' })).account!;
    const second = (await signUpSeller({ businessNumber: shared, companyName: '둘째상회' })).account!;
    const alone = (await signUpSeller({ businessNumber: validBusinessNumber() })).account!;

    const list = await call('/admin/sellers/duplicate-business-numbers', admin);
    assert.equal(list.status, 200, JSON.stringify(list.body));
    const formatted = `${shared.slice(0, 3)}-${shared.slice(3, 5)}-${shared.slice(5)}`;
    const group = list.body.items.find((g: Json) => g.businessNumber === formatted);
    assert.ok(group, 'the shared number is listed');
    assert.deepEqual(
      group.sellers.map((s: Json) => [s.sellerId, s.companyName, s.status]),
      [
        [first.id, '첫째상회', 'ACTIVE'],
        [second.id, '둘째상회', 'ACTIVE'],
      ],
    );
    assert.ok(
      !list.body.items.some((g: Json) => g.sellers.some((s: Json) => s.sellerId === alone.id)),
      'a number used once is not listed',
    );
    assert.equal((await call('/admin/sellers/duplicate-business-numbers', first)).status, 403);

    // The admin's account list flags them too.
    const sellers = await call('/admin/users?role=SELLER&size=100', admin);
    assert.equal(sellers.status, 200);
    const flagOf = (id: string) => sellers.body.items.find((u: Json) => u.id === id)?.sharedBusinessNumber;
    const listed = [first.id, second.id, alone.id].filter((id) => flagOf(id) !== undefined);
    for (const id of listed) assert.equal(flagOf(id), id !== alone.id, `the flag of ${id}`);
    const byEmail = await call(`/admin/users?email=${encodeURIComponent(first.email)}`, admin);
    assert.equal(byEmail.body.items[0]?.sharedBusinessNumber, true);
  });
});
