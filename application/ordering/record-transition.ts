import { applyOrderCommand, type Order, type OrderCommandRequest } from '../../domain/ordering/order';
import type { OrderHistoryEntry } from '../../domain/ordering/order-history';
import { orderNotFound } from '../../domain/ordering/ordering-errors';
import type { OrderRepository } from '../../domain/ordering/ports';
import { DomainError } from '../../domain/shared/domain-error';
import type { Transaction, UnitOfWork } from '../../domain/shared/unit-of-work';

export interface TransitionRequest extends OrderCommandRequest {
  /**
   * Makes the call idempotent: a workflow activity passes a key per business step (e.g.
   * `paid`, `ship:<sellerId>`); a retry with a key already recorded changes nothing.
   */
  transitionKey?: string;
}

export interface TransitionResult {
  order: Order;
  history: OrderHistoryEntry[];
  /** True when the transition key was already recorded (a retried activity). */
  repeated: boolean;
}

const MAX_ATTEMPTS = 5;

/**
 * Applies a command to a stored order through the state machine and writes the new statuses and
 * their history in one transaction (the caller's, when `tx` is given). Concurrent writers are
 * serialised by the order's version: the loser reads again and re-applies, a bounded number of
 * times. Refused commands throw ORDER_TRANSITION_NOT_ALLOWED and change nothing.
 */
export async function recordTransition(
  deps: {
    transactions: UnitOfWork;
    orders: Pick<OrderRepository, 'findById' | 'hasTransition' | 'saveTransition'>;
  },
  orderId: string,
  request: TransitionRequest,
  options: { tx?: Transaction } = {},
): Promise<TransitionResult> {
  const attempt = async (tx: Transaction): Promise<TransitionResult | null> => {
    const current = await deps.orders.findById(orderId, tx);
    if (!current) throw orderNotFound(orderId);
    const { version, ...order } = current;
    if (request.transitionKey && (await deps.orders.hasTransition(orderId, request.transitionKey, tx))) {
      return { order, history: [], repeated: true };
    }
    const next = applyOrderCommand(order, request);
    if (next.history.length === 0) return { order: next.order, history: [], repeated: false };
    const saved = await deps.orders.saveTransition(
      next.order,
      version,
      next.history,
      request.transitionKey ?? null,
      tx,
    );
    return saved ? { ...next, repeated: false } : null;
  };
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    const result = options.tx ? await attempt(options.tx) : await deps.transactions.run(attempt);
    if (result) return result;
    if (options.tx) break; // inside the caller's transaction a re-read would see the same snapshot
  }
  throw new DomainError('CONFLICT', `Order ${orderId} kept changing; try again`, { orderId });
}
