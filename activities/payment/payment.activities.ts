import { ApplicationFailure } from '@temporalio/activity';
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
} from '../../domain/payment';
import type { Logger } from '../../platform/observability/logger';

export interface PaymentActivityDeps {
  payments: PaymentRepository;
  points: PointsLedger;
  deadLetters: DeadLetterRepository;
  /** The adapter of a PG (throws for a PG that is not configured). */
  gateway(provider: PgProvider): PaymentGateway;
  /** Counts a parked work item (`dead_letters_total`). */
  countDeadLetter(kind: DeadLetter['kind']): void;
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
      const result = await deps.gateway(input.provider).confirm({
        orderId: input.orderId,
        amount: input.amount,
        pgReturn: input.pgReturn,
        pgReference: input.pgReference,
        idempotencyKey: confirmIdempotencyKey(input.orderId, input.attempt),
      });
      if (result.kind === 'approved') await recordPg(input.paymentId, result.payment);
      else
        deps.logger.warn(
          { orderId: input.orderId, attempt: input.attempt, kind: result.kind, code: result.code },
          'PG confirm did not approve',
        );
      return slim(result);
    },

    async lookupPgPayment(input: PgCallInput & { pgTransactionId?: string }): Promise<LookupResult> {
      const result = await deps.gateway(input.provider).lookup({
        orderId: input.orderId,
        pgTransactionId: input.pgTransactionId,
        pgReference: input.pgReference,
      });
      if (result.kind === 'found') await recordPg(input.paymentId, result.payment);
      return slim(result);
    },

    /** Undo whatever the PG may have approved for the order (망취소; Toss: look up and cancel). */
    async netCancelPgPayment(
      input: PgCallInput & { pgReturn?: PgReturn; reason: string },
    ): Promise<CancelResult> {
      const result = await deps.gateway(input.provider).netCancel({
        orderId: input.orderId,
        pgReturn: input.pgReturn,
        reason: input.reason,
        idempotencyKey: netCancelIdempotencyKey(input.orderId, input.attempt),
      });
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
      await deps.payments.advance(
        input.paymentId,
        { status: input.status, failureCode: input.code, failureMessage: input.message },
        deps.now(),
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
     * and the points ledger ignores a second refund of the same id.
     */
    async refundPayment(input: RefundInput): Promise<{ pgTransactionId?: string; refundedAt: string }> {
      let pgTransactionId: string | undefined;
      if (input.pgAmount > 0) {
        const record = await deps.payments.findAttempt(input.orderId, input.attempt);
        if (!record?.pgTransactionId || !record.provider)
          throw ApplicationFailure.nonRetryable(
            `order ${input.orderId} attempt ${input.attempt} has no PG payment to refund`,
            'REFUND_NOT_POSSIBLE',
          );
        pgTransactionId = record.pgTransactionId;
        const result = await deps.gateway(record.provider).cancel({
          orderId: input.orderId,
          pgTransactionId,
          cancelAmount: input.pgAmount === input.pgBalanceBefore ? undefined : input.pgAmount,
          balanceAmount: input.pgBalanceBefore,
          reason: input.reason,
          idempotencyKey: refundIdempotencyKey(input.refundId),
          method: record.method,
        });
        if (result.kind === 'canceled') await recordPg(record.id, result.payment);
        else if (result.kind === 'declined')
          throw ApplicationFailure.nonRetryable(
            `the PG refused the refund of order ${input.orderId}: ${result.code} ${result.message}`,
            'REFUND_DECLINED',
          );
        else if (result.kind !== 'nothing_to_cancel')
          throw ApplicationFailure.retryable(
            `refund of order ${input.orderId} did not complete: ${result.code}`,
            'PG_REFUND_PENDING',
          );
      }
      if (input.pointsAmount > 0)
        await deps.points
          .refund(input.userId, input.orderId, input.pointsAmount, input.refundId)
          .catch(final);
      deps.logger.info(
        {
          orderId: input.orderId,
          refundId: input.refundId,
          pgAmount: input.pgAmount,
          points: input.pointsAmount,
        },
        'refund done',
      );
      return { pgTransactionId, refundedAt: deps.now().toISOString() };
    },
  };
}

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
}

export type PaymentActivities = ReturnType<typeof createPaymentActivities>;
