import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createDataSource, createReadRouter } from '../../persistence/data-source';
import type { ReadReplicas } from '../../persistence/read-replicas';
import { createLogger } from '../../platform/observability/logger';
import { eventually } from '../support/eventually';
import { signUpSeller, type TestAccount } from '../support/identity';
import { runReadModel, type RunningProjections } from '../support/read-model';
import { startReplicatedPair, type ReplicatedPair } from '../support/replica';
import { createTestApp, type TestApp } from '../support/test-app';

interface Summary {
  id: string;
  name: string;
}

/**
 * DATABASE_READ_URLS for real: a private MariaDB primary with a binary log and a replica of it
 * (test/support/replica.ts). Shoppers' product pages are answered by the replica, and searches by
 * the read model the API tails from the replica; writes (and the projection's documents) go to the
 * primary and replicate. When the replica dies, the same reads are answered by the primary at
 * once, with db_replica_up 0, a fallback count and one warning, and the tail goes on from the primary.
 */
describe('read replicas (DATABASE_READ_URLS)', { timeout: 90_000 }, () => {
  let pair: ReplicatedPair;
  let app: TestApp;
  let readModel: RunningProjections;
  let reads: ReadReplicas;
  let seller: TestAccount;
  const logLines: Record<string, unknown>[] = [];
  const marker = `rq${Date.now().toString(36)}`;

  before(async () => {
    pair = await startReplicatedPair();
    await pair.primary.query('CREATE DATABASE jangteo CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
    const primaryUrl = pair.primary.url('jangteo');
    const dataSource = await createDataSource(
      { kind: 'mariadb', url: primaryUrl },
      { poolSize: 5 },
    ).initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    reads = createReadRouter(dataSource, {
      kind: 'mariadb',
      url: primaryUrl,
      replicas: { urls: [pair.replica.url('jangteo')], retryAfterSeconds: 1 },
    }) as ReadReplicas;
    const logger = createLogger({
      level: 'info',
      destination: { write: (line: string) => void logLines.push(JSON.parse(line)) },
    });
    app = await createTestApp({ database: { dataSource, reads }, logger });
    readModel = await runReadModel(app);
    seller = await signUpSeller(app);
  });

  after(async () => {
    await readModel?.stop();
    await app?.close();
    await pair?.close();
  });

  const createProduct = async (name: string) => {
    const response = await app.request('/api/v1/seller/products', {
      method: 'POST',
      headers: seller.auth,
      body: { name, description: 'replica test', price: 12000, variants: [{ options: {}, stock: 4 }] },
    });
    const body = (await response.json()) as Summary;
    assert.equal(response.status, 201, JSON.stringify(body));
    return body;
  };
  const search = async (query: string) => {
    const response = await app.request(`/api/v1/products?q=${marker}&${query}`);
    assert.equal(response.status, 200);
    return ((await response.json()) as { items: Summary[] }).items.map((item) => item.name).sort();
  };
  const detail = async (id: string) => {
    const response = await app.request(`/api/v1/products/${id}`);
    return { status: response.status, body: (await response.json()) as Summary };
  };
  const metricsText = async () => (await app.app.ops.request('/metrics')).text();
  const replicaLabel = () => `replica="127.0.0.1:${pair.replica.port}"`;

  let written: Summary;
  let replicaOnlyId: string;

  test('catalog reads are answered by the replica; writes go to the primary and replicate', async () => {
    await eventually(() => reads.upReplicas().length === 1, { what: 'the replica serving reads' });
    written = await createProduct(`${marker} 원본 상품`);
    await pair.caughtUp();
    const [copied] = await pair.replica.query<{ name: string }[]>(
      'SELECT name FROM jangteo.products WHERE id = ?',
      [written.id],
    );
    assert.equal(copied?.name, `${marker} 원본 상품`, 'the write replicated');

    // Rows written on the replica alone: only reads answered by the replica can see them.
    replicaOnlyId = written.id.replace(/.{4}$/, 'ffff');
    await pair.replica.query(
      'CREATE TEMPORARY TABLE jangteo.copy AS SELECT * FROM jangteo.products WHERE id = ?',
      [written.id],
    );
    await pair.replica.query(
      "UPDATE jangteo.copy SET id = ?, name = ?, search_text = CONCAT(search_text, ' replica')",
      [replicaOnlyId, `${marker} 레플리카 전용`],
    );
    await pair.replica.query('INSERT INTO jangteo.products SELECT * FROM jangteo.copy');
    const [onPrimary] = await pair.primary.query<{ n: number }[]>(
      'SELECT COUNT(*) AS n FROM jangteo.products WHERE id = ?',
      [replicaOnlyId],
    );
    assert.equal(Number(onPrimary?.n), 0);
    // The same for its search document, once the projection's document of the original has replicated.
    await eventually(
      async () =>
        (
          await pair.replica.query<unknown[]>(
            'SELECT product_id FROM jangteo.product_search_documents WHERE product_id = ?',
            [written.id],
          )
        ).length === 1,
      { what: "the original's search document on the replica" },
    );
    await pair.replica.query(
      'CREATE TEMPORARY TABLE jangteo.doc_copy AS SELECT * FROM jangteo.product_search_documents WHERE product_id = ?',
      [written.id],
    );
    await pair.replica.query(
      'UPDATE jangteo.doc_copy SET product_id = ?, name = ?, indexed_at = UTC_TIMESTAMP(3)',
      [replicaOnlyId, `${marker} 레플리카 전용`],
    );
    await pair.replica.query('INSERT INTO jangteo.product_search_documents SELECT * FROM jangteo.doc_copy');

    const page = await detail(replicaOnlyId);
    assert.equal(page.status, 200, JSON.stringify(page.body));
    assert.equal(page.body.name, `${marker} 레플리카 전용`);
    await eventually(
      async () =>
        JSON.stringify(await search('sort=newest')) ===
        JSON.stringify([`${marker} 레플리카 전용`, `${marker} 원본 상품`]),
      { what: 'search to answer from the replica' },
    );
    assert.match(await metricsText(), new RegExp(`db_replica_up\\{${replicaLabel()}\\} 1`));
  });

  test('when the replica dies, the same reads are answered by the primary within seconds', async () => {
    await pair.replica.kill();
    const started = Date.now();
    // Pages not cached yet, so each one reaches the database.
    const page = await detail(written.id);
    assert.equal(page.status, 200, JSON.stringify(page.body));
    assert.equal(page.body.name, `${marker} 원본 상품`);
    assert.ok(Date.now() - started < 5000, `fallback took ${Date.now() - started} ms`);
    // The tail goes on from the primary: a product written now is found within seconds.
    const later = await createProduct(`${marker} 장애 후 상품`);
    await eventually(async () => (await search('sort=price_asc')).includes(later.name), {
      what: 'a new product found while the replica is down',
    });

    const text = await metricsText();
    assert.match(text, new RegExp(`db_replica_up\\{${replicaLabel()}\\} 0`));
    const fallbacks = [...text.matchAll(/db_replica_fallbacks_total\{reason="(\w+)"\} (\d+)/g)];
    assert.ok(
      fallbacks.some(([, reason, count]) => reason === 'error' && Number(count) >= 1),
      text,
    );
    assert.ok(
      fallbacks.some(([, reason, count]) => reason === 'unavailable' && Number(count) >= 1),
      text,
    );

    // However many reads fail over, the transition is reported once.
    await search('sort=price_desc');
    const warnings = logLines.filter(
      (line) => line.msg === 'database replica is down; its reads go to the primary',
    );
    assert.equal(warnings.length, 1, JSON.stringify(warnings));
    assert.equal(warnings[0]!.replica, `127.0.0.1:${pair.replica.port}`);
    assert.doesNotMatch(JSON.stringify(logLines), /mysql:\/\//);
  });
});
