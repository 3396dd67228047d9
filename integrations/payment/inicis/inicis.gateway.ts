import {
  checkConfirmAmount,
  OVERSEAS_CARD_PROVIDER,
  type CancelResult,
  type ConfirmResult,
  type GatewayCapabilities,
  type PaymentGateway,
  type PgPayment,
  type PgReturn,
} from '../../../domain/payment';
import { classifyInicisAnswer } from './inicis-result-codes';
import { rejectWebhook, sandboxCheckoutUrl } from '../gateway-steps';
import { postForm, transportOrHttp, type InicisHttpResult } from './inicis-http';
import { createInicisRefund } from './inicis-refund';
import { parseInicisReturn } from './inicis-return.parser';
import { approvalToPgPayment } from './inicis-payment.mapper';
import { inicisSignatures, sameHex } from './inicis-signatures';

/**
 * KG Inicis behind the PaymentGateway port (docs/vendors/inicis.md): the INIStdPay web standard window (a
 * signed form), approval at the `authUrl` the browser brought back — accepted only if it is the
 * allow-listed URL of its `idc_name`, checked before any call — with the answer's timestamp-digit
 * `authSignature` verified, net-cancel at `netCancelUrl` (same allow-list) for every uncertain
 * approval, and INIAPI v1 refunds and partial refunds signed with SHA-512 `hashData`.
 *
 * What Inicis does not document is not guessed: there is no look-up by order in INIStdPay (so
 * `lookup` answers declined and uncertain approvals are net-cancelled), no card webhooks (virtual
 * accounts are not sold through Inicis, so its deposit notice is not used), and overseas cards go
 * through NicePay (OVERSEAS_CARD_PROVIDER).
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

  const refund = createInicisRefund({
    mid: config.mid,
    clientIp: config.clientIp,
    iniapiKey: config.iniapiKey,
    iniapiBaseUrl: config.iniapiBaseUrl,
    http,
    now,
  });

  return {
    provider: 'INICIS',
    capabilities: INICIS_CAPABILITIES,

    async prepareCheckout(request) {
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

    async confirm(request) {
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

    lookup() {
      return Promise.resolve({
        kind: 'declined',
        code: 'INICIS_LOOKUP_UNSUPPORTED',
        message:
          'INIStdPay documents no look-up of a payment by order: uncertain approvals are net-cancelled',
      });
    },

    cancel: refund,

    async netCancel(request) {
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

    parseWebhook() {
      return rejectWebhook(
        'KG Inicis sends no webhooks Jangteo uses (card payments are approved by the shop itself)',
        'not used',
      );
    },

    parseReturn(request) {
      return parseInicisReturn(
        request,
        config.mid,
        (params) => !!allowedUrl(params, 'payAuth') && !!allowedUrl(params, 'netCancel'),
      );
    },
  };
}
