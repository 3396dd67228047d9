import { ApplicationFailure, Context } from '@temporalio/activity';
import { parkDeadLetter } from '../../application/dead-letter/park-dead-letter';
import type { DeadLetter, DeadLetterRepository } from '../../domain/dead-letter/dead-letter';
import {
  confirmIdempotencyKey,
  refundIdempotencyKey,
  netCancelIdempotencyKey,
  paymentStatusFromPg,
  PaymentError,
  type CancelResult,
  type ConfirmResult,
  type LookupResult,
  type PaymentGateway,
  type PaymentMethod,
  type PaymentRecord,
  type PaymentRepository,
  type PgPayment,
  type PgProvider,
  type PgReturn,
  type PointsLedger,
  type RefundRecords,
} from '../../domain/payment';
import type { Logger } from '../../platform/observability/logger';
import { whileHeartbeating } from '../shared/heartbeat';

export interface PaymentActivityDeps {
  payments: PaymentRepository;
  points: PointsLedger;
  deadLetters: DeadLetterRepository;
  /** Each refund's state, shown on the order until the money is back. */
  refunds: RefundRecords;
  /** The adapter of a PG (throws for a PG that is not configured). */
  gateway(provider: PgProvider): PaymentGateway;
  /** Counts a parked work item (`dead_letters_total`). */
  countDeadLetter(kind: DeadLetter['kind']): void;
  /**
   * Counts an attempt that failed (`payment_attempts_total`; `POINTS` for points only). Approvals are
   * counted by the ordering context when the order becomes paid: the PG's approval is stored as it
   * answers, so completePayment, a local activity, cannot tell its own repeat from the first run.
   */
  countPaymentAttempt?(pg: PgProvider | 'POINTS', outcome: 'declined' | 'failed'): void;
  /** Counts a refund that ended (`refunds_total`). */
  countRefund?(outcome: 'done' | 'failed'): void;
  logger: Logger;
  newId(): string;
  now(): Date;
}

/** The PG's view without the raw body, card details or callback secret: what the workflow history may carry. */
export type PgPaymentSummary = Omit<PgPayment, 'raw' | 'card' | 'callbackSecret'>;

const summary = ({ raw: _raw, card: _card, callbackSecret: _secret, ...rest }: PgPayment): PgPaymentSummary =>
  rest;

function slim<T extends ConfirmResult | LookupResult | CancelResult>(result: T): T {
  const copy: Record<string, unknown> = { ...result };
  delete copy.raw;
  if ('payment' in result) copy.payment = summary(result.payment);
  return copy as T;
}

/** A domain refusal (points short, hold conflict…) is final: retrying the activity cannot help. */
function final(error: unknown): never {
  if (error instanceof PaymentError)
    throw ApplicationFailure.nonRetryable(error.message, error.code, error.details);
  throw error;
}

export interface BeginAttemptInput {
  orderId: string;
  attempt: number;
  userId: string;
  method: PaymentMethod;
  provider?: PgProvider;
  totalAmount: number;
  pointsAmount: number;
}

export interface PgCallInput {
  paymentId: string;
  orderId: string;
  attempt: number;
  provider: PgProvider;
  /** What prepareCheckout returned (KakaoPay tid, NaverPay reserveId), for PGs that confirm or look up by it. */
  pgReference?: string;
}

