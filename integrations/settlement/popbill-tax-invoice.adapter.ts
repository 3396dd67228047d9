import { createHash, createHmac } from 'node:crypto';
import type { TaxInvoiceIssuer, TaxInvoiceRequest, TaxInvoiceResult } from '../../domain/settlement';
import { callVendor, type SettlementHttpOutcome } from './settlement-http';

/**
 * 전자세금계산서 through Popbill (docs/vendors/popbill.md): a LinkHub session token per member, then
 * 즉시발행 (`POST /Taxinvoice`, `X-HTTP-Method-Override: ISSUE`) keyed by the invoicerMgtKey the
 * settlement id fixes. Whatever does not say "issued" or "refused" plainly — a timeout, a dropped
 * connection, a 5xx, "key already in use" — is settled by reading the document back by its key.
 */
export interface PopbillConfig {
  /** `https://auth.linkhub.co.kr` (or the simulator). */
  authBaseUrl: string;
  /** `https://popbill.linkhub.co.kr`, `https://popbill-test.linkhub.co.kr` (or the simulator). */
  apiBaseUrl: string;
  serviceId: 'POPBILL' | 'POPBILL_TEST';
  linkId: string;
  /** Base64, as LinkHub hands it out. */
  secretKey: string;
  /** The platform's 사업자번호: the member that issues (the invoicer). */
  corpNum: string;
  /** Popbill user id of the member (`X-PB-UserID`), optional. */
  userId?: string;
  timeoutMs: number;
  fetch?: typeof fetch;
  now?: () => Date;
}

/** Popbill's "no document with this key" (popbill SDKs test for it); the other codes count as refusals. */
const NOT_FOUND = -11000005;

export function createPopbillTaxInvoiceIssuer(config: PopbillConfig): TaxInvoiceIssuer {
  const doFetch = config.fetch ?? fetch;
  const now = config.now ?? (() => new Date());
  const api = config.apiBaseUrl.replace(/\/+$/, '');
  let session: { token: string; expiresAt: number } | undefined;

  async function sessionToken(refresh = false): Promise<string | { error: string }> {
    if (!refresh && session && session.expiresAt > now().getTime()) return session.token;
    const uri = `/${config.serviceId}/Token`;
    const body = JSON.stringify({ access_id: config.corpNum, scope: ['member', '110'] });
    const xDate = now().toISOString();
    const target = `POST\n${createHash('sha256').update(body).digest('base64')}\n${xDate}\n2.0\n${uri}`;
    const signature = createHmac('sha256', Buffer.from(config.secretKey, 'base64'))
      .update(target)
      .digest('base64');
    const outcome = await callVendor(doFetch, `${config.authBaseUrl.replace(/\/+$/, '')}${uri}`, {
      method: 'POST',
      headers: {
        authorization: `LINKHUB ${config.linkId} ${signature}`,
        'x-lh-date': xDate,
        'x-lh-version': '2.0',
        'content-type': 'application/json',
      },
      body,
      timeoutMs: config.timeoutMs,
    });
    const json =
      outcome.kind === 'response' ? (outcome.json as Record<string, unknown> | undefined) : undefined;
    if (outcome.kind !== 'response' || outcome.status !== 200 || typeof json?.session_token !== 'string')
      return { error: describe(outcome) };
    const expiration = typeof json.expiration === 'string' ? Date.parse(json.expiration) : NaN;
    session = {
      token: json.session_token,
      // Renewed a minute early; 25 minutes when LinkHub gives no expiration.
      expiresAt: (Number.isNaN(expiration) ? now().getTime() + 26 * 60_000 : expiration) - 60_000,
    };
    return session.token;
  }

  async function call(
    method: 'GET' | 'POST',
    path: string,
    extra: { body?: unknown; override?: string } = {},
  ): Promise<SettlementHttpOutcome | { kind: 'no-token'; message: string }> {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const token = await sessionToken(attempt > 0);
      if (typeof token !== 'string') return { kind: 'no-token', message: token.error };
      const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'x-lh-version': '1.0' };
      if (config.userId) headers['x-pb-userid'] = config.userId;
      if (extra.override) headers['x-http-method-override'] = extra.override;
      if (extra.body !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
      const outcome = await callVendor(doFetch, `${api}${path}`, {
        method,
        headers,
        body: extra.body === undefined ? undefined : JSON.stringify(extra.body),
        timeoutMs: config.timeoutMs,
      });
      if (outcome.kind === 'response' && outcome.status === 401 && attempt === 0) continue;
      return outcome;
    }
    throw new Error('unreachable');
  }

  /** The document by its key: issued, absent, or unknown (Popbill could not be asked). */
  async function readBack(mgtKey: string): Promise<TaxInvoiceResult | { kind: 'absent' }> {
    const outcome = await call('GET', `/Taxinvoice/SELL/${encodeURIComponent(mgtKey)}`);
    if (outcome.kind === 'response') {
      const json = (outcome.json ?? {}) as {
        code?: number;
        ntsconfirmNum?: string;
        itemKey?: string;
        stateCode?: number;
      };
      if (outcome.status === 200 && json.itemKey)
        return { kind: 'issued', ntsConfirmNum: json.ntsconfirmNum || null, raw: json };
      if (json.code === NOT_FOUND) return { kind: 'absent' };
    }
    return { kind: 'unknown', code: 'POPBILL_LOOKUP_FAILED', message: describe(outcome) };
  }

  return {
    async issue(request: TaxInvoiceRequest) {
      const outcome = await call('POST', '/Taxinvoice', { body: document(request), override: 'ISSUE' });
      if (outcome.kind === 'response') {
        const json = (outcome.json ?? {}) as { code?: number; message?: string; ntsConfirmNum?: string };
        if (outcome.status === 200 && json.code === 1)
          return { kind: 'issued', ntsConfirmNum: json.ntsConfirmNum || null, raw: json };
        if (outcome.status >= 400 && outcome.status < 500 && typeof json.code === 'number') {
          // "Key already in use" (or anything else): an earlier attempt may have issued it.
          const known = await readBack(request.mgtKey);
          if (known.kind !== 'absent') return known;
          return {
            kind: 'rejected',
            code: `POPBILL_${json.code}`,
            message: json.message ?? 'refused',
            raw: json,
          };
        }
      }
      const known = await readBack(request.mgtKey);
      if (known.kind === 'absent')
        return { kind: 'unknown', code: 'POPBILL_NOT_CONFIRMED', message: describe(outcome) };
      return known;
    },
  };
}

