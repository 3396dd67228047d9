import type { DataSource } from 'typeorm';
import type { BuyerDay, DailyKpis, PgDailyPayments } from '../../domain/kpi/kpi';
import type { KpiReadModel, KpiStore } from '../../domain/kpi/ports';
import { seoulDaySpan, type SeoulDay } from '../../domain/kpi/seoul-day';
import { execute, placeholders, select, sqlTime } from '../inventory/sql';
import { primaryReads, type ReadRoute } from '../read-replicas';

/** A PG attempt that got the PG's approval, whatever happened to the money afterwards. */
const APPROVED = "'APPROVED', 'PARTIALLY_CANCELLED', 'CANCELLED'";
/** Still waiting for the PG (or the buyer's deposit): not counted until decided. */
const UNDECIDED = "'PENDING', 'AWAITING_DEPOSIT'";
const INSERT_CHUNK = 500;

const int = (value: unknown): number => Number(value ?? 0);

/**
 * The KPI aggregates on MariaDB or SQLite (docs/kpis.md). A day's computation reads only the rows
 * of that day's span through the time indexes of migration 1732540000002; the report reads the
 * aggregates only, through `reads` (a replica may answer: the figures are at most minutes old anyway).
 */
export class TypeOrmKpiStore implements KpiStore, KpiReadModel {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: ReadRoute = primaryReads(dataSource),
  ) {}

  async computeDay(day: SeoulDay): Promise<{ kpis: DailyKpis; buyers: BuyerDay[] }> {
    const { start, end } = seoulDaySpan(day);
    const [from, to] = [sqlTime(start), sqlTime(end)];
    const manager = this.dataSource.manager;
    const [visitors] = await select<{ n: unknown }>(
      manager,
      'SELECT COUNT(*) AS n FROM product_view_sessions WHERE day = ?',
      [day],
    );
    // An order counts on the day of its first PAID entry (one per part of a multi-seller order).
    const paid = await select<{ userId: string; total: unknown }>(
      manager,
      `SELECT o.user_id AS userId, o.total_amount AS total FROM orders o
        WHERE o.id IN (
          SELECT h.order_id FROM order_history h
           WHERE h.to_status = 'PAID' AND h.at >= ? AND h.at < ?
             AND NOT EXISTS (SELECT 1 FROM order_history e
                              WHERE e.order_id = h.order_id AND e.to_status = 'PAID' AND e.at < ?))`,
      [from, to, from],
    );
    const [cancellations] = await select<{ n: unknown }>(
      manager,
      `SELECT COUNT(DISTINCT order_id) AS n FROM order_history
        WHERE to_status = 'CANCELLED' AND from_status IN ('PAID', 'PREPARING') AND at >= ? AND at < ?`,
      [from, to],
    );
    const [returns] = await select<{ n: unknown }>(
      manager,
      "SELECT COUNT(DISTINCT order_id) AS n FROM order_history WHERE to_status = 'RETURNED' AND at >= ? AND at < ?",
      [from, to],
    );
    const payments = await select<{ provider: string; attempts: unknown; succeeded: unknown }>(
      manager,
      `SELECT provider, COUNT(*) AS attempts, SUM(CASE WHEN status IN (${APPROVED}) THEN 1 ELSE 0 END) AS succeeded
         FROM payments
        WHERE created_at >= ? AND created_at < ? AND provider IS NOT NULL AND status NOT IN (${UNDECIDED})
        GROUP BY provider`,
      [from, to],
    );
    const perBuyer = new Map<string, number>();
    for (const order of paid) perBuyer.set(order.userId, (perBuyer.get(order.userId) ?? 0) + 1);
    return {
      kpis: {
        day,
        visitors: int(visitors?.n),
        ordersPaid: paid.length,
        buyers: perBuyer.size,
        revenue: paid.reduce((sum, order) => sum + int(order.total), 0),
        cancellations: int(cancellations?.n),
        returns: int(returns?.n),
        payments: payments.map((row) => ({
          provider: row.provider,
          attempts: int(row.attempts),
          succeeded: int(row.succeeded),
        })),
      },
      buyers: [...perBuyer].map(([userId, paidOrders]) => ({ userId, paidOrders })),
    };
  }

  async saveDay(kpis: DailyKpis, buyers: readonly BuyerDay[], refreshedAt: Date): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      for (const table of ['kpi_daily', 'kpi_daily_payments', 'kpi_daily_buyers'])
        await execute(manager, `DELETE FROM ${table} WHERE day = ?`, [kpis.day]);
      await execute(
        manager,
        `INSERT INTO kpi_daily (day, visitors, orders_paid, buyers, revenue, cancellations, returns, refreshed_at)
         VALUES (${placeholders(8)})`,
        [
          kpis.day,
          kpis.visitors,
          kpis.ordersPaid,
          kpis.buyers,
          kpis.revenue,
          kpis.cancellations,
          kpis.returns,
          sqlTime(refreshedAt),
        ],
      );
      for (const pg of kpis.payments)
        await execute(
          manager,
          'INSERT INTO kpi_daily_payments (day, provider, attempts, succeeded) VALUES (?, ?, ?, ?)',
          [kpis.day, pg.provider, pg.attempts, pg.succeeded],
        );
      for (let i = 0; i < buyers.length; i += INSERT_CHUNK) {
        const chunk = buyers.slice(i, i + INSERT_CHUNK);
        await execute(
          manager,
          `INSERT INTO kpi_daily_buyers (day, user_id, paid_orders) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}`,
          chunk.flatMap((buyer) => [kpis.day, buyer.userId, buyer.paidOrders]),
        );
      }
    });
  }

  async pruneViewSessionsBefore(day: SeoulDay): Promise<number> {
    return execute(this.dataSource.manager, 'DELETE FROM product_view_sessions WHERE day < ?', [day]);
  }

  days(from: SeoulDay, to: SeoulDay): Promise<DailyKpis[]> {
    return this.reads.read(async (db) => {
      const rows = await select<Record<string, unknown>>(
        db.manager,
        `SELECT day, visitors, orders_paid AS ordersPaid, buyers, revenue, cancellations, returns
           FROM kpi_daily WHERE day >= ? AND day <= ? ORDER BY day`,
        [from, to],
      );
      const payments = await select<{ day: string } & Record<string, unknown>>(
        db.manager,
        'SELECT day, provider, attempts, succeeded FROM kpi_daily_payments WHERE day >= ? AND day <= ?',
        [from, to],
      );
      const byDay = new Map<string, PgDailyPayments[]>();
      for (const row of payments) {
        const list = byDay.get(row.day) ?? [];
        list.push({
          provider: String(row.provider),
          attempts: int(row.attempts),
          succeeded: int(row.succeeded),
        });
        byDay.set(row.day, list);
      }
      return rows.map((row) => ({
        day: String(row.day),
        visitors: int(row.visitors),
        ordersPaid: int(row.ordersPaid),
        buyers: int(row.buyers),
        revenue: int(row.revenue),
        cancellations: int(row.cancellations),
        returns: int(row.returns),
        payments: byDay.get(String(row.day)) ?? [],
      }));
    });
  }

  /** Bounded by the range's buyer-days (one row per buyer and day), never by the orders table. */
  buyers(from: SeoulDay, to: SeoulDay): Promise<{ buyers: number; repeatBuyers: number }> {
    return this.reads.read(async (db) => {
      const [row] = await select<{ buyers: unknown; repeatBuyers: unknown }>(
        db.manager,
        `SELECT COUNT(*) AS buyers, SUM(CASE WHEN paid >= 2 THEN 1 ELSE 0 END) AS repeatBuyers
           FROM (SELECT user_id, SUM(paid_orders) AS paid FROM kpi_daily_buyers
                  WHERE day >= ? AND day <= ? GROUP BY user_id) per_buyer`,
        [from, to],
      );
      return { buyers: int(row?.buyers), repeatBuyers: int(row?.repeatBuyers) };
    });
  }
}