export function createPaymentActivities(deps: PaymentActivityDeps) {
  /** Stores what the PG reported on the row; the status only moves forward (webhooks write it too). */
  async function recordPg(paymentId: string, payment: PgPayment): Promise<void> {
    const status = paymentStatusFromPg(payment.status);
    if (!status) return;
    const cancelled = payment.cancels.reduce((sum, c) => sum + c.amount, 0);
    await deps.payments.advance(
      paymentId,
      {
        status,
        pgTransactionId: payment.pgTransactionId,
        pgStatus: payment.status,
        rawResponse: payment.raw,
        callbackSecret: payment.callbackSecret,
        approvedAt: payment.approvedAt ? new Date(payment.approvedAt) : undefined,
        cancelledAmount: cancelled > 0 ? cancelled : undefined,
      },
      deps.now(),
    );
  }

  return {
    /**
     * The attempt's row (PENDING), once per (orderId, attempt), and how the attempt's PG settles an
     * uncertain approval (look-up, or net-cancel where the PG mandates it: NicePay, Inicis).
     */
    async beginPaymentAttempt(
      input: BeginAttemptInput,
    ): Promise<{ paymentId: string; ambiguityResolution?: 'LOOKUP' | 'NET_CANCEL' }> {
      const now = deps.now();
      const record: PaymentRecord = {
        id: deps.newId(),
        ...input,
        pgAmount: input.totalAmount - input.pointsAmount,
        status: 'PENDING',
        cancelledAmount: 0,
        createdAt: now,
        updatedAt: now,
      };
      const stored = await deps.payments.begin(record);
      let ambiguityResolution: 'LOOKUP' | 'NET_CANCEL' | undefined;
      try {
        if (input.provider)
          ambiguityResolution = deps.gateway(input.provider).capabilities.ambiguityResolution;
      } catch {
        // a PG that is not configured: its confirm call reports that
      }
      return { paymentId: stored.id, ambiguityResolution };
    },

    async holdPoints(input: { userId: string; orderId: string; amount: number }): Promise<void> {
      await deps.points.hold(input.userId, input.orderId, input.amount).catch(final);
    },

    /** Compensation of holdPoints: nothing held (or already released) → nothing to do. */
    async releasePoints(input: { userId: string; orderId: string }): Promise<void> {
      await deps.points.release(input.userId, input.orderId).catch(final);
    },

    async capturePoints(input: { userId: string; orderId: string }): Promise<void> {
      await deps.points.capture(input.userId, input.orderId).catch(final);
    },

    /** One confirm call; the same idempotency key on every call of the attempt. */
    async confirmPgPayment(
      input: PgCallInput & { amount: number; pgReturn: PgReturn },
    ): Promise<ConfirmResult> {
      const result = await whileHeartbeating(() =>
        deps.gateway(input.provider).confirm({
          orderId: input.orderId,
          amount: input.amount,
          pgReturn: input.pgReturn,
          pgReference: input.pgReference,
          idempotencyKey: confirmIdempotencyKey(input.orderId, input.attempt),
        }),
      );
      if (result.kind === 'approved') await recordPg(input.paymentId, result.payment);
      else
        deps.logger.warn(
          { orderId: input.orderId, attempt: input.attempt, kind: result.kind, code: result.code },
          'PG confirm did not approve',
        );
      return slim(result);
    },

    async lookupPgPayment(input: PgCallInput & { pgTransactionId?: string }): Promise<LookupResult> {
      const result = await whileHeartbeating(() =>
        deps.gateway(input.provider).lookup({
          orderId: input.orderId,
          pgTransactionId: input.pgTransactionId,
          pgReference: input.pgReference,
        }),
      );
      if (result.kind === 'found') await recordPg(input.paymentId, result.payment);
      return slim(result);
    },

    /** Undo whatever the PG may have approved for the order (망취소; Toss: look up and cancel). */
    async netCancelPgPayment(
      input: PgCallInput & { pgReturn?: PgReturn; reason: string },
    ): Promise<CancelResult> {
      const result = await whileHeartbeating(() =>
        deps.gateway(input.provider).netCancel({
          orderId: input.orderId,
          pgReturn: input.pgReturn,
          reason: input.reason,
          idempotencyKey: netCancelIdempotencyKey(input.orderId, input.attempt),
        }),
      );
      if (result.kind === 'canceled') await recordPg(input.paymentId, result.payment);
      if (result.kind === 'ambiguous' || result.kind === 'retryable') {
        // Let Temporal try again: an approval must not be left standing.
        throw ApplicationFailure.retryable(
          `net-cancel of order ${input.orderId} did not complete: ${result.code}`,
          'PG_NET_CANCEL_PENDING',
        );
      }
      return slim(result);
    },

    /** Marks the attempt paid (points-only orders; PG approvals were recorded when the PG reported them). */
    async completePayment(input: { paymentId: string; approvedAt: string }): Promise<void> {
      await deps.payments.advance(
        input.paymentId,
        { status: 'APPROVED', approvedAt: new Date(input.approvedAt) },
        deps.now(),
      );
    },

    async failPayment(input: {
      paymentId: string;
      status: 'DECLINED' | 'FAILED';
      code: string;
      message: string;
    }): Promise<void> {
      const before = await deps.payments.findById(input.paymentId);
      await deps.payments.advance(
        input.paymentId,
        { status: input.status, failureCode: input.code, failureMessage: input.message },
        deps.now(),
      );
      // A local activity runs again when its workflow task is retried: the row tells a repeat.
      if (!before || before.status === input.status || input.code === 'PAYMENT_CANCELLED') return;
      deps.countPaymentAttempt?.(
        before.provider ?? 'POINTS',
        input.status === 'FAILED' ? 'failed' : 'declined',
      );
    },

    /** Parks an exhausted attempt for an operator: the dead-letter row, the metric, an error log line. */
    async deadLetterPayment(input: {
      reference: string;
      workflowId: string;
      runId: string;
      input: unknown;
      lastError: DeadLetter['lastError'];
      attempts: number;
    }): Promise<{ deadLetterId: string }> {
      return parkDeadLetter(deps, { kind: 'payment', ...input }, 'payment attempt dead-lettered');
    },

    /**
     * Gives money back for an approved attempt: `pgAmount` through the PG (a partial cancel unless it
     * is the whole balance) and `pointsAmount` to the buyer's points. The caller fixes the split per
     * refund id, so a retry after a lost answer repeats the same call with the same idempotency key
     * and the points ledger ignores a second refund of the same id; a refund already DONE is not
     * asked again. A refusal of the PG is not thrown: the refund is marked FAILED and parked as a
     * `refund` dead letter (docs/payments.md#refunds-the-pg-refuses), and the caller carries on.
     */
    async refundPayment(input: RefundInput): Promise<RefundOutcome> {
      const { retryOf, ...work } = input;
      const stored = await deps.refunds.begin(
        {
          refundId: work.refundId,
          orderId: work.orderId,
          pgAmount: work.pgAmount,
          pointsAmount: work.pointsAmount,
        },
        deps.now(),
      );
      if (stored.status === 'DONE') return { status: 'DONE', refundedAt: stored.updatedAt.toISOString() };
      const refused = async (code: string, message: string): Promise<RefundOutcome> => {
        await deps.refunds.markFailed(work.refundId, { code, message }, deps.now());
        deps.countRefund?.('failed');
        const { deadLetterId } = await parkDeadLetter(
          deps,
          {
            kind: 'refund',
            // One letter per refusal: a retry refused again is parked again, under the letter it retried.
            reference: retryOf ? `${work.refundId}@${retryOf}` : work.refundId,
            ...runOfActivity(),
            input: work,
            lastError: { code, message, orderId: work.orderId, amount: work.pgAmount + work.pointsAmount },
            attempts: 1,
          },
          'refund refused by the PG: the money was not returned',
        );
        return { status: 'FAILED', code, message, deadLetterId };
      };
      let pgTransactionId: string | undefined;
      if (work.pgAmount > 0) {
        const record = await deps.payments.findAttempt(work.orderId, work.attempt);
        if (!record?.pgTransactionId || !record.provider)
          return refused(
            'REFUND_NOT_POSSIBLE',
            `order ${work.orderId} attempt ${work.attempt} has no PG payment to refund`,
          );
        const { provider, method, pgTransactionId: pgTx } = record;
        pgTransactionId = pgTx;
        const result = await whileHeartbeating(() =>
          deps.gateway(provider).cancel({
            orderId: work.orderId,
            pgTransactionId: pgTx,
            cancelAmount: work.pgAmount === work.pgBalanceBefore ? undefined : work.pgAmount,
            balanceAmount: work.pgBalanceBefore,
            reason: work.reason,
            idempotencyKey: refundIdempotencyKey(work.refundId),
            method,
          }),
        );
        if (result.kind === 'canceled') await recordPg(record.id, result.payment);
        else if (result.kind === 'declined') return refused(result.code, result.message);
        else if (result.kind !== 'nothing_to_cancel')
          throw ApplicationFailure.retryable(
            `refund of order ${work.orderId} did not complete: ${result.code}`,
            'PG_REFUND_PENDING',
          );
      }
      if (work.pointsAmount > 0)
        await deps.points.refund(work.userId, work.orderId, work.pointsAmount, work.refundId).catch(final);
      await deps.refunds.markDone(work.refundId, deps.now());
      deps.countRefund?.('done');
      deps.logger.info(
        {
          orderId: work.orderId,
          refundId: work.refundId,
          pgAmount: work.pgAmount,
          points: work.pointsAmount,
        },
        'refund done',
      );
      return { status: 'DONE', pgTransactionId, refundedAt: deps.now().toISOString() };
    },
  };
}

/** The workflow run calling the activity, for the dead letter (none when called outside Temporal). */
function runOfActivity(): { workflowId?: string; runId?: string } {
  try {
    const run = Context.current().info.workflowExecution;
    return run ? { workflowId: run.workflowId, runId: run.runId } : {};
  } catch {
    return {};
  }
}

/**
 * DONE: the money is back. FAILED: the PG refused; the refund is parked as dead letter
 * `deadLetterId` for an operator's retry. (Results recorded before refusals were parked carry no
 * `status`: they are DONE.)
 */
export type RefundOutcome =
  | { status: 'DONE'; pgTransactionId?: string; refundedAt: string }
  | { status: 'FAILED'; code: string; message: string; deadLetterId: string };

export interface RefundInput {
  orderId: string;
  userId: string;
  /** The approved attempt n. */
  attempt: number;
  refundId: string;
  pgAmount: number;
  /** What the PG still held before this refund (PGs that check it: Inicis, NaverPay). */
  pgBalanceBefore: number;
  pointsAmount: number;
  reason: string;
  /** The `refund` dead letter this call retries (refundRetryWorkflow). */
  retryOf?: string;
}

export type PaymentActivities = ReturnType<typeof createPaymentActivities>;
