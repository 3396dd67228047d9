import type { OrderCommand, OrderStatus } from './order-status';

/**
 * One status change of an order (sellerId null) or of one seller's part, as the timeline shows it.
 * Written in the same transaction as the change itself; ids are given by the repository.
 */
export interface OrderHistoryEntry {
  orderId: string;
  sellerId: string | null;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus;
  command: OrderCommand | 'PLACE';
  actorId: string | null;
  reason: string | null;
  at: Date;
}
