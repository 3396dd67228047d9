import type { DataSource } from 'typeorm';
import { uuidv7 } from '../../platform/ids';

const DAY = 86_400_000;

/** `years` calendar years before `now`, moved by `days` (positive: older). */
export function yearsAgo(now: Date, years: number, days = 0): Date {
  const at = new Date(now.getTime() - days * DAY);
  at.setUTCFullYear(at.getUTCFullYear() - years);
  return at;
}

export const daysAgo = (now: Date, days: number): Date => new Date(now.getTime() - days * DAY);

/**
 * Direct inserts with chosen dates, whatever columns other features add: each NOT NULL column
 * without a default that a row leaves out gets a neutral value of its type.
 */
export class BackDatedRows {
  private readonly required = new Map<string, { name: string; type: string }[]>();

  constructor(private readonly dataSource: DataSource) {}

  async insert(table: string, row: Record<string, unknown>, at: Date): Promise<void> {
    const full: Record<string, unknown> = { ...row };
    for (const column of await this.requiredColumns(table)) {
      if (column.name in full) continue;
      full[column.name] = /int|decimal/.test(column.type)
        ? 0
        : /date|time/.test(column.type)
          ? at
          : /tinyint|bool/.test(column.type)
            ? 0
            : column.name === 'id'
              ? uuidv7()
              : 'x';
    }
    const names = Object.keys(full);
    await this.dataSource.query(
      `INSERT INTO \`${table}\` (${names.map((n) => `\`${n}\``).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
      names.map((n) => full[n]),
    );
  }

  /** A 10,000-won card order row in `status`, placed and last changed at `at`. */
  async order(
    row: { id: string; orderNumber: string; userId: string; status: string },
    at: Date,
  ): Promise<void> {
    await this.insert(
      'orders',
      {
        id: row.id,
        order_number: row.orderNumber,
        user_id: row.userId,
        status: row.status,
        total_amount: 10_000,
        points_amount: 0,
        payable_amount: 10_000,
        payment_method: 'CARD',
        shipping_address: 'ciphertext',
        placed_at: at,
        payment_due_at: at,
        updated_at: at,
        version: 1,
      },
      at,
    );
  }

  async count(table: string): Promise<number> {
    const [row] = (await this.dataSource.query(`SELECT COUNT(*) AS n FROM \`${table}\``)) as { n: number }[];
    return Number(row?.n ?? 0);
  }

  private async requiredColumns(table: string): Promise<{ name: string; type: string }[]> {
    let columns = this.required.get(table);
    if (!columns) {
      const rows = (await this.dataSource.query(
        `SELECT COLUMN_NAME AS name, DATA_TYPE AS type FROM information_schema.COLUMNS
         WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND IS_NULLABLE = 'NO'
           AND COLUMN_DEFAULT IS NULL AND EXTRA NOT LIKE '%auto_increment%'`,
        [table],
      )) as { name: string; type: string }[];
      columns = rows;
      this.required.set(table, columns);
    }
    return columns;
  }
}

/** A finished order with a row in every table retention deletes with it, all dated `at`. */
export async function insertOrderWithEverything(
  rows: BackDatedRows,
  options: { at: Date; status?: string; settled?: boolean },
): Promise<string> {
  const { at } = options;
  const orderId = uuidv7();
  const sellerId = uuidv7();
  const userId = uuidv7();
  const status = options.status ?? 'PURCHASE_CONFIRMED';
  const settlementId = options.settled === false ? null : uuidv7();
  const shipmentId = uuidv7();
  const lineId = uuidv7();
  const orderNumber = `R${orderId.replace(/-/g, '').slice(-12)}`;
  await rows.order({ id: orderId, orderNumber, userId, status }, at);
  await rows.insert(
    'order_parts',
    { id: uuidv7(), order_id: orderId, seller_id: sellerId, status, subtotal: 10_000 },
    at,
  );
  await rows.insert(
    'order_lines',
    {
      id: lineId,
      order_id: orderId,
      seller_id: sellerId,
      unit_price: 10_000,
      quantity: 1,
      line_amount: 10_000,
    },
    at,
  );
  await rows.insert('order_history', { id: uuidv7(), order_id: orderId, seq: 0, to_status: status }, at);
  await rows.insert('order_checkouts', { id: uuidv7(), order_id: orderId }, at);
  await rows.insert(
    'order_returns',
    { id: uuidv7(), order_id: orderId, status: 'REJECTED', reason: '단순 변심' },
    at,
  );
  await rows.insert(
    'payments',
    {
      id: uuidv7(),
      order_id: orderId,
      attempt: 1,
      status: 'APPROVED',
      total_amount: 10_000,
      points_amount: 0,
      pg_amount: 10_000,
      cancelled_amount: 0,
    },
    at,
  );
  await rows.insert('payment_events', { id: uuidv7(), order_id: orderId, event_id: uuidv7(), stale: 0 }, at);
  await rows.insert('payment_refunds', { refund_id: uuidv7(), order_id: orderId, status: 'DONE' }, at);
  await rows.insert(
    'points_holds',
    { order_id: orderId, user_id: userId, status: 'CAPTURED', amount: 100, refunded: 0 },
    at,
  );
  await rows.insert(
    'points_ledger',
    {
      id: uuidv7(),
      user_id: userId,
      order_id: orderId,
      type: 'EARN',
      amount: 100,
      available_after: 100,
      held_after: 0,
    },
    at,
  );
  await rows.insert(
    'shipments',
    {
      id: shipmentId,
      order_id: orderId,
      seller_id: sellerId,
      status: 'DELIVERED',
      courier: 'CJ',
      invoice_number: '1234567890',
    },
    at,
  );
  await rows.insert(
    'shipment_events',
    { id: uuidv7(), shipment_id: shipmentId, status: 'DELIVERED', level: 6, source: 'POLL' },
    at,
  );
  await rows.insert(
    'payable_lines',
    {
      id: uuidv7(),
      order_line_id: lineId,
      order_id: orderId,
      seller_id: sellerId,
      quantity: 1,
      amount: 10_000,
      fee_rate_bps: 500,
      fee: 500,
      settlement_id: settlementId,
    },
    at,
  );
  await rows.insert(
    'settlement_adjustments',
    {
      id: uuidv7(),
      refund_id: uuidv7(),
      order_id: orderId,
      seller_id: sellerId,
      amount: 1_000,
      settlement_id: settlementId,
    },
    at,
  );
  return orderId;
}

/** A notification with one attempt and one provider report, created `at`. */
export async function insertNotificationWithLog(rows: BackDatedRows, at: Date): Promise<string> {
  const id = uuidv7();
  const attemptId = uuidv7();
  await rows.insert(
    'notifications',
    { id, dedupe_key: id, status: 'DELIVERED', variables: '{}', created_at: at, updated_at: at },
    at,
  );
  await rows.insert(
    'notification_attempts',
    { id: attemptId, notification_id: id, channel: 'ALIMTALK', status: 'DELIVERED', tries: 1 },
    at,
  );
  await rows.insert(
    'notification_events',
    { id: uuidv7(), event_id: uuidv7(), attempt_id: attemptId, status: 'DELIVERED' },
    at,
  );
  return id;
}
