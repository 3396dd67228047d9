import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testIdentitySettings } from '../support/test-identity';
import { openConsoleBrowser, serveTestApp, type ConsoleBrowser } from './support/console-browser';

/** Access tokens of 6 s: the console refreshes them before they end, without the user noticing. */
describe('the console keeps a sign-in alive quietly (chromium)', () => {
  let shop: Awaited<ReturnType<typeof serveTestApp>>;
  let console_: ConsoleBrowser;

  before(async () => {
    shop = await serveTestApp({ identity: { ...testIdentitySettings(), accessTokenTtlSeconds: 6 } });
    console_ = await openConsoleBrowser(shop);
  });

  after(async () => {
    await console_?.close();
    await shop?.close();
  });

  test('the access token is refreshed before it ends and the next call uses the new one', async () => {
    const page = await console_.newPage();
    const logins: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/auth/login')) logins.push(request.url());
    });
    await console_.signIn(page, 'seller');
    await page.getByRole('link', { name: /^신규 주문 0건/ }).waitFor();

    const refreshed = await page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/refresh'));
    assert.equal(refreshed.status(), 200);
    const { accessToken } = (await refreshed.json()) as { accessToken: string };

    const next = page.waitForRequest((r) => r.url().includes('/api/v1/seller/orders'));
    await page.getByRole('button', { name: '새로 고침' }).click();
    const request = await next;
    assert.equal(request.headers()['authorization'], `Bearer ${accessToken}`);
    assert.equal((await request.response())!.status(), 200);
    assert.equal(new URL(page.url()).pathname, '/console/seller');
    assert.equal(logins.length, 1, 'signed in once, never asked again');
    await page.context().close();
  });
});
