import {
  assertCancelAmount,
  checkConfirmAmount,
  classifyInicisAnswer,
  OVERSEAS_CARD_PROVIDER,
  type CancelRequest,
  type CancelResult,
  type CheckoutRequest,
  type CheckoutResult,
  type ConfirmRequest,
  type ConfirmResult,
  type GatewayCapabilities,
  type LookupResult,
  type NetCancelRequest,
  type PaymentGateway,
  type PgPayment,
  type PgReturn,
  type PgReturnRequest,
  type PgReturnResult,
  type WebhookResult,
} from '../../../domain/payment';
import { rejectWebhook, sandboxCheckoutUrl } from '../gateway-steps';
import { postForm, type InicisHttpResult } from './inicis-http';
import { approvalToPgPayment, kstInstant } from './inicis-payment.mapper';
import { iniapiTimestamp, inicisSignatures, sameHex } from './inicis-signatures';

/**
 * KG Inicis behind the PaymentGateway port (VENDORS.md §3): the INIStdPay web standard window (a
 * signed form), approval at the `authUrl` the browser brought back — accepted only if it is the
 * allow-listed URL of its `idc_name`, checked before any call — with the answer's timestamp-digit
 * `authSignature` verified, net-cancel at `netCancelUrl` (same allow-list) for every uncertain
 * approval, and INIAPI v1 refunds and partial refunds signed with SHA-512 `hashData`.
 *
 * What Inicis does not document is not guessed: there is no look-up by order in INIStdPay (so
 * `lookup` answers declined and uncertain approvals are net-cancelled), no card webhooks (virtual
 * accounts are not sold through Inicis, so its deposit notice is not used), and overseas cards go
 * through NicePay (domain/payment/nicepay-card-codes.ts).
 */
export type InicisIdc = 'fc' | 'ks' | 'stg';

export interface InicisGatewayConfig {
  mid: string;
  /** Key of the web standard window (signature `verification`, `mKey`). */
  signKey: string;
  /** INIAPI key (refunds): a different key from the signKey. */
  iniapiKey: string;
  /** This server's address, sent as INIAPI `clientIp` and part of its hash. */
  clientIp: string;
  /** `https://iniapi.inicis.com` (test MIDs: `https://stginiapi.inicis.com`), or `<simulator>/inicis/iniapi`. */
  iniapiBaseUrl: string;
  /** Origin of each IDC's approval and net-cancel endpoints; default `https://{idc}stdpay.inicis.com`. */
  stdpayHosts?: Record<InicisIdc, string>;
  /** The sandbox payment window (`<public>/sandbox/inicis/checkout`); absent with real Inicis (the client posts the form with INIStdPay.js). */
  checkoutPageUrl?: string;
  timeoutMs?: number;
  now?: () => Date;
  fetch?: typeof fetch;
}

export const INICIS_STDPAY_HOSTS: Record<InicisIdc, string> = {
  fc: 'https://fcstdpay.inicis.com',
  ks: 'https://ksstdpay.inicis.com',
  stg: 'https://stgstdpay.inicis.com',
};

export const INICIS_CAPABILITIES: GatewayCapabilities = {
  checkoutStyle: 'FORM_POST',
  partialCancel: true,
  ambiguityResolution: 'NET_CANCEL',
  webhooks: false,
  minimumAmount: {},
};

const GOPAYMETHOD = { CARD: 'Card', BANK_TRANSFER: 'DirectBank' } as const;
const REFUND_PAYMETHOD = { CARD: 'Card', BANK_TRANSFER: 'Acct' } as const;

