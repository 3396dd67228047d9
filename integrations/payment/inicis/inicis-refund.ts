import {
  assertCancelAmount,
  type CancelRequest,
  type CancelResult,
  type PgPayment,
} from '../../../domain/payment';
import { postForm, transportOrHttp, type InicisHttpResult } from './inicis-http';
import { kstInstant } from './inicis-payment.mapper';
import { classifyInicisAnswer } from './inicis-result-codes';
import { iniapiTimestamp, inicisSignatures } from './inicis-signatures';

const REFUND_PAYMETHOD = { CARD: 'Card', BANK_TRANSFER: 'Acct' } as const;

/**
 * INIAPI v1 refunds (docs/vendors/inicis.md#iniapi-refunds): `Refund`, or `PartialRefund` with
 * `price` and `confirmPrice` = the balance after it, signed with SHA-512 `hashData`.
 */
export function createInicisRefund(config: {
  mid: string;
  clientIp: string;
  iniapiKey: string;
  iniapiBaseUrl: string;
  http: { timeoutMs: number; fetch?: typeof fetch };
  now: () => Date;
}): (request: CancelRequest) => Promise<CancelResult> {
  const { http, now } = config;
  return async function refund(request: CancelRequest): Promise<CancelResult> {
    const { cancelAmount, balanceAmount } = request;
    assertCancelAmount(cancelAmount);
    const partial = cancelAmount !== undefined && cancelAmount !== balanceAmount;
    if (partial && (balanceAmount === undefined || cancelAmount > balanceAmount))
      return {
        kind: 'declined',
        code: balanceAmount === undefined ? 'INICIS_BALANCE_REQUIRED' : 'INICIS_CANCEL_EXCEEDS_BALANCE',
        message:
          balanceAmount === undefined
            ? 'a partial refund through Inicis needs the balance before it (confirmPrice = balance − price)'
            : `cannot refund ${cancelAmount}원 of a ${balanceAmount}원 balance`,
      };
    const paymethod =
      request.method === 'BANK_TRANSFER' ? REFUND_PAYMETHOD.BANK_TRANSFER : REFUND_PAYMETHOD.CARD;
    const base = {
      type: partial ? ('PartialRefund' as const) : ('Refund' as const),
      paymethod,
      timestamp: iniapiTimestamp(now()),
      clientIp: config.clientIp,
      mid: config.mid,
      tid: request.pgTransactionId,
    };
    const amounts = partial ? { price: cancelAmount, confirmPrice: balanceAmount! - cancelAmount } : {};
    const fields: Record<string, string> = {
      ...base,
      msg: request.reason.slice(0, 100),
      ...Object.fromEntries(Object.entries(amounts).map(([k, v]) => [k, String(v)])),
      hashData: inicisSignatures.refundHashData({ ...base, ...amounts }, config.iniapiKey),
    };
    const result = await postForm(`${config.iniapiBaseUrl.replace(/\/+$/, '')}/api/v1/refund`, fields, http);
    const failure = transportOrHttp(result, 'iniapi');
    if (failure) return failure as CancelResult;
    const body = (result as Extract<InicisHttpResult, { kind: 'ok' }>).body;
    const code = String(body.resultCode ?? '');
    const message = String(body.resultMsg ?? '');
    if (classifyInicisAnswer({ httpStatus: 200, resultCode: code }, 'iniapi') !== 'ok')
      return { kind: 'declined', code, message, raw: body };
    const refunded = partial ? cancelAmount : (balanceAmount ?? cancelAmount ?? 0);
    const remaining = partial ? amounts.confirmPrice! : 0;
    // INIAPI answers the refund, not the payment: the payment is described from what this call changed.
    const payment: PgPayment = {
      provider: 'INICIS',
      pgTransactionId: request.pgTransactionId,
      orderId: request.orderId,
      status: remaining > 0 ? 'PARTIALLY_CANCELED' : 'CANCELED',
      method: request.method === 'BANK_TRANSFER' ? 'BANK_TRANSFER' : 'CARD',
      totalAmount: balanceAmount ?? refunded,
      balanceAmount: remaining,
      currency: 'KRW',
      lastTransactionId: typeof body.tid === 'string' ? body.tid : request.pgTransactionId,
      cancels: [
        {
          transactionId: typeof body.tid === 'string' ? body.tid : request.pgTransactionId,
          amount: refunded,
          canceledAt:
            kstInstant(String(body.cancelDate ?? ''), String(body.cancelTime ?? '')) ?? now().toISOString(),
          reason: request.reason,
        },
      ],
      raw: body,
    };
    return {
      kind: 'canceled',
      payment,
      canceledAmount: refunded,
      cancelTransactionId: typeof body.tid === 'string' ? body.tid : undefined,
    };
  };
}
