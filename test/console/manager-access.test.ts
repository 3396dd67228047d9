import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { assignManager, createManager } from '../support/identity';
import { openSettlementSandbox, type SettlementSandbox } from '../support/settlement-sandbox';
import { openConsoleBrowser, serveTestApp, type ConsoleBrowser } from './support/console-browser';
import { seedSettlement } from '../support/seeded-settlement';

const nav = (page: Page) => page.getByRole('navigation', { name: '메뉴' });

/**
 * What a manager may open follows the permissions its seller granted (docs/console.md#auth-model);
 * seller-console.test.ts covers 정산 내역 refused to an ORDERS manager from the dashboard, this file
 * the after-sale screens: refused without the permission, working (CSV included) with it.
 */
describe('managers and the after-sale screens (chromium, API alone)', () => {
  let shop: Awaited<ReturnType<typeof serveTestApp>>;
  let sandbox: SettlementSandbox;
  let console_: ConsoleBrowser;

  before(async () => {
    shop = await serveTestApp();
    sandbox = await openSettlementSandbox(shop.app);
    const seller = await sandbox.seller({ companyName: '권한상회' });
    console_ = await openConsoleBrowser({ app: shop.app, baseUrl: shop.baseUrl, seller });
  });

  after(async () => {
    await console_?.close();
    await sandbox?.close();
    await shop?.close();
  });

  test('a manager without the settlement permission sees no 정산 내역 link and 권한이 없습니다 on the screen', async () => {
    const page = await console_.newPage();
    await console_.signIn(page, 'manager');
    await nav(page).getByRole('link', { name: '반품 관리' }).waitFor();
    assert.equal(await nav(page).getByRole('link', { name: '정산 내역' }).count(), 0);
    assert.equal(await nav(page).getByRole('link', { name: '채팅' }).count(), 0);

    const calls: string[] = [];
    page.on('request', (request) => {
      if (/\/api\/v1\/(seller\/settlements|chats|seller\/chats)/.test(request.url()))
        calls.push(request.url());
    });
    for (const [path, label] of [
      ['settlements', '정산 내역'],
      ['chat', '채팅'],
    ] as const) {
      await page.goto(`${shop.baseUrl}/console/seller/${path}`);
      await page.getByRole('heading', { name: '권한이 없습니다' }).waitFor();
      await page.getByText(`${label} 화면을 쓸 권한이 없습니다.`).waitFor();
      assert.equal(await page.getByRole('button', { name: 'CSV 내려받기' }).count(), 0);
      assert.deepEqual(calls, [], `${label}: the refused screen asks the API for nothing`);
    }

    await page.goto(`${shop.baseUrl}/console/seller/returns`);
    await page.getByText('처리할 반품 요청이 없습니다.').waitFor();
    await page.context().close();
  });

  test('a manager granted SETTLEMENTS_READ opens the seller’s statement and downloads its CSV', async () => {
    const { seller, admin } = console_.accounts;
    await seedSettlement(sandbox, seller, '2042-W30', [{ productName: '수제 비누', amount: 25_000 }]);
    const reader = await createManager(shop.app, admin);
    await assignManager(shop.app, seller, reader, ['SETTLEMENTS_READ']);

    const page = await console_.newPage();
    await console_.signIn(page, reader);
    await nav(page).getByRole('link', { name: '정산 내역' }).click();
    await page.getByRole('button', { name: /^2042-W30 정산 지급 예정 23,750원$/ }).click();
    const statement = page.getByRole('article', { name: '2042-W30 정산서' });
    await statement.getByRole('cell', { name: '수제 비누' }).waitFor();
    const downloading = page.waitForEvent('download');
    await statement.getByRole('button', { name: 'CSV 내려받기' }).click();
    const download = await downloading;
    assert.equal(download.suggestedFilename(), 'jangteo-settlement-2042-W30.csv');
    assert.match(await readFile(await download.path(), 'utf8'), /판매자,권한상회\r\n/);
    assert.equal(await nav(page).getByRole('link', { name: '반품 관리' }).count(), 0);
    await page.context().close();
  });
});
