import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createKpiActivities } from '../../activities/kpi/kpi.activities';
import { addDays, seoulDayOf } from '../../domain/kpi/seoul-day';
import { TypeOrmKpiStore } from '../../persistence/kpi/typeorm-kpi.store';
import { sqlTime } from '../../persistence/inventory/sql';
import { AesGcmPiiCipher } from '../../platform/crypto/aes-gcm-pii-cipher';
import { uuidv7 } from '../../platform/ids';
import { createLogger } from '../../platform/observability/logger';
import { until } from '../support/eventually';
import { createAdmin, signUpConsumer, signUpSeller, type TestAccount } from '../support/identity';
import { createProduct } from '../support/ordering';
import { insertPaidOrder } from '../support/kpi-rows';
import { BackDatedRows } from '../support/retention-rows';
import { createTestApp, type TestApp } from '../support/test-app';

interface Figure {
  value: number | null;
  target: number | null;
  met: boolean | null;
  numerator: number;
  denominator: number;
}
interface Report {
  from: string;
  to: string;
  conversionRate: Figure;
  averageOrderValue: Figure;
  repurchaseRate: Figure;
  paymentSuccessRate: Figure & { byPg: (Figure & { provider: string })[] };
  cancellationRate: Figure;
  returnRate: Figure;
  daily: Day[];
}
type DayFigure =
  'conversionRate' | 'averageOrderValue' | 'paymentSuccessRate' | 'cancellationRate' | 'returnRate';
type Day = Record<DayFigure, Figure> & { day: string; visitors: number; ordersPaid: number; revenue: number };

/**
 * GET /admin/kpis over back-dated rows of a day long past (so other suites' orders of today never
 * mix in), rolled up by the rollup's activities; product-page views recorded from HTTP.
 */
