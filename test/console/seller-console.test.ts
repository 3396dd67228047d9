import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { openJourney, type Journey } from '../support/journey';
import {
  initialBundle,
  openConsoleBrowser,
  PHONE,
  SCREENSHOTS_DIR,
  type ConsoleBrowser,
} from './support/console-browser';
import { reportRender } from './support/render-time';

const tile = (page: Page, title: string) => page.getByRole('link', { name: new RegExp(`^${title} `) });
const nav = (page: Page) => page.getByRole('navigation', { name: '메뉴' });

/**
 * The console's foundation in a real browser (issue #22): 로그인, the seller dashboard over an order
 * a buyer placed through the API, a manager refused a screen, 로그아웃; with the page-load and
 * bundle-size figures of the requirement.
 */
describe('the web console (chromium, whole shop)', () => {
  let shop: Journey;
  let console_: ConsoleBrowser;

  before(async () => {
    shop = await openJourney();
    console_ = await openConsoleBrowser({ app: shop.app, baseUrl: shop.baseUrl, seller: shop.seller });
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  });

  after(async () => {
    await console_?.close();
    await shop?.close();
  });

  test('the initial bundle stays under 300 KB gzipped', () => {
    const bundle = initialBundle();
    console.log(
      `console initial bundle: ${(bundle.gzippedBytes / 1024).toFixed(1)} KB gzipped (${bundle.files.join(', ')})`,
    );
    assert.ok(bundle.files.some((file) => file.endsWith('.js')));
    assert.ok(bundle.gzippedBytes < 300 * 1024, `${bundle.gzippedBytes} bytes`);
  });

  test('a seller signs in and sees on the dashboard the order a buyer paid, in under 2 s', async () => {
    const product = await shop.product([5], 19_000);
    const order = await shop.placeOrder(product.variantIds[0]!);
    await shop.payInWindow(order);
    await shop.until(order.id, 'PAID');

    const phone = await console_.newPage(PHONE);
    await phone.goto(`${shop.baseUrl}/console/login`);
    await phone.getByRole('button', { name: '로그인' }).waitFor();
    await phone.screenshot({ path: join(SCREENSHOTS_DIR, 'console-login.png') });
    await phone.context().close();

    const page = await console_.newPage();
    await console_.signIn(page, 'seller');
    assert.equal(new URL(page.url()).pathname, '/console/seller');
    await tile(page, '신규 주문').filter({ hasText: '1건' }).waitFor();

    // A fresh load of the dashboard (session restored from this tab's refresh token, four lists).
    const started = performance.now();
    await page.goto(`${shop.baseUrl}/console/seller`);
    for (const title of ['신규 주문', '발송할 주문', '처리할 반품', '지급 예정 정산'])
      await tile(page, title)
        .filter({ hasText: /\d+\+?건/ })
        .waitFor();
    reportRender('대시보드 (counts)', Math.round(performance.now() - started));
    assert.equal(await tile(page, '신규 주문').getAttribute('aria-label'), '신규 주문 1건');
    assert.equal(await tile(page, '발송할 주문').getAttribute('aria-label'), '발송할 주문 0건');
    assert.equal(await tile(page, '처리할 반품').getAttribute('aria-label'), '처리할 반품 0건');
    assert.equal(await tile(page, '지급 예정 정산').getAttribute('aria-label'), '지급 예정 정산 0건');
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'console-seller-dashboard.png') });

    for (const label of ['상품 등록', '주문 관리', '발송 처리', '반품 관리', '정산 내역', '채팅'])
      assert.ok(await nav(page).getByRole('link', { name: label }).isVisible(), label);
    await tile(page, '신규 주문').click();
    await page.waitForURL(/\/console\/seller\/orders\?status=PAID$/);
    await page.getByRole('heading', { name: '주문 관리' }).waitFor();
    await page.context().close();
  });

  test('a manager without the settlement permission is refused 정산 내역', async () => {
    const page = await console_.newPage();
    await console_.signIn(page, 'manager');
    assert.equal(new URL(page.url()).pathname, '/console/seller');
    await nav(page).getByRole('link', { name: '주문 관리' }).waitFor();
    assert.equal(await nav(page).getByRole('link', { name: '정산 내역' }).count(), 0);
    assert.equal(await nav(page).getByRole('link', { name: '상품 등록' }).count(), 0);
    await page.getByText('권한 없음').waitFor();

    await page.goto(`${shop.baseUrl}/console/seller/settlements`);
    await page.getByRole('heading', { name: '권한이 없습니다' }).waitFor();
    await page.context().close();
  });

  test('an admin lands on the admin menu; 로그아웃 returns to 로그인 and ends the sign-in', async () => {
    const page = await console_.newPage();
    await console_.signIn(page, 'admin');
    assert.equal(new URL(page.url()).pathname, '/console/admin');
    for (const label of ['회원 관리', '주문 조회', '실패 작업', '정산 실행', '알림 발송 기록', 'KPI'])
      assert.ok(await nav(page).getByRole('link', { name: label }).isVisible(), label);

    const loggedOut = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/logout'));
    await page.getByRole('button', { name: '로그아웃' }).click();
    assert.equal((await loggedOut).status(), 204);
    await page.getByRole('heading', { name: '로그인' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/console/login');
    await nav(page).getByRole('link', { name: '로그인' }).waitFor();

    await page.goto(`${shop.baseUrl}/console/admin/users`);
    await page.waitForURL(/\/console\/login$/);
    await page.context().close();
  });
});
