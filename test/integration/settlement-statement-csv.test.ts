import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  assignManager,
  createAdmin,
  createManager,
  signUpConsumer,
  type TestAccount,
} from '../support/identity';
import { seedSettlement } from '../support/seeded-settlement';
import { openSettlementSandbox, type SettlementSandbox } from '../support/settlement-sandbox';
import { createTestApp, type TestApp } from '../support/test-app';

// A week of 2042: no suite runs a whole week that late, so these lines stay with this suite.
const WEEK = '2042-W10';

describe('GET /seller/settlements/{id}/statement.csv: the statement to download', () => {
  let app: TestApp;
  let sandbox: SettlementSandbox;
  let admin: TestAccount;
  let seller: TestAccount;
  let settlementId: string;
  let orderNumber: string;

  const download = (account: TestAccount | null, id = settlementId, headers: Record<string, string> = {}) =>
    app.request(`/api/v1/seller/settlements/${id}/statement.csv`, {
      headers: { ...(account?.auth ?? {}), ...headers },
    });

  before(async () => {
    app = await createTestApp();
    sandbox = await openSettlementSandbox(app);
    admin = await createAdmin(app);
    seller = await sandbox.seller({ companyName: '내려받기상회' });
    ({ settlementId, orderNumber } = await seedSettlement(sandbox, seller, WEEK, [
      { productName: '무선 청소기, 화이트', amount: 30_000 },
      { productName: '필터', quantity: 2, amount: 12_500 },
    ]));
  });
  after(async () => {
    await sandbox?.close();
    await app?.close();
  });

  test('the seller gets a UTF-8 CSV with a BOM named for the week, with every line, the fee and the net', async () => {
    const response = await download(seller);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.equal(
      response.headers.get('content-disposition'),
      'attachment; filename="jangteo-settlement-2042-W10.csv"',
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
    const rows = new TextDecoder().decode(bytes.slice(3)).trimEnd().split('\r\n');
    assert.equal(rows[0], '정산주차,2042-W10');
    assert.equal(rows[2], '판매자,내려받기상회');
    const lines = rows.filter((row) => row.startsWith('판매,'));
    assert.deepEqual(
      lines.map((row) => row.split(',').slice(0, 3).join('|')),
      [`판매|${orderNumber}|"무선 청소기`, `판매|${orderNumber}|필터`],
    );
    assert.ok(rows.includes('총판매금액,42500'), rows.join('\n'));
    assert.ok(rows.includes('수수료,2125'));
    assert.ok(rows.includes('정산금액,40375'));
  });

  test('a manager needs SETTLEMENTS_READ; another seller, a consumer and a stranger get nothing', async () => {
    const reader = await createManager(app, admin);
    await assignManager(app, seller, reader, ['SETTLEMENTS_READ']);
    const allowed = await download(reader, settlementId, { 'x-seller-id': seller.id });
    assert.equal(allowed.status, 200);
    assert.match(await allowed.text(), /정산금액,40375/);

    const ordersOnly = await createManager(app, admin);
    await assignManager(app, seller, ordersOnly, ['ORDERS']);
    const refused = await download(ordersOnly, settlementId, { 'x-seller-id': seller.id });
    assert.equal(refused.status, 403);
    assert.match(refused.headers.get('content-type') ?? '', /application\/problem\+json/);

    const other = await sandbox.seller({ companyName: '남의상회' });
    const notFound = await download(other);
    assert.equal(notFound.status, 404);
    assert.equal(((await notFound.json()) as { code?: string }).code, 'SETTLEMENT_NOT_FOUND');

    assert.equal((await download(await signUpConsumer(app))).status, 403);
    assert.equal((await download(null)).status, 401);
    const english = await download(seller, 'no-such-settlement', { 'accept-language': 'en' });
    assert.equal(english.status, 404);
    assert.match(((await english.json()) as { detail: string }).detail, /settlement/i);
  });
});
