import { ApplicationFailure } from '@temporalio/activity';
import type { OrderCommand, PartStatus } from '../../domain/ordering/order-status';
import { DomainError } from '../../domain/shared/domain-error';
import type { ReservationLine } from '../../domain/inventory/reservation';
import type { TransitionRequest, TransitionResult } from '../../application/ordering/record-transition';
import type { ReturnDecisionRecord } from '../../domain/ordering/after-sale';
import type { ReturnReasonCode } from '../../domain/ordering/refund-rules';
import type {
  AfterSaleStore,
  OrderLifecycles,
  OrderRepository,
  StockReservations,
} from '../../domain/ordering/ports';
import type { Logger } from '../../platform/observability/logger';
import { createExchangeActivities, type ExchangeActivityDeps } from './exchange.activities';

/** An order older than this without its workflow was stored by a process that died before starting it. */
export const SWEEP_GRACE_MS = 60_000;

export interface OrderingActivityDeps {
  recordTransition(orderId: string, request: TransitionRequest): Promise<TransitionResult>;
  /** The placement sweep: orders awaiting payment and the workflows that should be running for them. */
  awaitingPaymentBefore: OrderRepository['awaitingPaymentBefore'];
  lifecycles: OrderLifecycles;
  now: () => Date;
  inventory: Pick<StockReservations, 'commit' | 'release' | 'restock'>;
  afterSale: Pick<AfterSaleStore, 'openReturn' | 'decideReturn'>;
  logger: Logger;
  exchanges: ExchangeActivityDeps;
}

export interface OrderStepInput {
  orderId: string;
  command: OrderCommand;
  sellerId?: string;
  actorId?: string | null;
  reason?: string | null;
  /** ISO-8601 workflow time of the step (the history shows when it happened, not when it was retried). */
  at: string;
  /** One per business step (`paid`, `ship:<sellerId>` …): a retried activity records nothing twice. */
  transitionKey: string;
}

/** A refusal of the state machine cannot be fixed by retrying. */
function final(error: unknown): never {
  if (error instanceof DomainError)
    throw ApplicationFailure.nonRetryable(error.message, error.code, error.details ?? {});
  throw error;
}

/** OrderLifecycle's own steps: statuses through the state machine, stock, return records. */
export function createOrderingActivities(deps: OrderingActivityDeps) {
  return {
    ...createExchangeActivities(deps.exchanges),
    async recordOrderStep(input: OrderStepInput): Promise<{
      status: string;
      parts: Array<{ sellerId: string; status: PartStatus }>;
      repeated: boolean;
    }> {
      const result = await deps
        .recordTransition(input.orderId, {
          command: input.command,
          sellerId: input.sellerId,
          actorId: input.actorId ?? null,
          reason: input.reason ?? null,
          at: new Date(input.at),
          transitionKey: input.transitionKey,
        })
        .catch(final);
      return {
        status: result.order.status,
        parts: result.order.parts.map((p) => ({ sellerId: p.sellerId, status: p.status })),
        repeated: result.repeated,
      };
    },

    /** Payment completed: the reserved units leave the shelf. */
    async commitStock(input: { orderId: string }): Promise<void> {
      await deps.inventory.commit(input.orderId).catch(final);
    },

    /** Compensation of the placement's reservation: nothing held → nothing to do. */
    async releaseStock(input: { orderId: string }): Promise<void> {
      await deps.inventory.release(input.orderId).catch(final);
    },

    /** Compensation of commitStock (cancel after payment, approved return), keyed by `restockId`. */
    async restockLines(input: { restockId: string; lines: ReservationLine[] }): Promise<void> {
      if (input.lines.length === 0) return;
      await deps.inventory.restock(input.restockId, input.lines).catch(final);
    },

    async openReturn(input: {
      returnId: string;
      orderId: string;
      sellerId: string;
      reason: string;
      /** Absent in workflows started before reason codes. */
      reasonCode?: ReturnReasonCode;
      returnedLineIds?: string[] | null;
      requestedBy: string;
      at: string;
    }): Promise<void> {
      await deps.afterSale.openReturn({
        id: input.returnId,
        orderId: input.orderId,
        sellerId: input.sellerId,
        reason: input.reason,
        reasonCode: input.reasonCode ?? null,
        returnedLineIds: input.returnedLineIds ?? null,
        requestedBy: input.requestedBy,
        requestedAt: new Date(input.at),
      });
    },

    /**
     * Starts OrderLifecycle for orders whose placing process died between storing the order and
     * starting its workflow (the 30-minute cancel then still releases their stock). Starting is
     * idempotent by workflow id, so a race with a late replay of POST /orders is harmless.
     */
    async startMissingLifecycles(): Promise<{ checked: number; started: string[] }> {
      const pending = await deps.awaitingPaymentBefore(new Date(deps.now().getTime() - SWEEP_GRACE_MS), 500);
      const started: string[] = [];
      for (const order of pending) {
        if (await deps.lifecycles.exists(order.id)) continue;
        await deps.lifecycles.start(order);
        started.push(order.id);
      }
      if (started.length > 0)
        deps.logger.warn({ orders: started }, 'started workflows of orders left without one');
      return { checked: pending.length, started };
    },

    async decideReturn(
      input: { returnId: string } & Omit<ReturnDecisionRecord, 'decidedAt'> & { at: string },
    ): Promise<void> {
      const { returnId, at, ...decision } = input;
      await deps.afterSale.decideReturn(returnId, { ...decision, decidedAt: new Date(at) });
    },
  };
}

export type OrderingActivities = ReturnType<typeof createOrderingActivities>;