/** The Taxinvoice body of a fee invoice (정발행, 정과금, 과세, 영수: the fee was deducted from the payout). */
function document(request: TaxInvoiceRequest) {
  const won = (value: number) => String(value);
  return {
    writeDate: request.writeDate,
    chargeDirection: '정과금',
    issueType: '정발행',
    purposeType: '영수',
    taxType: '과세',
    invoicerCorpNum: request.invoicer.corpNum,
    invoicerMgtKey: request.mgtKey,
    invoicerCorpName: request.invoicer.corpName,
    invoicerCEOName: request.invoicer.ceoName,
    invoicerAddr: request.invoicer.address,
    invoicerBizType: request.invoicer.bizType,
    invoicerBizClass: request.invoicer.bizClass,
    invoicerEmail: request.invoicer.email,
    invoiceeType: '사업자',
    invoiceeCorpNum: request.invoicee.corpNum,
    invoiceeCorpName: request.invoicee.corpName,
    invoiceeCEOName: request.invoicee.ceoName,
    ...(request.invoicee.email && { invoiceeEmail1: request.invoicee.email }),
    supplyCostTotal: won(request.supplyCost),
    taxTotal: won(request.tax),
    totalAmount: won(request.total),
    remark1: request.remark,
    detailList: [
      {
        serialNum: 1,
        purchaseDT: request.writeDate,
        itemName: request.itemName,
        qty: '1',
        unitCost: won(request.supplyCost),
        supplyCost: won(request.supplyCost),
        tax: won(request.tax),
      },
    ],
    forceIssue: false,
  };
}

function describe(outcome: SettlementHttpOutcome | { kind: 'no-token'; message: string }): string {
  if (outcome.kind === 'transport') return `${outcome.code}: ${outcome.message}`;
  if (outcome.kind === 'no-token') return `no LinkHub session: ${outcome.message}`;
  const json = (outcome.json ?? {}) as { code?: number; message?: string };
  return `HTTP ${outcome.status} ${json.code ?? ''} ${json.message ?? ''}`.trim();
}
