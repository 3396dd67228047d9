import type {
  CancelRequest,
  CancelResult,
  LookupResult,
  NetCancelRequest,
  PgPayment,
  PgPaymentStatus,
  WebhookResult,
} from '../../domain/payment';

/** A cancel that finds the payment cancelled already: done, nothing cancelled by this call. */
export function canceledBefore(payment: PgPayment): CancelResult {
  return { kind: 'canceled', payment, canceledAmount: 0, alreadyCanceled: true };
}

/**
 * Net-cancel for a PG that has no 망취소 call (Toss, KakaoPay, NaverPay): whatever the look-up found
 * approved for the order is cancelled in full (with the net-cancel's reason and key); nothing found
 * or nothing approved is nothing to cancel.
 */
export async function netCancelByLookup(
  request: NetCancelRequest,
  current: LookupResult,
  rules: {
    /** The statuses that still hold money to give back. */
    cancelable: readonly PgPaymentStatus[];
    /** The code of a payment found in any other status (`TOSS_ABORTED`, `NAVERPAY_NOT_APPROVED`…). */
    notApprovedCode: (payment: PgPayment) => string;
  },
  cancel: (request: CancelRequest) => Promise<CancelResult>,
): Promise<CancelResult> {
  if (current.kind === 'not_found')
    return { kind: 'nothing_to_cancel', code: current.code, message: current.message };
  if (current.kind !== 'found') return current;
  const { payment } = current;
  if (payment.status === 'CANCELED') return canceledBefore(payment);
  if (!rules.cancelable.includes(payment.status))
    return {
      kind: 'nothing_to_cancel',
      code: rules.notApprovedCode(payment),
      message: 'nothing was approved for this order',
    };
  return cancel({
    orderId: request.orderId,
    pgTransactionId: payment.pgTransactionId,
    reason: request.reason,
    idempotencyKey: request.idempotencyKey,
  });
}

/**
 * The sandbox payment window of a JS-SDK PG (Toss, NicePay, Inicis): the page, with what the SDK
 * call would get as its query; none with the real PG (the client uses the SDK).
 */
export function sandboxCheckoutUrl(
  pageUrl: string | undefined,
  clientParams: Record<string, string | number | boolean>,
): string | undefined {
  if (!pageUrl) return undefined;
  const url = new URL(pageUrl);
  for (const [key, value] of Object.entries(clientParams)) url.searchParams.set(key, String(value));
  return url.toString();
}

/** `parseWebhook` of a PG that sends Jangteo no webhooks: whatever arrives is not the PG's. */
export function rejectWebhook(reason: string, body = 'not found'): Promise<WebhookResult> {
  return Promise.resolve({
    kind: 'rejected',
    reason,
    ack: { status: 404, contentType: 'text/plain', body },
  });
}
