import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../persistence/data-source';
import type { ReadRouter } from '../../persistence/read-replicas';
import { uuidv7 } from '../../platform/ids';
import { dropDatabase, recreateDatabase } from '../support/database';
import { createAdmin, signUpSeller, type TestAccount } from '../support/identity';
import { BackDatedRows } from '../support/retention-rows';
import { databaseNameOf, TEST_DATABASE_URL } from '../support/services';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The settlement lists read through the read route (DATABASE_READ_URLS), the detail on the
 * primary: here the "replica" is a second database holding a settlement the primary never had,
 * so the answers show which database each route read.
 */
describe('settlement lists on the read route', () => {
  let app: TestApp;
  let replica: DataSource;
  let replicaUrl: string;
  let admin: TestAccount;
  let seller: TestAccount;
  const settlementId = uuidv7();

  before(async () => {
    replicaUrl = await recreateDatabase(`jangteo_settlement_replica_${process.pid}`);
    replica = await createDataSource({ kind: 'mariadb', url: replicaUrl }, { poolSize: 2 }).initialize();
    await replica.query(`CREATE TABLE settlements LIKE \`${databaseNameOf(TEST_DATABASE_URL)}\`.settlements`);
    const reads: ReadRouter = {
      replicated: true,
      read: (query) => query(replica),
      observe: () => undefined,
      close: async () => undefined,
    };
    const primary = await createDataSource(
      { kind: 'mariadb', url: TEST_DATABASE_URL },
      { poolSize: 5 },
    ).initialize();
    app = await createTestApp({ database: { dataSource: primary, reads } });
    admin = await createAdmin(app);
    seller = await signUpSeller(app);
    const at = new Date('2020-03-09T15:00:00Z');
    await new BackDatedRows(replica).insert(
      'settlements',
      {
        id: settlementId,
        seller_id: seller.id,
        week_id: '2020-W10',
        status: 'CARRIED_OVER',
        gross: 5_000,
        fee: 250,
        refunds: 0,
        net: 4_750,
        sale_count: 1,
        refund_count: 0,
      },
      at,
    );
  });

  after(async () => {
    await app?.close();
    await replica?.destroy();
    if (replicaUrl) await dropDatabase(replicaUrl);
  });

  test("the admin's and the seller's lists are answered by the replica, the detail by the primary", async () => {
    const ids = async (path: string, auth: Record<string, string>) => {
      const response = await app.request(path, { headers: auth });
      assert.equal(response.status, 200, await response.clone().text());
      return ((await response.json()) as { items: { id: string }[] }).items.map((item) => item.id);
    };
    assert.deepEqual(await ids(`/api/v1/admin/settlements?sellerId=${seller.id}`, admin.auth), [
      settlementId,
    ]);
    assert.deepEqual(await ids('/api/v1/seller/settlements', seller.auth), [settlementId]);
    const detail = await app.request(`/api/v1/admin/settlements/${settlementId}`, { headers: admin.auth });
    assert.equal(detail.status, 404, 'the detail reads the primary, where the row does not exist');
  });
});
