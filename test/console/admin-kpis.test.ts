import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { addDays, seoulDayOf } from '../../domain/kpi/seoul-day';
import { sqlTime } from '../../persistence/inventory/sql';
import { uuidv7 } from '../../platform/ids';
import { eventually } from '../support/eventually';
import { openJourney, type Journey } from '../support/journey';
import { insertPaidOrder } from '../support/kpi-rows';
import { BackDatedRows } from '../support/retention-rows';
import {
  DESKTOP,
  openConsoleBrowser,
  PHONE,
  SCREENSHOTS_DIR,
  type ConsoleBrowser,
} from './support/console-browser';
import { timeRender } from './support/render-time';

interface Figure {
  value: number | null;
}
interface Day {
  day: string;
  ordersPaid: number;
  conversionRate: Figure;
  paymentSuccessRate: Figure;
  averageOrderValue: Figure;
}

const chart = (page: Page, title: string) => page.getByRole('figure', { name: title });
/** The value printed above each day's bar, in the chart's order. */
const barLabels = (figure: Locator) => figure.locator('g.kpi-day .kpi-bar-label').allTextContents();

/**
 * The KPI screen's per-day charts (issue #22) over a week long past, seeded as rows of its own and
 * rolled up by the real workflow through POST /admin/kpis/rollups (the whole shop runs).
 */
describe('the admin KPI charts (chromium, whole shop)', () => {
  let shop: Journey;
  let console_: ConsoleBrowser;
  // A week of its own for this run, before any other suite's days.
  const from = addDays('2005-01-01', Math.floor(Math.random() * 3000));
  const to = addDays(from, 6);
  const at = (day: string, hour: number) =>
    new Date(Date.parse(`${addDays(day, -1)}T15:00:00Z`) + hour * 3_600_000);

  const seededOrders: string[] = [];

  async function seed() {
    const rows = new BackDatedRows(shop.app.dataSource);
    const visitors = async (day: string, n: number) => {
      for (let i = 0; i < n; i += 1)
        await rows.insert(
          'product_view_sessions',
          { day, session_hash: uuidv7().replace(/-/g, '').padEnd(64, '0') },
          new Date(),
        );
    };
    const paidOrder = async (total: number, paidAt: Date) => {
      seededOrders.push(await insertPaidOrder(rows, { total, paidAt }));
    };
    const payment = async (status: string, started: Date) =>
      rows.insert(
        'payments',
        {
          id: uuidv7(),
          order_id: uuidv7(),
          attempt: 1,
          user_id: uuidv7(),
          provider: 'TOSS',
          method: 'CARD',
          status,
          total_amount: 10_000,
          points_amount: 0,
          pg_amount: 10_000,
          cancelled_amount: 0,
          created_at: sqlTime(started),
        },
        started,
      );
    // Day 1: 20 visitors, one buyer (5 %). Day 3: 10 visitors, two buyers (20 %). Day 5: PG 1 of 2.
    await visitors(from, 20);
    await paidOrder(30_000, at(from, 10));
    await visitors(addDays(from, 2), 10);
    await paidOrder(40_000, at(addDays(from, 2), 9));
    await paidOrder(80_000, at(addDays(from, 2), 21));
    await payment('APPROVED', at(addDays(from, 4), 12));
    await payment('DECLINED', at(addDays(from, 4), 13));
  }

  before(async () => {
    shop = await openJourney();
    console_ = await openConsoleBrowser({ app: shop.app, baseUrl: shop.baseUrl, seller: shop.seller });
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    await seed();
  });

  after(async () => {
    await console_?.close();
    await shop?.close();
  });

  test('by default the last 7 Seoul days, each a bar slot', async () => {
    const page = await console_.newPage(PHONE);
    await console_.signIn(page, 'admin');
    await timeRender(page, `${shop.baseUrl}/console/admin/kpi`, 'KPI charts (phone)', () =>
      chart(page, '일별 주문 수').waitFor(),
    );
    const today = seoulDayOf(new Date());
    assert.equal(await page.getByLabel('시작일').inputValue(), addDays(today, -6));
    assert.equal(await page.getByLabel('종료일').inputValue(), today);
    const days = chart(page, '일별 주문 수').locator('g.kpi-day');
    assert.equal(await days.count(), 7);
    assert.equal(await days.last().getAttribute('data-day'), today);
    await page.context().close();
  });

  test('after a rollup, each chart has one bar per day and reads the values the API reports', async () => {
    const admin = console_.accounts.admin;
    const started = await shop.call('/admin/kpis/rollups', admin, { body: { from, to } });
    assert.equal(started.status, 202, JSON.stringify(started.body));
    const daily = await eventually(
      async () => {
        const report = await shop.call(`/admin/kpis?from=${from}&to=${to}`, admin);
        const days = report.body.daily as Day[];
        return days[4]?.paymentSuccessRate.value !== null && days.every((d) => d.day) ? days : undefined;
      },
      { what: 'the backfill rolled up', timeoutMs: 60_000 },
    );
    // The aggregates are kept; the bare orders (no items) go, so the admin order list never sees them.
    const marks = seededOrders.map(() => '?').join(', ');
    for (const table of ['order_history WHERE order_id', 'orders WHERE id'])
      await shop.app.dataSource.query(`DELETE FROM ${table} IN (${marks})`, seededOrders);
    assert.deepEqual(
      daily.map((d) => [d.ordersPaid, d.conversionRate.value]),
      [
        [1, 0.05],
        [0, null],
        [2, 0.2],
        [0, null],
        [0, null],
        [0, null],
        [0, null],
      ],
    );

    const page = await console_.newPage(DESKTOP);
    await console_.signIn(page, 'admin');
    await page.goto(`${shop.baseUrl}/console/admin/kpi`);
    await page.getByLabel('시작일').fill(from);
    await page.getByLabel('종료일').fill(to);
    const answered = page.waitForResponse((r) => r.url().includes(`/admin/kpis?from=${from}`));
    await page.getByRole('button', { name: '조회' }).click();
    assert.equal((await answered).status(), 200);
    await page.getByText(`${from} ~ ${to}`).waitFor();

    const conversion = chart(page, '일별 구매 전환율');
    assert.equal(await conversion.locator('g.kpi-day').count(), 7, 'one slot per day');
    assert.deepEqual(await barLabels(conversion), ['5.0%', '—', '20.0%', '—', '—', '—', '—']);
    assert.deepEqual(
      await barLabels(chart(page, '일별 주문 수')),
      daily.map((d) => String(d.ordersPaid)),
    );
    assert.deepEqual(await barLabels(chart(page, '일별 결제 성공률')), [
      '—',
      '—',
      '—',
      '—',
      '50.0%',
      '—',
      '—',
    ]);
    assert.equal(
      (await barLabels(chart(page, '일별 평균 주문 금액')))[2],
      '6.0만',
      '120,000원 over 2 orders',
    );
    // Screen readers get the same values from the chart's table.
    const table = conversion.getByRole('table');
    assert.equal(await table.getByRole('row').count(), 8, 'a header and one row per day');
    assert.equal(
      await table
        .getByRole('row', { name: new RegExp(addDays(from, 2)) })
        .getByRole('cell')
        .innerText(),
      '20.0%',
    );
    assert.equal(await conversion.locator('.kpi-target').count(), 1, 'the 3 % target drawn as a line');
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'console-admin-kpis.png'), fullPage: true });
    // The same charts on a phone: one under the other.
    await page.setViewportSize(PHONE);
    await chart(page, '일별 주문 수').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'console-admin-kpis-phone.png'), fullPage: true });
    await page.context().close();
  });
});
