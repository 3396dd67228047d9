import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { eventually } from '../support/eventually';
import { openJourney, type Journey } from '../support/journey';
import { openSettlementSandbox, type SettlementSandbox } from '../support/settlement-sandbox';
import { openConsoleBrowser, PHONE, SCREENSHOTS_DIR, type ConsoleBrowser } from './support/console-browser';
import { seedSettlement } from '../support/seeded-settlement';
import { timeRender } from './support/render-time';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The screen's render time, printed; on a miss, what the page showed instead. */
async function renderTime(page: Page, url: string, screen: string, visible: () => Promise<void>) {
  await timeRender(page, url, screen, () =>
    visible().catch(async (error: Error) => {
      console.log(
        `${screen} did not show what was awaited; the page showed:\n${await page.locator('body').innerText()}`,
      );
      throw error;
    }),
  );
}

/**
 * After the sale in a real browser (issue #22): 반품 관리 approves a buyer's return and the buyer sees
 * the refund; 정산 내역 downloads a weekly statement as CSV; 채팅 receives a buyer's message live and
 * the reply reaches the buyer.
 */
describe('the console after the sale: returns, settlements, chat (chromium, whole shop)', () => {
  let shop: Journey;
  let console_: ConsoleBrowser;
  let sandbox: SettlementSandbox;

  before(async () => {
    shop = await openJourney({ courierStepMs: 300 });
    console_ = await openConsoleBrowser({ app: shop.app, baseUrl: shop.baseUrl, seller: shop.seller });
    sandbox = await openSettlementSandbox(shop.app);
  });

  after(async () => {
    await sandbox?.close();
    await console_?.close();
    await shop?.close();
  });

  test('반품 관리: the seller approves a buyer’s return and the buyer’s order shows the refund', async () => {
    const product = await shop.product([5], 23_000);
    const order = await shop.placeOrder(product.variantIds[0]!);
    await shop.payInWindow(order);
    await shop.until(order.id, 'PAID');
    const shipped = await shop.call(`/seller/orders/${order.id}/shipments`, shop.seller, {
      body: { courier: 'CJ', invoiceNumber: '612345678906' },
    });
    assert.equal(shipped.status, 201, JSON.stringify(shipped.body));
    const requested = await shop.call(`/orders/${order.id}/returns`, shop.consumer, {
      body: { reason: '색상이 사진과 달라요', reasonCode: 'CHANGE_OF_MIND' },
    });
    assert.equal(requested.status, 201, JSON.stringify(requested.body));

    const page = await console_.newPage();
    await console_.signIn(page, 'seller');
    const card = page.getByRole('article', { name: `반품 ${order.orderNumber}` });
    await renderTime(page, `${shop.baseUrl}/console/seller/returns`, '반품 관리', () => card.waitFor());
    await card.getByText('사유: 색상이 사진과 달라요').waitFor();
    assert.equal(await card.getByRole('cell', { name: '1', exact: true }).count(), 1);
    assert.ok(await card.getByText('단순 변심').isVisible());
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'console-returns.png') });

    const approved = page.waitForResponse((r) => r.url().endsWith(`/approve`));
    await card.getByRole('button', { name: '반품 승인' }).click();
    assert.equal((await approved).status(), 200);
    await card.waitFor({ state: 'detached' });
    await page.getByText('처리할 반품 요청이 없습니다.').waitFor();

    await page.getByLabel('상태').selectOption({ label: '승인됨' });
    await card.getByText('승인됨').waitFor();
    const shownRefund = await card.getByText(/^환불 금액/).textContent();

    const refunded = await eventually(
      async () => {
        const read = await shop.call(`/orders/${order.id}`, shop.consumer);
        return read.body.returns?.[0]?.refund?.status === 'DONE' ? (read.body as Json) : undefined;
      },
      { what: 'the refund on the buyer’s order', timeoutMs: 30_000 },
    );
    assert.equal(refunded.returns[0].status, 'APPROVED');
    const amount = refunded.returns[0].refund.amount as number;
    assert.ok(amount > 0 && amount <= 23_000, String(amount));
    assert.match(shownRefund ?? '', new RegExp(`환불 금액 ${amount.toLocaleString('ko-KR')}원`));
    await page.context().close();
  });

  test('정산 내역: a weekly statement opens with its lines and downloads as CSV', async () => {
    // A seller of its own: the shop's seller has the first test's refund pending in its next settlement.
    const seller = await sandbox.seller({ companyName: '도마상회' });
    const { orderNumber } = await seedSettlement(sandbox, seller, '2042-W20', [
      { productName: '원목 도마', amount: 30_000 },
      { productName: '도마 오일', amount: 12_500 },
    ]);

    const page = await console_.newPage();
    await console_.signIn(page, seller);
    const row = page.getByRole('button', { name: /^2042-W20 정산 지급 예정 40,375원$/ });
    await renderTime(page, `${shop.baseUrl}/console/seller/settlements`, '정산 내역', () => row.waitFor());
    await row.click();
    const statement = page.getByRole('article', { name: '2042-W20 정산서' });
    await statement.getByRole('cell', { name: '원목 도마' }).waitFor();
    assert.equal(await statement.getByRole('cell', { name: orderNumber }).count(), 2);
    assert.match((await statement.getByRole('definition').last().textContent()) ?? '', /40,375원/);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'console-settlements.png'), fullPage: true });

    const downloading = page.waitForEvent('download');
    await statement.getByRole('button', { name: 'CSV 내려받기' }).click();
    const download = await downloading;
    assert.equal(download.suggestedFilename(), 'jangteo-settlement-2042-W20.csv');
    const bytes = await readFile(await download.path());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8');
    assert.match(csv, new RegExp(`판매,${orderNumber},원목 도마,1,30000,5%,1500,28500,`));
    assert.match(csv, /\r\n정산금액,40375\r\n/);
    await statement.getByText('jangteo-settlement-2042-W20.csv 파일을 내려받았습니다.').waitFor();
    await page.context().close();
  });

  test('채팅: a buyer’s message reaches the inbox and then arrives live; the reply reaches the buyer', async () => {
    const page = await console_.newPage(PHONE);
    await console_.signIn(page, 'seller');
    await renderTime(page, `${shop.baseUrl}/console/seller/chat`, '채팅', () =>
      page.getByText('답변을 기다리는 문의가 없습니다.').waitFor(),
    );

    const opened = await shop.call('/chats', shop.consumer, {
      body: { sellerId: shop.seller.id, text: '이 도마 사이즈가 어떻게 되나요?' },
    });
    assert.equal(opened.status, 201, JSON.stringify(opened.body));
    const waiting = page.getByRole('region', { name: '답변 대기' });
    const entry = waiting.getByRole('button', { name: /이 도마 사이즈가 어떻게 되나요\?/ });
    await entry.waitFor({ timeout: 15_000 });
    assert.match((await entry.textContent()) ?? '', /안 읽음 1/);
    await entry.click();
    const conversation = page.getByRole('article', { name: '대화' });
    await conversation.getByRole('status').filter({ hasText: '실시간 연결됨' }).waitFor();
    await conversation.getByText('이 도마 사이즈가 어떻게 되나요?').waitFor();

    const chatId = opened.body.id as string;
    const sent = await shop.call(`/chats/${chatId}/messages`, shop.consumer, {
      body: { text: '<b>급해요</b> 오늘 보내주실 수 있나요?' },
    });
    assert.equal(sent.status, 201);
    await conversation.getByText('<b>급해요</b> 오늘 보내주실 수 있나요?').waitFor();
    assert.equal(await conversation.locator('b').count(), 0, 'a message is shown as text, never HTML');

    await conversation.getByLabel('답장').fill('가로 40cm, 세로 25cm입니다. 오늘 발송해 드릴게요.');
    await conversation.getByRole('button', { name: '보내기' }).click();
    await conversation.getByLabel('판매자 메시지').filter({ hasText: '가로 40cm' }).waitFor();
    // The reply may come back on the socket before the POST answers; the box empties on the answer.
    await eventually(async () => (await conversation.getByLabel('답장').inputValue()) === '', {
      what: 'the reply box to empty',
    });
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'console-chat.png'), fullPage: true });

    const buyerSees = await shop.call(`/chats/${chatId}/messages`, shop.consumer);
    const newest = (buyerSees.body.items as Json[])[0]!;
    assert.equal(newest.text, '가로 40cm, 세로 25cm입니다. 오늘 발송해 드릴게요.');
    assert.equal(newest.sender.role, 'SELLER');
    const buyerView = await shop.call(`/chats/${chatId}`, shop.consumer);
    assert.equal(buyerView.body.unreadCount, 1);
    const sellerRead = (buyerView.body.participants as Json[]).find((p) => p.role === 'SELLER')!;
    assert.ok(sellerRead.lastReadSeq >= 2, 'the seller’s read receipt covers the buyer’s messages');
    await waiting.getByText('답변을 기다리는 문의가 없습니다.').waitFor({ timeout: 15_000 });
    await page.context().close();
  });
});
