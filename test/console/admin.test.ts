import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { eventually } from '../support/eventually';
import { signUpConsumer } from '../support/identity';
import { openJourney, type Journey } from '../support/journey';
import {
  DESKTOP,
  openConsoleBrowser,
  PHONE,
  SCREENSHOTS_DIR,
  type ConsoleBrowser,
} from './support/console-browser';
import { timeRender } from './support/render-time';

const nav = (page: Page) => page.getByRole('navigation', { name: '메뉴' });

/**
 * The admin console in a real browser (issue #22): an admin retries a refund the PG refused, opens
 * an order by its number (timeline, Temporal UI link), suspends an account that then cannot sign
 * in; with each admin screen's render time.
 */
describe('the admin console (chromium, whole shop)', () => {
  let shop: Journey;
  let console_: ConsoleBrowser;
  let order: { id: string; orderNumber: string };

  before(async () => {
    shop = await openJourney();
    console_ = await openConsoleBrowser({ app: shop.app, baseUrl: shop.baseUrl, seller: shop.seller });
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });

    // A paid order whose cancel the PG refuses to refund: a refund dead letter for the admin.
    const product = await shop.product([5], 21_000);
    const placed = await shop.placeOrder(product.variantIds[0]!);
    await shop.payInWindow(placed);
    const paid = await shop.until(placed.id, 'PAID');
    order = { id: placed.id, orderNumber: paid.orderNumber };
    await shop.pgFaults({
      transient: { operation: 'cancel', times: 1, code: 'NOT_CANCELABLE_PAYMENT', status: 403 },
    });
    const cancelled = await shop.call(`/orders/${order.id}/cancel`, shop.consumer, {
      body: { reason: '단순 변심' },
    });
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    await eventually(
      async () => (await shop.call(`/orders/${order.id}`, shop.consumer)).body.refundStatus === 'FAILED',
      { what: 'the refund refused and parked', timeoutMs: 30_000 },
    );
  });

  after(async () => {
    await console_?.close();
    await shop?.close();
  });

  test('an admin retries the refused refund on a phone, and the refund is made', async () => {
    const page = await console_.newPage(PHONE);
    await console_.signIn(page, 'admin');
    await nav(page).getByRole('link', { name: '실패 작업' }).click();
    await page.getByRole('heading', { name: '실패 작업' }).waitFor();
    const row = page.locator(`tr[data-reference="${order.id}:cancel:all"]`);
    await row.getByText('처리 대기').waitFor();
    assert.match(await row.innerText(), /NOT_CANCELABLE_PAYMENT/);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'console-admin-dead-letters.png'), fullPage: true });

    const retried = page.waitForResponse((r) => r.url().includes('/retry'));
    await row.getByRole('button', { name: /재시도$/ }).click();
    assert.equal((await retried).status(), 202);
    // The list shows open letters by default: the retried one leaves it.
    await row.waitFor({ state: 'detached' });
    await page.getByLabel('처리 상태').selectOption({ label: '전체' });
    await row.getByText('재시도함').waitFor();

    await eventually(
      async () => (await shop.call(`/orders/${order.id}`, shop.consumer)).body.refundStatus === 'DONE',
      { what: 'the retried refund made', timeoutMs: 30_000 },
    );
    await page.context().close();
  });

  test('an admin opens an order by its number: its timeline and its workflows in the Temporal UI', async () => {
    const page = await console_.newPage(DESKTOP);
    await console_.signIn(page, 'admin');
    await nav(page).getByRole('link', { name: '주문 조회' }).click();
    await page.getByLabel('주문번호', { exact: true }).fill(order.orderNumber.toLowerCase());
    await page.getByRole('button', { name: '주문 열기' }).click();
    await page.getByRole('heading', { name: `주문 ${order.orderNumber}` }).waitFor();
    const timeline = page.getByRole('list', { name: '처리 이력' });
    await timeline.waitFor();
    const statuses = await timeline.locator('strong').allInnerTexts();
    const at = (label: string) => statuses.indexOf(label);
    assert.ok(
      at('결제 대기') === 0 && at('결제 완료') > 0 && at('취소') > at('결제 완료'),
      statuses.join(' → '),
    );
    const link = page.getByRole('link', { name: 'Temporal UI에서 워크플로 보기' });
    assert.equal(
      await link.getAttribute('href'),
      `http://localhost:8233/namespaces/default/workflows?query=OrderNumber%3D%22${order.orderNumber}%22`,
    );
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'console-admin-order.png'), fullPage: true });

    await timeRender(page, `${shop.baseUrl}/console/admin/orders/${order.orderNumber}`, '주문 상세', () =>
      page.getByRole('list', { name: '처리 이력' }).waitFor(),
    );
    await page.context().close();
  });

  test('an admin suspends an account, which then cannot sign in through the API', async () => {
    const buyer = await signUpConsumer(shop.app);
    const page = await console_.newPage(DESKTOP);
    await console_.signIn(page, 'admin');
    await nav(page).getByRole('link', { name: '회원 관리' }).click();
    await page.getByLabel('이메일').fill(buyer.email.toUpperCase());
    await page.getByRole('button', { name: '검색' }).click();
    const row = page.getByRole('row').filter({ hasText: '구매자' });
    await row.getByText('정상').waitFor();
    assert.equal(await page.getByRole('row').count(), 2, 'the header and the one account');

    await row.getByRole('button', { name: / 정지$/ }).click();
    await row.getByLabel('정지 사유').fill('도용 신고 접수');
    await row.getByRole('button', { name: '정지 확인' }).click();
    await row.getByText('도용 신고 접수').waitFor();
    await row.locator('.badge', { hasText: '정지' }).waitFor();

    const login = await shop.call('/auth/login', null, {
      body: { email: buyer.email, password: buyer.password },
    });
    assert.equal(login.status, 403);
    assert.equal(login.body.code, 'ACCOUNT_SUSPENDED');
    assert.equal(login.body.detail, '관리자가 이 계정을 정지했습니다. 고객센터에 문의해 주세요.');
    const live = await shop.call('/me', buyer);
    assert.equal(live.status, 403, 'its live access token stops at once');

    await row.getByRole('button', { name: / 정지 해제$/ }).click();
    await row.getByText('정상').waitFor();
    const again = await shop.call('/auth/login', null, {
      body: { email: buyer.email, password: buyer.password },
    });
    assert.equal(again.status, 200);
    await page.context().close();
  });

  test('every admin screen shows its content (render times printed)', async () => {
    const page = await console_.newPage(DESKTOP);
    await console_.signIn(page, 'admin');
    const screens: [path: string, ready: (p: Page) => Locator][] = [
      ['users', (p) => p.getByRole('table').or(p.getByText('조건에 맞는 회원이 없습니다.'))],
      ['orders', (p) => p.getByRole('link', { name: order.orderNumber })],
      ['dead-letters', (p) => p.getByRole('table').or(p.getByText('처리할 실패 작업이 없습니다.'))],
      ['settlement-runs', (p) => p.getByRole('table').or(p.getByText('아직 정산 내역이 없습니다.'))],
      ['notifications', (p) => p.getByRole('table').or(p.getByText('발송 기록이 없습니다.'))],
      ['kpi', (p) => p.getByRole('list', { name: '지표' })],
    ];
    for (const [path, ready] of screens)
      await timeRender(page, `${shop.baseUrl}/console/admin/${path}`, `admin ${path}`, () =>
        ready(page).first().waitFor(),
      );
    await page.getByRole('listitem', { name: '결제 성공률' }).waitFor();
    await page.context().close();
  });
});
