import { PaymentError, PaymentErrorCode } from './payment-errors';
import type { PaymentMethod } from './payment-method';
import { isPositiveWon, isWon } from './won';

/**
 * How an order total is paid: points first, the rest through a PG. An order fully covered by
 * points needs no PG at all (its method becomes POINTS). Validation: whole won everywhere, points
 * ≤ the member's available balance, points ≤ the total, a POINTS-only order must be fully covered,
 * and a PG part must reach the PG's minimum for the method when one is given.
 */
export interface PaymentSplitInput {
  totalAmount: number;
  /** Points the buyer chose to use (0 or absent: none; for method POINTS absent means "the total"). */
  pointsToUse?: number;
  availablePoints: number;
  method: PaymentMethod;
  /** Smallest PG amount for this method (e.g. from GatewayCapabilities.minimumAmount). */
  minimumPgAmount?: number;
}

export interface PaymentSplit {
  totalAmount: number;
  pointsAmount: number;
  pgAmount: number;
  needsPg: boolean;
  /** POINTS when the points cover everything, otherwise the chosen PG method. */
  effectiveMethod: PaymentMethod;
}

export function computePaymentSplit(input: PaymentSplitInput): PaymentSplit {
  const { totalAmount, availablePoints, method } = input;
  if (!isPositiveWon(totalAmount))
    throw new PaymentError(
      PaymentErrorCode.INVALID_AMOUNT,
      `the order total must be a whole won amount above zero, got ${totalAmount}`,
      { totalAmount },
    );
  if (!isWon(availablePoints))
    throw new PaymentError(
      PaymentErrorCode.POINTS_INVALID_AMOUNT,
      `available points must be a whole non-negative amount, got ${availablePoints}`,
      { availablePoints },
    );
  const pointsAmount = input.pointsToUse ?? (method === 'POINTS' ? totalAmount : 0);
  if (!isWon(pointsAmount))
    throw new PaymentError(
      PaymentErrorCode.POINTS_INVALID_AMOUNT,
      `points must be a whole non-negative number of won, got ${pointsAmount}`,
      { points: pointsAmount },
    );
  if (pointsAmount > totalAmount) {
    throw new PaymentError(
      PaymentErrorCode.POINTS_EXCEED_TOTAL,
      `${pointsAmount} points exceed the order total of ${totalAmount}원`,
      { points: pointsAmount, totalAmount },
    );
  }
  if (pointsAmount > availablePoints) {
    throw new PaymentError(
      PaymentErrorCode.POINTS_INSUFFICIENT,
      `only ${availablePoints} points are available, ${pointsAmount} requested`,
      { available: availablePoints, requested: pointsAmount },
    );
  }
  const pgAmount = totalAmount - pointsAmount;
  if (pgAmount === 0)
    return { totalAmount, pointsAmount, pgAmount, needsPg: false, effectiveMethod: 'POINTS' };
  if (method === 'POINTS') {
    throw new PaymentError(
      PaymentErrorCode.POINTS_NOT_COVERING_TOTAL,
      `points pay ${pointsAmount}원 of ${totalAmount}원: choose a payment method for the remaining ${pgAmount}원`,
      {
        points: pointsAmount,
        totalAmount,
        remaining: pgAmount,
      },
    );
  }
  if (input.minimumPgAmount !== undefined && pgAmount < input.minimumPgAmount) {
    throw new PaymentError(
      PaymentErrorCode.PG_AMOUNT_BELOW_MINIMUM,
      `the ${method} part of ${pgAmount}원 is below the minimum of ${input.minimumPgAmount}원: use more or fewer points`,
      {
        pgAmount,
        minimum: input.minimumPgAmount,
      },
    );
  }
  return { totalAmount, pointsAmount, pgAmount, needsPg: true, effectiveMethod: method };
}