export function createInicisPaymentGateway(config: InicisGatewayConfig): PaymentGateway {
  if (!config.mid || !config.signKey || !config.iniapiKey)
    throw new Error('KG Inicis MID, signKey and INIAPI key are required');
  const now = config.now ?? (() => new Date());
  const hosts = config.stdpayHosts ?? INICIS_STDPAY_HOSTS;
  const http = { timeoutMs: config.timeoutMs ?? 30_000, fetch: config.fetch };

  /** The approval or net-cancel URL only if it is exactly the one of its IDC: they come from the browser (SSRF guard). */
  function allowedUrl(
    params: Record<string, string> | undefined,
    kind: 'payAuth' | 'netCancel',
  ): string | undefined {
    const idc = params?.idc_name as InicisIdc | undefined;
    const url = params?.[kind === 'payAuth' ? 'authUrl' : 'netCancelUrl'];
    if (!idc || !Object.hasOwn(hosts, idc) || !url) return undefined;
    return url === `${hosts[idc].replace(/\/+$/, '')}/api/${kind}` ? url : undefined;
  }

  /** The fields of an approval, and of a net-cancel (the same fields, posted to netCancelUrl). */
  function approvalFields(authToken: string, timestamp: string): Record<string, string> {
    return {
      mid: config.mid,
      authToken,
      timestamp,
      signature: inicisSignatures.approvalSignature({ authToken, timestamp }),
      verification: inicisSignatures.approvalVerification({ authToken, timestamp }, config.signKey),
      charset: 'UTF-8',
      format: 'JSON',
    };
  }

  async function netCancelAuth(pgReturn: PgReturn, orderId: string): Promise<CancelResult> {
    const url = allowedUrl(pgReturn.params, 'netCancel');
    if (!url)
      return {
        kind: 'declined',
        code: 'INICIS_NET_CANCEL_URL_NOT_ALLOWED',
        message: `netCancelUrl ${pgReturn.params?.netCancelUrl} is not the allow-listed URL of idc_name ${pgReturn.params?.idc_name}`,
        alert: true,
      };
    const result = await postForm(url, approvalFields(pgReturn.token, String(now().getTime())), http);
    const failure = transportOrHttp(result, 'stdpay');
    if (failure) return failure as CancelResult;
    const body = (result as Extract<InicisHttpResult, { kind: 'ok' }>).body;
    const code = String(body.resultCode ?? '');
    if (classifyInicisAnswer({ httpStatus: 200, resultCode: code }, 'stdpay') !== 'ok')
      return { kind: 'declined', code, message: String(body.resultMsg ?? ''), raw: body };
    if (typeof body.tid !== 'string' || body.tid === '')
      return { kind: 'nothing_to_cancel', code, message: String(body.resultMsg ?? 'nothing was approved') };
    const approved = approvalToPgPayment({ ...body, MOID: body.MOID ?? orderId });
    const payment: PgPayment = {
      ...approved,
      status: 'CANCELED',
      balanceAmount: 0,
      cancels: [
        {
          transactionId: approved.pgTransactionId,
          amount: approved.totalAmount,
          canceledAt: now().toISOString(),
          reason: '망취소',
        },
      ],
    };
    return { kind: 'canceled', payment, canceledAmount: approved.totalAmount };
  }

  async function refund(request: CancelRequest): Promise<CancelResult> {
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
  }

  return {
    provider: 'INICIS',
    capabilities: INICIS_CAPABILITIES,

    async prepareCheckout(request: CheckoutRequest): Promise<CheckoutResult> {
      if (request.method === 'KAKAOPAY' || request.method === 'NAVERPAY')
        return {
          kind: 'declined',
          code: 'PAYMENT_METHOD_NOT_SUPPORTED',
          message: `${request.method} is paid through its own provider, not KG Inicis`,
        };
      if (request.method === 'CARD' && request.cardScope === 'OVERSEAS')
        return {
          kind: 'declined',
          code: 'PAYMENT_METHOD_NOT_SUPPORTED',
          message: `overseas cards are paid through ${OVERSEAS_CARD_PROVIDER}, not KG Inicis`,
        };
      const timestamp = String(now().getTime());
      const signed = { oid: request.orderId, price: request.amount, timestamp };
      // The buyer's name, phone and e-mail (buyername, buyertel, buyeremail) are added by the client page.
      const clientParams: Record<string, string | number | boolean> = {
        version: '1.0',
        mid: config.mid,
        goodname: request.orderName,
        oid: request.orderId,
        price: request.amount,
        currency: 'WON',
        timestamp,
        signature: inicisSignatures.requestSignature(signed),
        verification: inicisSignatures.requestVerification(signed, config.signKey),
        mKey: inicisSignatures.mKey(config.signKey),
        returnUrl: request.successUrl,
        closeUrl: request.cancelUrl ?? request.failUrl,
        gopaymethod: GOPAYMETHOD[request.method],
      };
      if (request.taxFreeAmount !== undefined) clientParams.taxfree = request.taxFreeAmount;
      return {
        kind: 'ready',
        checkoutUrl: sandboxCheckoutUrl(config.checkoutPageUrl, clientParams),
        clientParams,
      };
    },

    async confirm(request: ConfirmRequest): Promise<ConfirmResult> {
      const check = checkConfirmAmount(request.amount, request.pgReturn.amount);
      if (!check.ok) return { kind: 'declined', code: check.code, message: check.message };
      const authUrl = allowedUrl(request.pgReturn.params, 'payAuth');
      if (!authUrl)
        return {
          kind: 'declined',
          code: 'INICIS_AUTH_URL_NOT_ALLOWED',
          message: `authUrl ${request.pgReturn.params?.authUrl} is not the allow-listed URL of idc_name ${request.pgReturn.params?.idc_name}`,
          alert: true,
        };
      const timestamp = String(now().getTime());
      const result = await postForm(authUrl, approvalFields(request.pgReturn.token, timestamp), http);
      const failure = transportOrHttp(result, 'stdpay');
      if (failure) return failure as ConfirmResult;
      const body = (result as Extract<InicisHttpResult, { kind: 'ok' }>).body;
      const code = String(body.resultCode ?? '');
      const message = String(body.resultMsg ?? '');
      if (classifyInicisAnswer({ httpStatus: 200, resultCode: code }, 'stdpay') !== 'ok')
        return { kind: 'declined', code, message, raw: body };
      const { MOID, TotPrice, tid } = body;
      if (typeof tid !== 'string' || typeof MOID !== 'string' || TotPrice === undefined)
        return {
          kind: 'ambiguous',
          code: 'UNEXPECTED_RESPONSE',
          message: 'the approval answer lacks tid, MOID or TotPrice',
          raw: body,
        };
      const expected = inicisSignatures.authSignature({
        mid: config.mid,
        tstamp: timestamp,
        MOID,
        TotPrice: String(TotPrice),
      });
      if (!sameHex(expected, body.authSignature))
        return {
          kind: 'ambiguous',
          code: 'INICIS_AUTH_SIGNATURE_INVALID',
          message: `the approval answer for ${MOID} carries a wrong authSignature`,
          alert: true,
          raw: body,
        };
      if (MOID !== request.orderId)
        return {
          kind: 'ambiguous',
          code: 'INICIS_ORDER_MISMATCH',
          message: `Inicis approved order ${MOID}, not ${request.orderId}`,
          alert: true,
          raw: body,
        };
      return { kind: 'approved', payment: approvalToPgPayment(body) };
    },

    lookup(): Promise<LookupResult> {
      return Promise.resolve({
        kind: 'declined',
        code: 'INICIS_LOOKUP_UNSUPPORTED',
        message:
          'INIStdPay documents no look-up of a payment by order: uncertain approvals are net-cancelled',
      });
    },

    cancel: refund,

    async netCancel(request: NetCancelRequest): Promise<CancelResult> {
      if (request.pgReturn?.params?.netCancelUrl) return netCancelAuth(request.pgReturn, request.orderId);
      if (request.pgTransactionId)
        return refund({
          orderId: request.orderId,
          pgTransactionId: request.pgTransactionId,
          reason: request.reason,
          idempotencyKey: request.idempotencyKey,
        });
      return {
        kind: 'nothing_to_cancel',
        code: 'INICIS_NOTHING_KNOWN',
        message: 'no authentication and no transaction of this order is known',
      };
    },

    parseWebhook(): Promise<WebhookResult> {
      return rejectWebhook(
        'KG Inicis sends no webhooks Jangteo uses (card payments are approved by the shop itself)',
        'not used',
      );
    },

    parseReturn(request: PgReturnRequest): PgReturnResult {
      return parseInicisReturn(
        request,
        config.mid,
        (params) => !!allowedUrl(params, 'payAuth') && !!allowedUrl(params, 'netCancel'),
      );
    },
  };
}

