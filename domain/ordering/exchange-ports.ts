import type { ExchangeRecord, ExchangeStatus, NewExchange } from './exchange';

/** Where exchange requests are kept (persistence/ordering/typeorm-exchange.store.ts). */
export interface ExchangeStore {
  /** Stores the request once (a retried activity finds it). */
  open(exchange: NewExchange): Promise<void>;
  decide(
    id: string,
    decision: {
      status: 'APPROVED' | 'REJECTED';
      decidedBy: string;
      decidedAt: Date;
      decisionReason: string | null;
    },
  ): Promise<void>;
  shipped(id: string, parcel: { courier: string; invoiceNumber: string; at: Date }): Promise<void>;
  delivered(id: string, at: Date): Promise<void>;
  find(id: string): Promise<ExchangeRecord | null>;
  exchangesOf(orderId: string): Promise<ExchangeRecord[]>;
  /** The seller's exchanges, newest request first; the cursor is the last id of the previous page. */
  exchangesOfSeller(
    sellerId: string,
    page: { status?: ExchangeStatus; cursor?: string; limit: number },
  ): Promise<{ items: ExchangeRecord[]; nextCursor: string | null }>;
  /** The replacement parcel's tracking status per exchange id (absent: no parcel yet). */
  trackingOf(exchangeIds: string[]): Promise<Map<string, string>>;
}
