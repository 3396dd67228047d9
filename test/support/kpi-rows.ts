import { sqlTime } from '../../persistence/inventory/sql';
import { uuidv7 } from '../../platform/ids';
import type { BackDatedRows } from './retention-rows';

/**
 * A card order of `total` won paid at `paidAt`: its row (in `status`, PAID unless it moved on) and
 * the history entry (seq 1) that the KPI rollup counts as the payment. Returns the order id.
 */
export async function insertPaidOrder(
  rows: BackDatedRows,
  order: { total: number; paidAt: Date; userId?: string; status?: string },
): Promise<string> {
  const orderId = uuidv7();
  await rows.insert(
    'orders',
    {
      id: orderId,
      order_number: `K${orderId.replace(/-/g, '').slice(-12)}`,
      user_id: order.userId ?? uuidv7(),
      status: order.status ?? 'PAID',
      total_amount: order.total,
      points_amount: 0,
      payable_amount: order.total,
      payment_method: 'CARD',
    },
    order.paidAt,
  );
  await rows.insert(
    'order_history',
    {
      id: uuidv7(),
      order_id: orderId,
      seq: 1,
      from_status: 'PENDING_PAYMENT',
      to_status: 'PAID',
      command: 'TEST',
      at: sqlTime(order.paidAt),
    },
    order.paidAt,
  );
  return orderId;
}