/**
 * Inicis POSTs the authentication result to returnUrl (the success URL): `resultCode` 0000 with the
 * `authToken`, `authUrl`, `netCancelUrl` and `idc_name` the approval needs. The buyer closing the
 * window loads closeUrl (the cancel URL). The return carries no amount: the approval's TotPrice is
 * compared with the order instead.
 */
export function parseInicisReturn(
  { orderId, outcome, params }: PgReturnRequest,
  mid: string,
  urlsAllowed: (params: Record<string, string>) => boolean,
): PgReturnResult {
  if (params.orderNumber !== undefined && params.orderNumber !== orderId)
    return {
      kind: 'rejected',
      reason: `orderNumber ${params.orderNumber} does not belong to order ${orderId}`,
    };
  if (outcome === 'cancel')
    return { kind: 'failed', code: 'USER_CANCELED', message: '결제를 취소했습니다.', buyerCanceled: true };
  if (params.resultCode === undefined)
    return { kind: 'rejected', reason: 'resultCode is missing: not an Inicis auth result' };
  if (params.resultCode !== '0000' || outcome === 'fail')
    return {
      kind: 'failed',
      code: params.resultCode,
      message: params.resultMsg ?? '결제 인증에 실패했습니다.',
      buyerCanceled: false,
    };
  if (params.mid !== mid) return { kind: 'rejected', reason: `mid ${params.mid} is not this shop's` };
  if (!params.authToken) return { kind: 'rejected', reason: 'authToken is missing' };
  if (!urlsAllowed(params))
    return {
      kind: 'rejected',
      reason: `authUrl / netCancelUrl are not the allow-listed URLs of idc_name ${params.idc_name}`,
    };
  return {
    kind: 'authenticated',
    pgReturn: {
      token: params.authToken,
      params: { authUrl: params.authUrl!, netCancelUrl: params.netCancelUrl!, idc_name: params.idc_name! },
    },
  };
}

/** A transport failure or a non-JSON / non-200 answer as a gateway result; undefined for a JSON answer. */
function transportOrHttp(
  result: InicisHttpResult,
  api: 'stdpay' | 'iniapi',
): ConfirmResult | CancelResult | undefined {
  if (result.kind === 'transport') return { kind: 'ambiguous', code: result.code, message: result.message };
  if (result.kind === 'ok') return undefined;
  const info = {
    code: `HTTP_${result.status}`,
    message: result.message,
    httpStatus: result.status,
    raw: result.body,
  };
  switch (classifyInicisAnswer({ httpStatus: result.status }, api)) {
    case 'retryable':
      return { kind: 'retryable', ...info };
    case 'ambiguous':
      return result.status >= 500 || result.status === 200
        ? { kind: 'ambiguous', ...info }
        : { kind: 'declined', ...info, alert: true };
    default:
      return { kind: 'declined', ...info, alert: true };
  }
}
