import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Hono } from 'hono';
import { createConsoleRoutes } from '../../api/system/console.routes';

describe('the console served at /console', () => {
  let dist: string;
  let app: Hono;
  before(async () => {
    dist = await mkdtemp(join(tmpdir(), 'console-dist-'));
    await mkdir(join(dist, 'assets'));
    await writeFile(
      join(dist, 'index.html'),
      '<!doctype html><script type="module" src="/console/assets/index-abc123.js"></script>',
    );
    await writeFile(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
    await writeFile(join(dist, 'assets', 'index-abc123.css'), 'body{}');
    app = new Hono().route('/', createConsoleRoutes(dist));
  });
  after(async () => {
    await rm(dist, { recursive: true, force: true });
  });

  test('deep links get index.html, never cached, so the client router shows the screen', async () => {
    for (const path of ['/console', '/console/', '/console/seller/orders', '/console/login']) {
      const response = await app.request(path);
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8', path);
      assert.equal(response.headers.get('cache-control'), 'no-cache', path);
      assert.match(await response.text(), /index-abc123\.js/);
    }
  });

  test('hashed assets carry their content type and are cached for a year', async () => {
    const js = await app.request('/console/assets/index-abc123.js');
    assert.equal(js.status, 200);
    assert.equal(js.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(js.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    const css = await app.request('/console/assets/index-abc123.css');
    assert.equal(css.headers.get('content-type'), 'text/css; charset=utf-8');
  });

  test('a missing asset is a 404, and nothing outside the build is reachable', async () => {
    assert.equal((await app.request('/console/assets/gone-000.js')).status, 404);
    assert.equal((await app.request('/console/favicon.ico')).status, 404);
    for (const path of [
      '/console/../package.json',
      '/console/%2e%2e/%2e%2e/package.json',
      '/console/..%2fpackage.json',
    ]) {
      const response = await app.request(path);
      assert.ok(!(await response.text()).includes('"name"'), path);
    }
  });

  test('without a build, /console says how to make one', async () => {
    const empty = new Hono().route('/', createConsoleRoutes(join(dist, 'missing')));
    const response = await empty.request('/console/seller');
    assert.equal(response.status, 503);
    assert.match(await response.text(), /npm run console:build/);
  });
});
