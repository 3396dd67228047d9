import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { encodeJsonCursor } from '../../api/cursor';
import { signUpConsumer, signUpSeller, type TestAccount } from '../support/identity';
import { exifWithGps, jpeg, png } from '../support/images';
import { createTestApp, type TestApp } from '../support/test-app';

const MB = 1024 * 1024;

function spaces(total: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= total) return controller.close();
      sent += MB;
      controller.enqueue(new Uint8Array(MB).fill(0x20));
    },
  });
}

describe('HTTP hardening: body limits, UTF-8, headers, cursors, images', () => {
  let app: TestApp;
  let consumer: TestAccount;
  let seller: TestAccount;

  before(async () => {
    app = await createTestApp();
    [consumer, seller] = await Promise.all([signUpConsumer(app), signUpSeller(app)]);
  });
  after(() => app.close());

  test('a 100 MB body to the unauthenticated login is refused 413 while streaming', async () => {
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const response = await app.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: spaces(100 * MB),
      duplex: 'half',
    } as RequestInit);
    const elapsed = performance.now() - started;
    const problem = (await response.json()) as { code: string; maxBytes: number };
    assert.equal(response.status, 413);
    assert.equal(response.headers.get('content-type'), 'application/problem+json');
    assert.equal(problem.code, 'PAYLOAD_TOO_LARGE');
    assert.equal(problem.maxBytes, MB);
    assert.ok(elapsed < 2000, `took ${Math.round(elapsed)} ms`);
    const grownMb = (process.memoryUsage().rss - rssBefore) / MB;
    assert.ok(grownMb < 50, `RSS grew ${grownMb.toFixed(0)} MB`);

    const declared = await app.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(100 * MB) },
      body: spaces(2 * MB),
      duplex: 'half',
    } as RequestInit);
    assert.equal(declared.status, 413);
  });

  test('invalid UTF-8 in a JSON body is a 400, never stored as U+FFFD', async () => {
    const body = Buffer.concat([
      Buffer.from('{"email":"a'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('@b.kr","password":"x"}'),
    ]);
    const response = await app.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const problem = (await response.json()) as { code: string; errors: { field: string }[] };
    assert.equal(response.status, 400);
    assert.equal(problem.code, 'MALFORMED_REQUEST');
    assert.equal(problem.errors[0]!.field, 'body');
  });

  test('nosniff everywhere; CSP, frame-ancestors and referrer policy on HTML; no CORS by default', async () => {
    for (const path of ['/healthz', '/api/v1/products', '/api/v1/nope', '/docs/init.js']) {
      const response = await app.app.request(path, { headers: { origin: 'https://evil.example' } });
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(response.headers.get('access-control-allow-origin'), null, path);
      assert.equal(response.headers.get('strict-transport-security'), null, 'http: no HSTS');
    }
    for (const path of ['/docs', '/api/v1/payments/result?status=PAID&orderId=x']) {
      const response = await app.app.request(path);
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
      assert.match(response.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/, path);
      assert.match(response.headers.get('content-security-policy') ?? '', /script-src 'self'/, path);
      assert.equal(response.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
    }
  });

  test('the reported cursor and random cursors answer 400 naming the cursor, never 500', async () => {
    const reported = await app.app.request('/api/v1/products?cursor=WyJuZXdlc3QiLDFlKzIwLCJ4Il0');
    const problem = (await reported.json()) as { code: string; errors: { field: string }[] };
    assert.equal(reported.status, 400);
    assert.equal(problem.code, 'VALIDATION_FAILED');
    assert.equal(problem.errors[0]!.field, 'query.cursor');

    const cursor = fc.oneof(
      fc.string(),
      fc.jsonValue().map(encodeJsonCursor),
      fc.tuple(fc.constantFrom('newest', 'price_asc'), fc.double(), fc.string()).map(encodeJsonCursor),
    );
    await fc.assert(
      fc.asyncProperty(
        cursor,
        fc.constantFrom('/api/v1/products', '/api/v1/orders', '/api/v1/chats', '/api/v1/me/points'),
        async (text, path) => {
          const response = await app.app.request(`${path}?cursor=${encodeURIComponent(text)}`, {
            headers: consumer.auth,
          });
          assert.ok(
            [200, 400].includes(response.status),
            `${path} ${JSON.stringify(text)} → ${response.status}`,
          );
        },
      ),
      { numRuns: 150 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1 }), async (id) => {
        const response = await app.app.request(`/api/v1/products/${encodeURIComponent(id)}`);
        assert.ok(response.status < 500, `${JSON.stringify(id)} → ${response.status}`);
      }),
      { numRuns: 150 },
    );
  });

  test('images: 40000×40000 declared pixels are refused; stored JPEGs carry no GPS', async () => {
    const created = await app.request('/api/v1/seller/products', {
      body: { name: '메타데이터 테스트', price: 1000, variants: [{ options: {}, stock: 1 }] },
      headers: seller.auth,
    });
    const product = (await created.json()) as { id: string };
    assert.equal(created.status, 201, JSON.stringify(product));
    const upload = (bytes: Buffer) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)]), 'photo');
      return app.app.request(`/api/v1/seller/products/${product.id}/images`, {
        method: 'POST',
        body: form,
        headers: seller.auth,
      });
    };
    const bomb = await upload(png(40000, 40000));
    const refused = (await bomb.json()) as { code: string };
    assert.equal(bomb.status, 422);
    assert.equal(refused.code, 'IMAGE_TOO_MANY_PIXELS');

    const photo = jpeg(640, 480, { exif: exifWithGps(6, 'GPS-37.5665N-126.9780E') });
    const stored = await upload(photo);
    const image = (await stored.json()) as { url: string };
    assert.equal(stored.status, 201, JSON.stringify(image));
    const served = Buffer.from(await (await app.app.request(new URL(image.url).pathname)).arrayBuffer());
    assert.ok(photo.includes('GPS-37.5665N-126.9780E'));
    assert.ok(!served.includes('GPS-37.5665N-126.9780E'), 'GPS bytes removed');
    assert.ok(!served.includes(Buffer.from([0x88, 0x25])), 'GPS IFD tag removed');
  });
});
