import type { DataSource } from 'typeorm';
import {
  DIGEST_OLDEST_SHOWN,
  type SellerBacklog,
  type WaitingWork,
} from '../../domain/notification/seller-digest';

/**
 * What waits for sellers, read for the daily digest. Every query starts from a status and a seller
 * (ix_order_parts_status_seller, ix_order_returns_status_seller, migration 1732540000011), so
 * neither a seller's whole order history nor the orders table is scanned.
 */
export class TypeOrmSellerBacklog {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The next `limit` sellers (by id, after `after`) with something waiting, and the active ones
   * among them. Each branch stops after `limit` ids of its status; no users are scanned.
   */
  async sellersWithWork(
    after: string | null,
    limit: number,
  ): Promise<{ sellerIds: string[]; next: string | null }> {
    const from = after ?? '';
    const branch = (table: string, status: string) =>
      `SELECT seller_id FROM (SELECT DISTINCT seller_id FROM ${table} WHERE status = '${status}' AND seller_id > ? ORDER BY seller_id LIMIT ?) AS ${status.toLowerCase()}`;
    const rows = (await this.dataSource.query(
      `SELECT seller_id FROM (${branch('order_parts', 'PAID')} UNION ${branch('order_parts', 'PREPARING')}
       UNION ${branch('order_returns', 'REQUESTED')}) AS waiting ORDER BY seller_id LIMIT ?`,
      [from, limit, from, limit, from, limit, limit],
    )) as Array<{ seller_id: string }>;
    const ids = rows.map((row) => row.seller_id);
    if (ids.length === 0) return { sellerIds: [], next: null };
    const active = (await this.dataSource.query(
      `SELECT id FROM users WHERE id IN (${ids.map(() => '?').join(', ')}) AND role = 'SELLER' AND status = 'ACTIVE'`,
      ids,
    )) as Array<{ id: string }>;
    const activeIds = new Set(active.map((row) => row.id));
    return {
      sellerIds: ids.filter((id) => activeIds.has(id)),
      next: ids.length === limit ? ids[ids.length - 1]! : null,
    };
  }

  async backlogOf(sellerId: string): Promise<SellerBacklog> {
    const [toPrepare, toShip, returns] = [
      await this.parts(sellerId, 'PAID'),
      await this.parts(sellerId, 'PREPARING'),
      await this.returns(sellerId),
    ];
    return { sellerId, toPrepare, toShip, returns };
  }

  private async parts(sellerId: string, status: 'PAID' | 'PREPARING'): Promise<WaitingWork> {
    const [counted] = (await this.dataSource.query(
      'SELECT COUNT(*) AS n FROM order_parts WHERE status = ? AND seller_id = ?',
      [status, sellerId],
    )) as Array<{ n: number | string }>;
    const oldest = (await this.dataSource.query(
      `SELECT o.order_number FROM order_parts p JOIN orders o ON o.id = p.order_id
       WHERE p.status = ? AND p.seller_id = ? ORDER BY p.placed_at, p.id LIMIT ?`,
      [status, sellerId, DIGEST_OLDEST_SHOWN],
    )) as Array<{ order_number: string }>;
    return { count: Number(counted?.n ?? 0), oldest: oldest.map((row) => row.order_number) };
  }

  private async returns(sellerId: string): Promise<WaitingWork> {
    const [counted] = (await this.dataSource.query(
      "SELECT COUNT(*) AS n FROM order_returns WHERE status = 'REQUESTED' AND seller_id = ?",
      [sellerId],
    )) as Array<{ n: number | string }>;
    const oldest = (await this.dataSource.query(
      `SELECT o.order_number FROM order_returns r JOIN orders o ON o.id = r.order_id
       WHERE r.status = 'REQUESTED' AND r.seller_id = ? ORDER BY r.requested_at, r.id LIMIT ?`,
      [sellerId, DIGEST_OLDEST_SHOWN],
    )) as Array<{ order_number: string }>;
    return { count: Number(counted?.n ?? 0), oldest: oldest.map((row) => row.order_number) };
  }
}
