import { ApplicationFailure } from '@temporalio/activity';
import { earnPointsForPart, type EarnPointsInput, type PointsDeps } from '../../application/payment/points';
import { earnReference, PaymentError, type Clawback } from '../../domain/payment';

/** How many members one expiry activity visits before it reports back (the workflow loops). */
export const EXPIRY_BATCH = 500;

export interface ClawBackPointsInput {
  userId: string;
  orderId: string;
  orderNumber: string;
  sellerId: string;
  /** The refund this clawback belongs to (its idempotency key is `clawback:<refundId>`). */
  refundId: string;
  refundedPgAmount: number;
  paidPgAmount: number;
}

/** Points activities (payment queue): earning at purchase confirmation, expiry, clawback. */
export function createPointsActivities(deps: PointsDeps) {
  return {
    /** Points for a confirmed part, once per part (`earn:<orderId>:<sellerId>`). */
    async earnPoints(input: EarnPointsInput): Promise<{ earned: number }> {
      return earnPointsForPart(deps, input);
    },

    /**
     * Expires every lot due by `asOf` (the caller's workflow time), up to EXPIRY_BATCH members per
     * call; `more` says whether another call has work. With `userId`, only that member's.
     */
    async expirePoints(input: {
      asOf: string;
      userId?: string;
    }): Promise<{ members: number; more: boolean }> {
      if (input.userId) {
        await deps.points.expire(input.userId, new Date(input.asOf));
        return { members: 1, more: false };
      }
      const members = await deps.points.expireDue(new Date(input.asOf), EXPIRY_BATCH);
      return { members, more: members === EXPIRY_BATCH };
    },

    /**
     * Takes back the points a refunded part earned, in proportion to the PG amount refunded; what
     * the balance cannot cover is `takenFromRefund` (the caller keeps it from the refund,
     * docs/payments.md#points). Nothing earned yet (the part was not confirmed): nothing to take.
     */
    async clawBackPoints(input: ClawBackPointsInput): Promise<Clawback> {
      try {
        const { clawback, takenFromRefund } = await deps.points.clawBack(input.userId, {
          orderId: input.orderId,
          earnReference: earnReference(input.orderId, input.sellerId),
          reference: `clawback:${input.refundId}`,
          reason: `반품 환불에 따른 적립금 회수 (주문 ${input.orderNumber})`,
          refundedPgAmount: input.refundedPgAmount,
          paidPgAmount: input.paidPgAmount,
        });
        return { clawback, takenFromRefund };
      } catch (error) {
        if (error instanceof PaymentError)
          throw ApplicationFailure.nonRetryable(error.message, error.code, error.details);
        throw error;
      }
    },
  };
}

export type PointsActivities = ReturnType<typeof createPointsActivities>;
