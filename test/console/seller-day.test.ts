import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { eventually } from '../support/eventually';
import { openJourney, type Journey } from '../support/journey';
import { openConsoleBrowser, PHONE, SCREENSHOTS_DIR, type ConsoleBrowser } from './support/console-browser';
import { reportRender } from './support/render-time';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const nav = (page: Page) => page.getByRole('navigation', { name: '메뉴' });
/** A real (decodable) PNG of one colour, so the screenshot shows the thumbnail. */
function solidPng(size: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3).map((_, i) => rgb[i % 3]!)]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: size }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const rowOf = (table: Locator, text: string) => table.getByRole('row').filter({ hasText: text });

/**
 * The seller's whole day in the console (issue #22): a product listed with options, stock and an
 * image; a buyer orders and pays through the API; the seller prepares it, ships one order by hand
 * and another by CSV, sees them delivered by the sandbox courier, and approves the buyer's return.
 * Prints the render time of each screen visited (navigation → its main content).
 */
describe('a seller’s day in the console (chromium, whole shop)', () => {
  let shop: Journey;
  let browser: ConsoleBrowser;
  const renders: Record<string, number> = {};

  before(async () => {
    shop = await openJourney({ courierStepMs: 300 });
    browser = await openConsoleBrowser({ app: shop.app, baseUrl: shop.baseUrl, seller: shop.seller });
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  });

  after(async () => {
    for (const [screen, ms] of Object.entries(renders)) reportRender(screen, ms);
    await browser?.close();
    await shop?.close();
  });

  /** Clicks a nav link and times until `content` is visible. */
  const visit = async (page: Page, label: string, content: Locator, screen = label) => {
    const started = performance.now();
    await nav(page).getByRole('link', { name: label }).click();
    await content.waitFor();
    renders[screen] = Math.round(performance.now() - started);
  };

  const pay = async (variantId: string) => {
    const order = await shop.placeOrder(variantId);
    await shop.payInWindow(order);
    await shop.until(order.id as string, 'PAID');
    return order;
  };

  test('list a product, prepare, ship by hand and by CSV, see it delivered, approve a return', async () => {
    const page = await browser.newPage();
    await browser.signIn(page, 'seller');

    // 상품 등록: an empty list, then the form with two options values and an image.
    await visit(page, '상품 등록', page.getByText('등록한 상품이 없습니다.'));
    await page.getByRole('link', { name: '새 상품 등록' }).click();
    await page.getByLabel('상품명', { exact: true }).fill('콘솔 반팔티');
    await page.getByLabel('판매가(원)').fill('19000');
    await page.getByRole('button', { name: '옵션 추가' }).click();
    await page.getByLabel('옵션 1 이름', { exact: true }).fill('색상');
    await page.getByLabel('옵션 1 값 (쉼표로 구분)').fill('빨강, 파랑');
    await page.getByLabel('빨강 재고', { exact: true }).fill('3');
    await page.getByLabel('파랑 재고', { exact: true }).fill('2');
    await page.getByLabel('파랑 추가 금액', { exact: true }).fill('1000');
    await page.getByRole('row', { name: /파랑/ }).getByText('20,000원').waitFor();

    const files = page.getByLabel('이미지 파일 선택', { exact: true });
    await files.setInputFiles({
      name: 'notes.txt',
      mimeType: 'image/png',
      buffer: Buffer.from('not an image'),
    });
    await page
      .getByRole('alert')
      .getByText('notes.txt: JPEG, PNG, WebP, GIF 이미지만 올릴 수 있습니다.')
      .waitFor();
    await files.setInputFiles({
      name: 'tee.png',
      mimeType: 'image/png',
      buffer: solidPng(64, [11, 107, 87]),
    });
    await page.getByRole('button', { name: 'tee.png 빼기' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'console-product-new.png'), fullPage: true });
    await page.getByRole('button', { name: '상품 등록하기' }).click();

    await page.waitForURL(/\/console\/seller\/products\/[0-9a-f-]+$/);
    await page.getByRole('status').getByText('상품을 등록했습니다.').waitFor();
    await page.getByRole('img', { name: '콘솔 반팔티 이미지 1' }).waitFor();
    const productId = new URL(page.url()).pathname.split('/').pop()!;
    const stock = page.getByRole('table', { name: '재고' });
    await page.getByLabel('빨강 재고', { exact: true }).fill('5');
    await page.getByRole('button', { name: '빨강 재고 저장' }).click();
    await rowOf(stock, '빨강').getByTestId('sellable').filter({ hasText: /^5$/ }).waitFor();

    const status = page.getByTestId('product-status');
    await page.getByRole('button', { name: '콘솔 반팔티 판매 중지' }).click();
    await status.filter({ hasText: '판매 중지' }).waitFor();
    await page.getByRole('button', { name: '콘솔 반팔티 판매 재개' }).click();
    await status.filter({ hasText: '판매중' }).waitFor();

    await nav(page).getByRole('link', { name: '상품 등록' }).click();
    await page.getByLabel('상품명 검색', { exact: true }).fill('반팔');
    await page.getByRole('button', { name: '검색' }).click();
    await rowOf(page.getByRole('table', { name: '내 상품' }), '콘솔 반팔티')
      .getByText('판매중')
      .waitFor();
    await page.getByLabel('상품명 검색', { exact: true }).fill('없는상품');
    await page.getByRole('button', { name: '검색' }).click();
    await page.getByText('조건에 맞는 상품이 없습니다.').waitFor();

    const listed = await shop.call(`/seller/products/${productId}`, shop.seller);
    const variants = listed.body.variants as Json[];
    assert.deepEqual(
      variants.map((v) => [v.options['색상'], v.price, v.stock]),
      [
        ['빨강', 19_000, 5],
        ['파랑', 20_000, 2],
      ],
    );
    assert.equal(listed.body.images.length, 1);
    const red = variants[0]!.id as string;

    // A buyer orders twice through the API and pays in the sandbox window.
    const first = await pay(red);
    const second = await pay(red);

    // 주문 관리: both under 신규 주문; the first is prepared and moves to 발송 대기.
    await visit(page, '주문 관리', page.getByRole('cell', { name: first.orderNumber, exact: true }));
    const paid = page.getByRole('table', { name: '신규 주문 목록' });
    await rowOf(paid, second.orderNumber).waitFor();
    await page.getByRole('button', { name: `${first.orderNumber} 상품 준비` }).click();
    await rowOf(paid, first.orderNumber).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: '발송 대기' }).click();
    await rowOf(page.getByRole('table', { name: '발송 대기 목록' }), first.orderNumber)
      .getByText('상품 준비중')
      .waitFor();

    // 발송 처리: the first by hand (a bad invoice is refused first), the second by CSV.
    await visit(page, '발송 처리', page.getByRole('cell', { name: second.orderNumber, exact: true }));
    await page.getByLabel(`${first.orderNumber} 택배사`, { exact: true }).selectOption('CJ');
    await page.getByLabel(`${first.orderNumber} 송장번호`, { exact: true }).fill('1234');
    await page.getByRole('button', { name: `${first.orderNumber} 발송 처리` }).click();
    await page
      .getByRole('alert')
      .getByText('CJ대한통운 송장번호는 10 또는 12자리여야 합니다 (입력 4자리)')
      .waitFor();
    await page.getByLabel(`${first.orderNumber} 송장번호`, { exact: true }).fill('6123-4567-8906');
    await page.getByRole('button', { name: `${first.orderNumber} 발송 처리` }).click();
    const toShip = page.getByRole('table', { name: '발송할 주문' });
    await rowOf(toShip, first.orderNumber).waitFor({ state: 'detached' });

    const csv = [
      '주문번호,택배사,송장번호',
      `${second.orderNumber},한진택배,4123-4567-8901`,
      `${first.orderNumber},CJ,612345678906`,
      'JT2026010100000000,롯데,1234',
    ].join('\n');
    await page.getByLabel('CSV 파일 선택', { exact: true }).setInputFiles({
      name: '송장.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    const preview = page.getByRole('table', { name: '송장 일괄 등록 미리보기' });
    await page.getByText('송장.csv: 3행 중 1행 등록 가능').waitFor();
    await rowOf(preview, first.orderNumber).getByText('발송할 주문에 없는 주문번호입니다.').waitFor();
    await rowOf(preview, 'JT2026010100000000')
      .getByText('롯데택배 송장번호는 10–13자리여야 합니다 (입력 4자리)')
      .waitFor();
    await page.getByRole('button', { name: '1건 송장 등록' }).click();
    await rowOf(preview, second.orderNumber)
      .getByText(/^등록됨/)
      .waitFor();
    await page.getByText('성공 1건, 실패 0건').waitFor();
    await page.getByText('발송할 주문이 없습니다.').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'console-shipments.png'), fullPage: true });

    // The sandbox courier delivers both; the seller sees them under 배송 완료 (on a phone).
    await shop.until(first.id as string, 'DELIVERED');
    await shop.until(second.id as string, 'DELIVERED');
    const phone = await browser.newPage(PHONE);
    await browser.signIn(phone, 'seller');
    await visit(phone, '주문 관리', phone.getByRole('heading', { name: '주문 관리' }), '주문 관리 (휴대폰)');
    await phone.getByRole('link', { name: '배송 완료' }).click();
    const delivered = phone.getByRole('table', { name: '배송 완료 목록' });
    for (const order of [first, second])
      await rowOf(delivered, order.orderNumber).getByText('배송 완료').waitFor();
    await phone.context().close();

    // The buyer asks to return the first; the seller approves it in 반품 관리.
    const requested = await shop.call(`/orders/${first.id}/returns`, shop.consumer, {
      body: { reason: '색이 달라요', reasonCode: 'CHANGE_OF_MIND', sellerId: shop.seller.id },
    });
    assert.equal(requested.status, 201, JSON.stringify(requested.body));
    const card = page.getByRole('article', { name: `반품 ${first.orderNumber}` });
    await visit(page, '반품 관리', card);
    await card.getByRole('button', { name: '반품 승인' }).click();
    await card.waitFor({ state: 'detached' });
    await eventually(
      async () => {
        const read = await shop.call(`/orders/${first.id}`, shop.consumer);
        return read.body.parts[0].status === 'RETURNED' || undefined;
      },
      { what: 'the approved return on the buyer’s order', timeoutMs: 30_000 },
    );
    await page.context().close();
  });
});
