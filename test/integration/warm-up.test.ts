import '../support/own-database';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Hono } from 'hono';
import { browsingWarmUp } from '../../api/catalog/browsing-warm-up';
import { warmUpOverHttp, type FetchHandler } from '../../platform/http-warm-up';
import { WARM_UP_HEADER_NAME } from '../../platform/warm-up-marker';
import { until } from '../support/eventually';
import { createAdmin, signUpSeller } from '../support/identity';
import { createProduct } from '../support/ordering';
import { dropOwnDatabase, prepareOwnDatabase } from '../support/own-database-setup';
import { runReadModel, type RunningProjections } from '../support/read-model';
import { createTestApp, type TestApp } from '../support/test-app';

interface Seen {
  path: string;
  status: number;
  setCookie: string | null;
}

/** The app's handler, noting what the warm-up asked and how it was answered. */
function recording(app: TestApp, seen: Seen[]): FetchHandler {
  return async (request, env) => {
    const response = await app.app.fetch(request, env);
    const url = new URL(request.url);
    seen.push({
      path: url.pathname + url.search,
      status: response.status,
      setCookie: response.headers.get('set-cookie'),
    });
    return response;
  };
}

const productPageRequests = async (app: TestApp) => {
  const metrics = await (await app.app.ops.request('/metrics')).text();
  const line = metrics
    .split('\n')
    .find(
      (l) =>
        l.startsWith('http_request_duration_seconds_count') && l.includes('route="/api/v1/products/:id"'),
    );
  return line ? Number(line.split(' ').at(-1)) : 0;
};

describe('a fresh API sends itself the shoppers’ reads before it listens (docs/deployment.md#warm-up)', () => {
  let app: TestApp;
  let readModel: RunningProjections;
  const names = ['무선 블루투스 이어폰 에어핏', '오버핏 반팔티셔츠 화이트', '제주 감귤 선물세트'];
  const productIds: string[] = [];

  before(async () => {
    await prepareOwnDatabase();
    app = await createTestApp();
    readModel = await runReadModel(app);
    const admin = await createAdmin(app);
    const category = await app.request('/api/v1/admin/categories', {
      headers: admin.auth,
      body: { name: '디지털' },
    });
    assert.equal(category.status, 201, await category.clone().text());
    const seller = await signUpSeller(app);
    for (const [i, name] of names.entries())
      productIds.push((await createProduct(app, seller, { name, price: 10_000 + i * 1000, stocks: [5] })).id);
    await until(
      async () => (await (await app.request('/api/v1/products?q=감귤')).json()) as { total: number },
      (page) => page.total === 1,
      { what: 'the products searchable' },
    );
  });

  after(async () => {
    await readModel?.stop();
    await app?.close();
    await dropOwnDatabase();
  });

  test('it reads product pages, searches by the catalogue’s words and lists every sort and category', async () => {
    const seen: Seen[] = [];
    const report = await warmUpOverHttp(recording(app, seen), browsingWarmUp, { requests: 200 });

    assert.equal(report.requests, 200);
    assert.equal(report.failed, 0);
    const paths = seen.map((s) => decodeURIComponent(s.path));
    for (const id of productIds) assert.ok(paths.includes(`/api/v1/products/${id}`), `product page ${id}`);
    for (const word of ['블루투스', '반팔티셔츠', '감귤'])
      assert.ok(paths.includes(`/api/v1/products?q=${word}`), `a search for ${word}`);
    assert.ok(
      paths.some((p) => /\?q=\S+ \S+$/.test(p)),
      'a two-word search',
    );
    for (const sort of ['newest', 'price_asc', 'price_desc', 'popular'])
      assert.ok(paths.includes(`/api/v1/products?sort=${sort}`), `the ${sort} list`);
    assert.ok(
      paths.some((p) => p.startsWith('/api/v1/products?categoryId=')),
      'a category list',
    );
    const unknown = seen.filter((s) => s.path === '/api/v1/products/00000000-0000-7000-8000-000000000000');
    assert.ok(unknown.length > 0 && unknown.every((s) => s.status === 404), 'the problem path, answered 404');
    assert.ok(
      seen.filter((s) => s.path.startsWith('/api/v1/products/')).every((s) => s.status !== 500),
      'no product page failed',
    );
  });

  test('its requests are nobody’s: no view session counted, no request metric; a forged header is a shopper', async () => {
    const before = await productPageRequests(app);
    const seen: Seen[] = [];
    await warmUpOverHttp(recording(app, seen), browsingWarmUp, { requests: 100 });

    const pages = seen.filter((s) => s.status === 200 && /^\/api\/v1\/products\/[0-9a-f-]{36}$/.test(s.path));
    assert.ok(pages.length > 10, `product pages read: ${pages.length}`);
    assert.ok(
      pages.every((s) => s.setCookie === null),
      'no view-session cookie: no view was counted',
    );
    assert.equal(await productPageRequests(app), before, 'no product-page request in the metrics');

    const forged = await app.request(`/api/v1/products/${productIds[0]}`, {
      headers: { [WARM_UP_HEADER_NAME]: 'guessed' },
    });
    assert.equal(forged.status, 200);
    assert.match(forged.headers.get('set-cookie') ?? '', /jt_vs=/, 'counted as a view');
    assert.equal(await productPageRequests(app), before + 1);
  });
});

describe('the warm-up itself (platform/http-warm-up.ts)', () => {
  test('a slow dependency cannot hold start-up: it stops at the deadline', async () => {
    const slow = new Hono().get('/slow', async (c) => {
      await new Promise((r) => setTimeout(r, 50));
      return c.json({ ok: true });
    });
    const started = performance.now();
    const report = await warmUpOverHttp(slow.fetch, async () => () => '/slow', {
      requests: 10_000,
      concurrency: 2,
      deadlineMs: 300,
    });
    assert.ok(report.requests > 0 && report.requests < 40, `${report.requests} requests`);
    assert.ok(performance.now() - started < 2000, 'back soon after the deadline');
  });

  test('a request that never answers is cut at the deadline', async () => {
    const hanging = new Hono().get('*', () => new Promise<Response>(() => undefined));
    const started = performance.now();
    const report = await warmUpOverHttp(hanging.fetch, async () => () => '/never', {
      requests: 100,
      concurrency: 4,
      deadlineMs: 300,
    });
    assert.ok(performance.now() - started < 2000, 'back soon after the deadline');
    assert.equal(report.failed, report.requests, 'every request in flight counted as failed');
  });

  test('answers of 5xx are counted as failed, and a plan that throws leaves no listener behind', async () => {
    let port = '';
    const broken = new Hono().get('*', (c) => {
      port = new URL(c.req.url).port;
      return c.json({ error: 'down' }, 503);
    });
    const report = await warmUpOverHttp(broken.fetch, async () => (i) => `/x/${i}`, { requests: 20 });
    assert.deepEqual([report.requests, report.failed], [20, 20]);

    await assert.rejects(
      warmUpOverHttp(
        broken.fetch,
        async (get) => {
          await get('/look-around');
          throw new Error('the plan failed');
        },
        { requests: 20 },
      ),
      /the plan failed/,
    );
    await assert.rejects(fetch(`http://127.0.0.1:${port}/after`), 'the loopback port is closed');
  });

  test('no requests asked: nothing is served', async () => {
    let asked = 0;
    const app = new Hono().get('*', (c) => {
      asked++;
      return c.json({});
    });
    const report = await warmUpOverHttp(app.fetch, async () => () => '/', { requests: 0 });
    assert.deepEqual([report.requests, asked], [0, 0]);
  });
});