describe('KPIs for admins (docs/kpis.md)', () => {
  let app: TestApp;
  let admin: TestAccount;
  let consumer: TestAccount;
  let rows: BackDatedRows;
  const seededOrders: string[] = [];
  // A day of its own for this run: the figures below are computed by hand for exactly its rows.
  const day = addDays('2015-01-01', Math.floor(Math.random() * 3000));
  const [dayBefore, dayAfter] = [addDays(day, -1), addDays(day, 1)];
  const utc = (d: string, time: string) => new Date(`${d}T${time}Z`);

  const kpis = async (query: string, auth = admin.auth) =>
    app.request(`/api/v1/admin/kpis${query}`, { headers: auth });
  const report = async (query: string): Promise<Report> => {
    const response = await kpis(query);
    assert.equal(response.status, 200, await response.clone().text());
    return (await response.json()) as Report;
  };

  /** A paid order: placed and PAID at `paidAt`, with more history entries after it. */
  async function paidOrder(
    userId: string,
    total: number,
    paidAt: Date,
    later: { to: string; from: string; at: Date }[] = [],
  ): Promise<string> {
    const orderId = await insertPaidOrder(rows, { userId, total, paidAt, status: later.at(-1)?.to });
    seededOrders.push(orderId);
    const history = [{ to: 'PENDING_PAYMENT', from: null as string | null, at: paidAt }, ...later];
    for (const [i, entry] of history.entries())
      await rows.insert(
        'order_history',
        {
          id: uuidv7(),
          order_id: orderId,
          seq: i === 0 ? 0 : i + 1,
          from_status: entry.from,
          to_status: entry.to,
          command: 'TEST',
          at: sqlTime(entry.at),
        },
        entry.at,
      );
    return orderId;
  }

  async function payment(provider: string | null, status: string, at: Date) {
    await rows.insert(
      'payments',
      {
        id: uuidv7(),
        order_id: uuidv7(),
        attempt: 1,
        user_id: uuidv7(),
        provider,
        method: provider ? 'CARD' : 'POINTS',
        status,
        total_amount: 10_000,
        points_amount: provider ? 0 : 10_000,
        pg_amount: provider ? 10_000 : 0,
        cancelled_amount: 0,
        created_at: sqlTime(at),
      },
      at,
    );
  }

  before(async () => {
    app = await createTestApp();
    rows = new BackDatedRows(app.dataSource);
    admin = await createAdmin(app);
    consumer = await signUpConsumer(app);
    const [buyerA, buyerB, buyerC] = [uuidv7(), uuidv7(), uuidv7()];
    // 40 visitors that day.
    for (let i = 0; i < 40; i += 1)
      await rows.insert('product_view_sessions', { day, session_hash: `${i}`.padStart(64, 'f') }, new Date());
    // Buyer A: two orders on the day (10:00 and 20:00 in Seoul); the first one returned the same day.
    await paidOrder(buyerA, 30_000, utc(day, '01:00:00'), [
      { from: 'DELIVERED', to: 'RETURNED', at: utc(day, '09:00:00') },
    ]);
    await paidOrder(buyerA, 50_000, utc(day, '11:00:00'));
    // Buyer B: paid at 23:30 UTC the day before, which is 08:30 on the day in Seoul; cancelled on the day.
    await paidOrder(buyerB, 40_000, utc(dayBefore, '23:30:00'), [
      { from: 'PAID', to: 'CANCELLED', at: utc(day, '02:00:00') },
    ]);
    // Buyer B again at 15:00 UTC on the day: 00:00 of the next day in Seoul.
    await paidOrder(buyerB, 99_000, utc(day, '15:00:00'));
    // Buyer C at 14:59 UTC the day before: still the day before in Seoul.
    await paidOrder(buyerC, 10_000, utc(dayBefore, '14:59:59'));
    // An unpaid order expiring on the day is no cancellation of a paid order.
    const expired = uuidv7();
    await rows.insert(
      'order_history',
      {
        id: uuidv7(),
        order_id: expired,
        seq: 1,
        from_status: 'PENDING_PAYMENT',
        to_status: 'CANCELLED',
        command: 'EXPIRE',
        at: sqlTime(utc(day, '03:00:00')),
      },
      new Date(),
    );
    // PG attempts started on the day: Toss 3 of 4 approved, NicePay 1 of 2 decided (one pending).
    const at = utc(day, '05:00:00');
    for (const status of ['APPROVED', 'APPROVED', 'CANCELLED', 'DECLINED']) await payment('TOSS', status, at);
    for (const status of ['APPROVED', 'FAILED', 'PENDING']) await payment('NICEPAY', status, at);
    await payment(null, 'APPROVED', at); // points only: no PG involved

    const activities = createKpiActivities({
      store: new TypeOrmKpiStore(app.dataSource),
      now: () => new Date(),
      logger: createLogger({ level: 'silent' }),
    });
    const days = await activities.kpiRollupDays({ from: dayBefore, to: dayAfter });
    assert.deepEqual(days, [dayBefore, day, dayAfter]);
    for (const rolled of days) await activities.rollupKpiDay({ day: rolled });
    // A second run rewrites the same figures.
    await activities.rollupKpiDay({ day });
    // The aggregates are kept; the bare orders (no items) go, so other suites' order lists never see them.
    const marks = seededOrders.map(() => '?').join(', ');
    for (const table of ['order_history WHERE order_id', 'orders WHERE id'])
      await app.dataSource.query(`DELETE FROM ${table} IN (${marks})`, seededOrders);
  });

  after(async () => {
    await app?.close();
  });

  test("a day's KPIs beside their targets, with their inputs", async () => {
    const kpi = await report(`?from=${day}&to=${day}`);
    assert.equal(kpi.from, day);
    assert.deepEqual(kpi.conversionRate, {
      value: 0.05,
      target: 0.03,
      met: true,
      numerator: 2,
      denominator: 40,
    });
    assert.deepEqual(kpi.averageOrderValue, {
      value: 40_000,
      target: 50_000,
      met: false,
      numerator: 120_000,
      denominator: 3,
    });
    assert.deepEqual(kpi.repurchaseRate, {
      value: 0.5,
      target: 0.3,
      met: true,
      numerator: 1,
      denominator: 2,
    });
    const { byPg, ...overall } = kpi.paymentSuccessRate;
    assert.deepEqual(overall, { value: 0.6667, target: 0.95, met: false, numerator: 4, denominator: 6 });
    assert.deepEqual(byPg, [
      { provider: 'NICEPAY', value: 0.5, target: 0.95, met: false, numerator: 1, denominator: 2 },
      { provider: 'TOSS', value: 0.75, target: 0.95, met: false, numerator: 3, denominator: 4 },
    ]);
    assert.deepEqual(kpi.cancellationRate, {
      value: 0.3333,
      target: null,
      met: null,
      numerator: 1,
      denominator: 3,
    });
    assert.deepEqual(kpi.returnRate, {
      value: 0.3333,
      target: null,
      met: null,
      numerator: 1,
      denominator: 3,
    });
  });

  test('Seoul days: 23:30 UTC is the next day, 15:00 UTC starts one; a range counts distinct repeat buyers', async () => {
    const before = await report(`?from=${dayBefore}&to=${dayBefore}`);
    assert.equal(before.averageOrderValue.numerator, 10_000, 'only the order at 14:59 UTC');
    const next = await report(`?from=${dayAfter}&to=${dayAfter}`);
    assert.equal(next.averageOrderValue.numerator, 99_000, 'the order at 15:00 UTC');
    assert.equal(next.conversionRate.value, null, 'no visitors recorded: nothing to measure');
    const range = await report(`?from=${day}&to=${dayAfter}`);
    // A and B each paid twice within the range (B across the two days).
    assert.deepEqual(
      [range.repurchaseRate.numerator, range.repurchaseRate.denominator, range.repurchaseRate.value],
      [2, 2, 1],
    );
    // Buyer-days over visitor-days: B counts on each day B paid.
    assert.deepEqual([range.conversionRate.numerator, range.conversionRate.denominator], [3, 40]);
    assert.equal(range.averageOrderValue.denominator, 4);
  });

  test('a daily series: one entry per Seoul day, oldest first, each with its own figures', async () => {
    const kpi = await report(`?from=${dayBefore}&to=${day}`);
    // dayBefore: only buyer C's order (14:59:59 UTC); no visitors, no PG attempts recorded.
    // day: A's two orders and B's paid at 23:30 UTC the day before; 40 visitors, 2 buyers.
    assert.deepEqual(
      kpi.daily.map((d) => [d.day, d.visitors, d.ordersPaid, d.revenue]),
      [
        [dayBefore, 0, 1, 10_000],
        [day, 40, 3, 120_000],
      ],
    );
    const names: DayFigure[] = [
      'conversionRate',
      'averageOrderValue',
      'paymentSuccessRate',
      'cancellationRate',
      'returnRate',
    ];
    const figures = (d: Day) => names.map((name) => d[name]);
    assert.deepEqual(
      kpi.daily.map((d) => figures(d).map((f) => f.value)),
      [
        [null, 10_000, null, 0, 0],
        [0.05, 40_000, 0.6667, 0.3333, 0.3333],
      ],
    );
    assert.deepEqual(
      kpi.daily.map((d) => figures(d).map((f) => `${f.numerator}/${f.denominator} ${f.target} ${f.met}`)),
      [
        ['1/0 0.03 null', '10000/1 50000 false', '0/0 0.95 null', '0/1 null null', '0/1 null null'],
        ['2/40 0.03 true', '120000/3 50000 false', '4/6 0.95 false', '1/3 null null', '1/3 null null'],
      ],
    );
    assert.ok(!('repurchaseRate' in (kpi.daily[0] ?? {})), 'repurchase is a range figure only');

    // A day never rolled up still has its entry, with zeros and null rates.
    const earlier = addDays(dayBefore, -1);
    const wider = await report(`?from=${earlier}&to=${dayAfter}`);
    assert.deepEqual(
      wider.daily.map((d) => [d.day, d.ordersPaid, d.revenue, d.conversionRate.value]),
      [
        [earlier, 0, 0, null],
        [dayBefore, 1, 10_000, null],
        [day, 3, 120_000, 0.05],
        [dayAfter, 1, 99_000, null],
      ],
    );
  });

  test('the default range is the last 7 days up to today in Seoul', async () => {
    const today = seoulDayOf(new Date());
    const kpi = await report('');
    assert.deepEqual([kpi.from, kpi.to], [addDays(today, -6), today]);
  });

  test('bad ranges are 400 problems naming the field; only admins may read', async () => {
    const cases: [string, string][] = [
      [`?from=${dayAfter}&to=${day}`, 'from'],
      ['?from=2025-02-30', 'from'],
      ['?to=20250101', 'to'],
      ['?from=2024-01-01&to=2025-01-01', 'to'],
    ];
    for (const [query, field] of cases) {
      const response = await kpis(query);
      assert.equal(response.status, 400, query);
      assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/);
      const problem = (await response.json()) as { code: string; errors?: { field: string }[] };
      assert.equal(problem.code, 'VALIDATION_FAILED', query);
      assert.ok(
        problem.errors?.some((e) => e.field.endsWith(field)),
        `${query} names ${field}: ${JSON.stringify(problem.errors)}`,
      );
    }
    const unknown = await kpis('?from=2024-01-01&until=2024-01-02');
    assert.equal(unknown.status, 400);
    assert.match(JSON.stringify(await unknown.json()), /until/);
    assert.equal((await kpis('?from=2024-01-01&to=2024-12-31')).status, 200, '366 days is allowed');
    assert.equal((await kpis('', consumer.auth)).status, 403);
    assert.equal((await kpis('', {})).status, 401);
  });

  test('product pages record anonymous view sessions: a keyed hash per Seoul day, cookie or app header', async () => {
    const seller = await signUpSeller(app);
    const product = await createProduct(app, seller, { price: 12_000, stocks: [3] });
    const cipher = new AesGcmPiiCipher(app.identity.piiKeys, app.identity.piiHashKey);
    const stored = async (sessionId: string) => {
      const today = seoulDayOf(new Date());
      const hash = cipher.lookupHash(`view-session:${today}:${sessionId}`);
      const [row] = (await app.dataSource.query(
        'SELECT COUNT(*) AS n FROM product_view_sessions WHERE day = ? AND session_hash = ?',
        [today, hash],
      )) as { n: unknown }[];
      return Number(row?.n);
    };
    const rawIdStored = async (sessionId: string) =>
      Number(
        (
          (await app.dataSource.query(
            'SELECT COUNT(*) AS n FROM product_view_sessions WHERE session_hash = ?',
            [sessionId],
          )) as { n: unknown }[]
        )[0]?.n,
      );

    const first = await app.request(`/api/v1/products/${product.id}`);
    assert.equal(first.status, 200);
    const cookie = first.headers.get('set-cookie') ?? '';
    const sessionId = /jt_vs=([A-Za-z0-9_-]+)/.exec(cookie)?.[1];
    assert.ok(sessionId, cookie);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    await until(
      () => stored(sessionId),
      (n) => n === 1,
      { what: 'the cookie session stored' },
    );
    assert.equal(await rawIdStored(sessionId), 0, 'the session id itself is never stored');

    // The browser sends its cookie back: no new cookie, still one row.
    const again = await app.request(`/api/v1/products/${product.id}`, {
      headers: { cookie: `jt_vs=${sessionId}` },
    });
    assert.equal(again.status, 200);
    assert.equal(again.headers.get('set-cookie'), null);

    // An app keeps its own id in X-View-Session.
    const appSession = `app-${uuidv7()}`;
    const fromApp = await app.request(`/api/v1/products/${product.id}`, {
      headers: { 'x-view-session': appSession },
    });
    assert.equal(fromApp.status, 200);
    assert.equal(fromApp.headers.get('set-cookie'), null);
    await until(
      () => stored(appSession),
      (n) => n === 1,
      { what: 'the app session stored' },
    );
    assert.equal(await stored(sessionId), 1);

    // A missing product is no view.
    const missing = await app.request(`/api/v1/products/${uuidv7()}`, {
      headers: { 'x-view-session': `gone-${uuidv7()}` },
    });
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get('set-cookie'), null);
  });
});
