import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { type Client } from '@elastic/elasticsearch';
import type { ProductSearchDocumentSource } from '../../domain/catalog/ports';
import type { ProductSearchDocument } from '../../domain/catalog/search-document';
import { keywordTerms, type ProductSearchQuery } from '../../domain/catalog/search-query';
import { createElasticsearchSearch } from '../../integrations/search/elasticsearch/create-elasticsearch-search';
import { SearchIndexRejectedError } from '../../integrations/search/elasticsearch/elasticsearch-product-search-index';
import { PRODUCTS_ALIAS } from '../../integrations/search/elasticsearch/product-index-definition';
import {
  aliasTargets,
  ensureProductsIndex,
  createProductsIndex,
  reindexProducts,
} from '../../integrations/search/elasticsearch/reindex';
import { DependencyUnavailableError } from '../../platform/dependency-unavailable';
import { startEsFake, type EsFake } from '../support/elasticsearch-fake/server';
import { eventually } from '../support/eventually';
import { describeProductSearchBehaviour } from './product-search.behaviour';
import { searchDocument } from './search-documents';

const FAST_RETRY = { attempts: 3, baseDelayMs: 5 };

/** A fresh `products-…` index behind the alias, made with the adapter's own settings and mappings. */
async function freshIndex(client: Client): Promise<void> {
  for (const old of await aliasTargets(client)) await client.indices.delete({ index: old });
  const index = `products-test-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  await createProductsIndex(client, index);
  await client.indices.updateAliases({ actions: [{ add: { index, alias: PRODUCTS_ALIAS } }] });
}

describeProductSearchBehaviour('Elasticsearch adapter against the fake server', async () => {
  const fake = await startEsFake();
  const es = createElasticsearchSearch({ url: fake.url, retry: FAST_RETRY });
  return {
    load: async (docs) => {
      await freshIndex(es.client);
      await es.index.upsert(docs);
      await es.client.indices.refresh({ index: PRODUCTS_ALIAS });
    },
    search: es.search,
    close: async () => {
      await es.close();
      await fake.close();
    },
  };
});

function arraySource(
  documents: ProductSearchDocument[],
): ProductSearchDocumentSource & { docs: ProductSearchDocument[] } {
  const source = {
    docs: [...documents].sort((a, b) => (a.productId < b.productId ? -1 : 1)),
    count: async () => source.docs.length,
    page: async (afterId: string | null, limit: number) =>
      source.docs.filter((doc) => afterId === null || doc.productId > afterId).slice(0, limit),
  };
  return source;
}

const query = (keyword: string, extra: Partial<ProductSearchQuery> = {}): ProductSearchQuery => ({
  terms: keywordTerms(keyword),
  sort: 'relevance',
  limit: 20,
  ...extra,
});

describe('Elasticsearch adapter: errors, writes and reindex (fake server)', () => {
  let fake: EsFake;
  let es: ReturnType<typeof createElasticsearchSearch>;
  before(async () => {
    fake = await startEsFake();
    es = createElasticsearchSearch({ url: fake.url, retry: FAST_RETRY });
  });
  after(async () => {
    await es.close();
    await fake.close();
  });
  beforeEach(async () => {
    fake.reset();
    await freshIndex(es.client);
    fake.requests.length = 0;
  });

  const ids = async (keyword: string) =>
    (await es.search.search(query(keyword))).items.map((item) => item.id).sort();

  it('retries bulk items refused with 429 and indexes them all; no refresh is forced', async () => {
    fake.setFaults({ rejectBulkItems: 2 });
    await es.index.upsert([
      searchDocument({ id: 'a', name: '제주 감귤' }),
      searchDocument({ id: 'b', name: '제주 한라봉' }),
      searchDocument({ id: 'c', name: '제주 천혜향' }),
    ]);
    const bulks = fake.requests.filter((request) => request.path.endsWith('/_bulk'));
    assert.equal(bulks.length, 2, 'the refused items went again in a second request');
    assert.ok(bulks.every((request) => !request.query.includes('refresh')));
    // Searchable after the index's own 1 s refresh interval, without an explicit refresh.
    await eventually(async () => (await ids('제주')).length === 3, {
      what: 'the refresh interval',
      timeoutMs: 3000,
    });
    assert.deepEqual(await ids('제주'), ['a', 'b', 'c']);
  });

  it('sends the documented request shapes: the search body, external versions in bulk', async () => {
    await es.index.upsert([searchDocument({ id: 'a', name: '제주 감귤' })]);
    await es.search.search(
      query('감귤', { sort: 'price_asc', after: { sort: 'price_asc', value: 5, id: 'x' } }),
    );
    const [bulk, search] = fake.requests;
    assert.equal(bulk!.path, '/products/_bulk');
    const [action] = bulk!.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.deepEqual(action, {
      index: {
        _id: 'a',
        version: searchDocument({ id: 'a', name: '' }).indexedAt.getTime(),
        version_type: 'external',
      },
    });
    assert.equal(search!.path, '/products/_search');
    assert.equal(search!.query, '');
    const body = JSON.parse(search!.body) as Record<string, unknown>;
    assert.equal(body.track_total_hits, true);
    assert.deepEqual(body.search_after, [5, 'x']);
    assert.deepEqual(body.sort, [{ price: { order: 'asc' } }, { productId: { order: 'asc' } }]);
    assert.ok(Array.isArray((body._source as { includes: unknown }).includes));
    assert.deepEqual(Object.keys(body.aggs as object).sort(), ['categories', 'priceBands', 'sellers']);
  });

  it('keeps a newer document when a stale copy arrives late (external versions)', async () => {
    const newer = searchDocument({ id: 'a', name: '무선 마우스' });
    const stale = {
      ...searchDocument({ id: 'a', name: '유선 마우스' }),
      indexedAt: new Date(newer.indexedAt.getTime() - 5000),
    };
    await es.index.upsert([newer]);
    await es.index.upsert([stale]);
    await es.client.indices.refresh({ index: PRODUCTS_ALIAS });
    assert.deepEqual(await ids('무선'), ['a']);
    assert.deepEqual(await ids('유선'), []);
    await es.index.remove(['a', 'never-indexed']);
    await es.client.indices.refresh({ index: PRODUCTS_ALIAS });
    assert.deepEqual(await ids('마우스'), []);
  });

  it('surfaces a document Elasticsearch cannot parse instead of retrying it', async () => {
    const broken = { ...searchDocument({ id: 'bad', name: '감귤' }), price: 'free' as unknown as number };
    await assert.rejects(es.index.upsert([searchDocument({ id: 'ok', name: '한라봉' }), broken]), (error) => {
      assert.ok(error instanceof SearchIndexRejectedError);
      assert.deepEqual(
        error.rejected.map((item) => [item.productId, item.type]),
        [['bad', 'document_parsing_exception']],
      );
      return true;
    });
  });

  it('retries a search answered 429 or 503, then answers DependencyUnavailable when it keeps failing', async () => {
    await es.index.upsert([searchDocument({ id: 'a', name: '감귤' })]);
    await es.client.indices.refresh({ index: PRODUCTS_ALIAS });
    fake.setFaults({
      failRequests: [
        { status: 429, type: 'es_rejected_execution_exception' },
        { status: 503, type: 'unavailable_shards_exception' },
      ],
    });
    assert.deepEqual(await ids('감귤'), ['a']);
    fake.setFaults({
      failRequests: Array.from({ length: 3 }, () => ({ status: 503, type: 'cluster_block_exception' })),
    });
    const before = fake.requests.length;
    await assert.rejects(es.search.search(query('감귤')), DependencyUnavailableError);
    assert.equal(fake.requests.length - before, 3, 'three attempts');
  });

  it('answers DependencyUnavailable at once for a request Elasticsearch cannot parse (400) and a missing index', async () => {
    fake.setFaults({
      failRequests: [{ status: 400, type: 'parsing_exception', reason: 'unknown query [foo]' }],
    });
    const before = fake.requests.length;
    await assert.rejects(es.search.search(query('감귤')), (error) => {
      assert.ok(error instanceof DependencyUnavailableError);
      assert.equal(error.dependency, 'elasticsearch');
      return true;
    });
    assert.equal(fake.requests.length - before, 1, 'a 400 is not retried');
    fake.setFaults({ indexMissing: true });
    await assert.rejects(es.search.search(query('감귤')), DependencyUnavailableError);
    await assert.rejects(
      es.index.upsert([searchDocument({ id: 'a', name: '감귤' })]),
      SearchIndexRejectedError,
    );
  });

  it('answers DependencyUnavailable when Elasticsearch is too slow (client timeout)', async () => {
    // undici checks timeouts about once a second, so the fake is slower than that.
    const impatient = createElasticsearchSearch({
      url: fake.url,
      retry: { attempts: 2, baseDelayMs: 5 },
      requestTimeoutMs: 200,
    });
    fake.setFaults({ delayMs: 2500 });
    const before = fake.requests.length;
    try {
      await assert.rejects(impatient.search.search(query('감귤')), DependencyUnavailableError);
      assert.equal(fake.requests.length - before, 2, 'a timeout is retried');
    } finally {
      await impatient.close();
    }
  });

  it('creates the alias once on a fresh cluster, also when two workers race', async () => {
    fake.reset();
    assert.deepEqual(await Promise.all([ensureProductsIndex(es.client), ensureProductsIndex(es.client)]), [
      true,
      true,
    ]);
    assert.deepEqual(await aliasTargets(es.client), ['products-0']);
    assert.equal(await ensureProductsIndex(es.client), false);
    await es.index.upsert([searchDocument({ id: 'a', name: '감귤' })]);
    await es.client.indices.refresh({ index: PRODUCTS_ALIAS });
    assert.deepEqual(await ids('감귤'), ['a']);
  });

  it('reindexes into a new index, swaps the alias, deletes the old index and keeps answering meanwhile', async () => {
    const docs = Array.from({ length: 250 }, (_, i) =>
      searchDocument({ id: `p${String(i).padStart(4, '0')}`, name: `제주 감귤 ${i}`, day: i % 30 }),
    );
    const source = arraySource(docs);
    const first = await reindexProducts(es.client, source, { pageSize: 100, now: () => new Date(1_000) });
    assert.equal(first.documents, 250);
    assert.deepEqual(await aliasTargets(es.client), ['products-1000']);

    const totals: number[] = [];
    const failures: unknown[] = [];
    let reindexing = true;
    const searching = (async () => {
      while (reindexing) {
        try {
          totals.push((await es.search.search(query('감귤', { limit: 1 }))).total);
        } catch (error) {
          failures.push(error);
        }
      }
    })();
    const progress: [number, number][] = [];
    let changed = false;
    const changing: ProductSearchDocumentSource = {
      count: source.count,
      page: async (afterId, limit) => {
        const page = await source.page(afterId, limit);
        if (!changed && afterId !== null) {
          // The projection changes p0000 while the build is past it: written to the old index.
          changed = true;
          const renamed = { ...docs[0]!, name: '제주 한라봉 0', indexedAt: new Date() };
          source.docs[0] = renamed;
          await es.index.upsert([renamed]);
        }
        return page;
      },
    };
    const second = await reindexProducts(es.client, changing, {
      pageSize: 100,
      now: () => new Date(Date.now() - 1000),
      onProgress: (done, total) => progress.push([done, total]),
    });
    reindexing = false;
    await searching;

    assert.deepEqual(failures, []);
    assert.ok(
      totals.length > 0 && totals.every((total) => total === 250),
      `totals: ${[...new Set(totals)].join(',')}`,
    );
    assert.deepEqual(second.previous, ['products-1000']);
    assert.deepEqual(await aliasTargets(es.client), [second.index]);
    assert.equal(fake.indices.has('products-1000'), false, 'the old index is gone');
    assert.deepEqual(progress[0], [0, 250]);
    assert.deepEqual(progress.at(-1), [250, 250]);
    assert.equal(second.caughtUp, 1);
    await es.client.indices.refresh({ index: PRODUCTS_ALIAS });
    assert.deepEqual(await ids('한라봉'), ['p0000']);
  });
});
