import { defineSignal } from '@temporalio/workflow';
import type { PaymentMethod, PgProvider, PgReturn } from '../../domain/payment';

/** Shared by the API and other contexts (which start and signal) and the workflow (which handles). */
export { PAYMENT_TASK_QUEUE } from '../shared/task-queues';
/** Attempt n of an order's payment: n starts at 1; an operator's retry of a dead letter is n + 1. */
export { paymentAttemptWorkflowId } from '../shared/workflow-ids';

/**
 * What an attempt needs: ids and amounts only (Temporal histories are readable in its UI). The
 * amounts come from the order as Jangteo stored it, never from the client; `pgReturn.amount` (what
 * the browser came back with) is only compared with them.
 */
export interface PaymentAttemptInput {
  orderId: string;
  attempt: number;
  userId: string;
  method: PaymentMethod;
  /** Absent when points pay the whole order. */
  provider?: PgProvider;
  totalAmount: number;
  pointsAmount: number;
  /** What the PG window handed back to the browser (Toss: paymentKey, amount). */
  pgReturn?: PgReturn;
  /** What the PG's checkout reserved server-side (KakaoPay tid, NaverPay reserveId), kept by ordering. */
  pgReference?: string;
  /** For the buyer's messages: the order number and a short name (`무선 키보드 외 2건`); no personal data. */
  orderNumber?: string;
  orderName?: string;
  /** The caller (OrderLifecycle) sends PAYMENT_COMPLETED itself, alongside its own steps. */
  receiptSentByCaller?: boolean;
  /** The order's generation (workflows/ordering/order-generation.ts): 2 starts the PG budget timer on demand. */
  generation?: number;
}

export type PaymentAttemptResult =
  | {
      status: 'PAID';
      paymentId: string;
      orderId: string;
      attempt: number;
      pointsAmount: number;
      pgAmount: number;
      pgTransactionId?: string;
      approvedAt: string;
      /** The approval was learnt from a look-up after an ambiguous answer. */
      recoveredByLookup: boolean;
    }
  | {
      status: 'DECLINED';
      paymentId?: string;
      orderId: string;
      attempt: number;
      code: string;
      message: string;
    };

/** A verified PG webhook changed this attempt's payment: stop waiting and look at the PG now. */
export const pgStatusChangedSignal = defineSignal<[{ pgStatus: string }]>('pgStatusChanged');
