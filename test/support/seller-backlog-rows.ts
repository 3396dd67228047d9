import type { DataSource } from 'typeorm';
import { uuidv7 } from '../../platform/ids';
import { BackDatedRows } from './retention-rows';

/** Orders waiting (or not) for a seller, inserted directly with chosen ages, for the daily digest. */
export class SellerBacklogRows {
  private readonly rows: BackDatedRows;
  constructor(private readonly dataSource: DataSource) {
    this.rows = new BackDatedRows(dataSource);
  }

  /** An order whose part for `sellerId` has `status`, placed `hoursAgo` hours ago; returns its number. */
  async part(sellerId: string, status: string, hoursAgo: number): Promise<string> {
    const { orderId, orderNumber } = await this.order(status, hoursAgo);
    const at = new Date(Date.now() - hoursAgo * 3_600_000);
    await this.rows.insert(
      'order_parts',
      { id: uuidv7(), order_id: orderId, seller_id: sellerId, status, subtotal: 10_000, placed_at: at },
      at,
    );
    return orderNumber;
  }

  /** A delivered part with a return request in `status`, requested `hoursAgo` hours ago. */
  async returnRequest(sellerId: string, status: string, hoursAgo: number): Promise<string> {
    const orderNumber = await this.part(
      sellerId,
      status === 'REQUESTED' ? 'RETURN_REQUESTED' : 'DELIVERED',
      hoursAgo + 48,
    );
    const [{ id: orderId }] = (await this.dataSource.query('SELECT id FROM orders WHERE order_number = ?', [
      orderNumber,
    ])) as [{ id: string }];
    const at = new Date(Date.now() - hoursAgo * 3_600_000);
    await this.rows.insert(
      'order_returns',
      {
        id: uuidv7(),
        order_id: orderId,
        seller_id: sellerId,
        status,
        reason: '사이즈가 맞지 않아요',
        requested_at: at,
      },
      at,
    );
    return orderNumber;
  }

  /** A user row of the given role and status (no personal data: the digest reads contacts by id). */
  async user(role: string, status = 'ACTIVE'): Promise<string> {
    const id = uuidv7();
    await this.rows.insert('users', { id, role, status }, new Date());
    return id;
  }

  private async order(status: string, hoursAgo: number) {
    const at = new Date(Date.now() - hoursAgo * 3_600_000);
    const orderId = uuidv7();
    const orderNumber = `JT${orderId.replace(/-/g, '').slice(-12).toUpperCase()}`;
    await this.rows.order({ id: orderId, orderNumber, userId: uuidv7(), status }, at);
    return { orderId, orderNumber };
  }
}
