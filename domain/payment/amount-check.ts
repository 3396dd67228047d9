import { isPositiveWon } from './won';

/**
 * The server-side amount check before a confirm: the amount sent to the PG is always the one
 * Jangteo computed for the order; the browser's amount (from the PG's return URL) only has to agree
 * with it. A mismatch means a tampered or stale client: refuse without calling the PG.
 */
export type AmountCheck =
  | { ok: true; amount: number }
  | { ok: false; code: 'PAYMENT_AMOUNT_MISMATCH' | 'PAYMENT_INVALID_AMOUNT'; message: string };

export function checkConfirmAmount(orderPgAmount: number, clientAmount: number | undefined): AmountCheck {
  if (!isPositiveWon(orderPgAmount)) {
    return {
      ok: false,
      code: 'PAYMENT_INVALID_AMOUNT',
      message: `order amount must be a positive whole won amount, got ${orderPgAmount}`,
    };
  }
  if (clientAmount !== undefined && clientAmount !== orderPgAmount) {
    return {
      ok: false,
      code: 'PAYMENT_AMOUNT_MISMATCH',
      message: `the PG return carries ${clientAmount}원 but the order's payable amount is ${orderPgAmount}원`,
    };
  }
  return { ok: true, amount: orderPgAmount };
}

/**
 * A cancel names no amount (everything left) or a whole won amount above zero; anything else is a
 * caller's bug, refused before any PG call.
 */
export function assertCancelAmount(cancelAmount: number | undefined): void {
  if (cancelAmount !== undefined && !isPositiveWon(cancelAmount))
    throw new RangeError(`cancelAmount must be a whole won amount above zero, got ${cancelAmount}`);
}

/** An approval is usable only for this order and exactly the amount Jangteo asked for. */
export function approvalMatchesOrder(
  payment: { orderId: string; totalAmount: number },
  orderId: string,
  amount: number,
): boolean {
  return payment.orderId === orderId && payment.totalAmount === amount;
}
