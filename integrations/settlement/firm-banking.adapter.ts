import {
  settlementDigest,
  type PayoutGateway,
  type PayoutRequest,
  type PayoutResult,
} from '../../domain/settlement';
import { callVendor, koreanTimestamp, type SettlementHttpOutcome } from './settlement-http';

/**
 * Seller payouts through a firm-banking transfer API shaped after the KFTC Open Banking 입금이체
 * (contract and codes in docs/settlement.md): an OAuth client-credentials token (scope `oob`),
 * then one transfer per settlement whose bank_tran_id (이용기관코드 + `U` + 9 characters) is
 * derived from the settlement id, so every retry presents the same transfer. An answer that does
 * not settle the outcome (timeout, dropped connection, 5xx, A0001) is followed by a look-up of that
 * bank_tran_id before anything else; still unknown → `unknown`, and the caller asks again later.
 */
export interface FirmBankingConfig {
  apiBaseUrl: string;
  clientId: string;
  clientSecret: string;
  /** 이용기관코드 (10 characters), the prefix of every bank_tran_id. */
  orgCode: string;
  /** The platform's contracted withdrawal account and its 입금이체용 암호문구. */
  contractAccount: string;
  passPhrase: string;
  timeoutMs: number;
  fetch?: typeof fetch;
  now?: () => Date;
}

const SUCCESS = 'A0000';
const BANK_REFUSED = 'A0002';
const NO_SUCH_TRANSFER = '804';

interface ResultItem {
  bank_tran_id?: string;
  bank_rsp_code?: string;
  bank_rsp_message?: string;
  bank_tran_date?: string;
  tran_amt?: string;
}
interface TransferAnswer {
  rsp_code?: string;
  rsp_message?: string;
  res_list?: ResultItem[];
}

export interface FirmBankingGateway extends PayoutGateway {
  /** The bank_tran_id of a settlement's transfer. */
  transferIdFor(settlementId: string): string;
}

export function createFirmBankingGateway(config: FirmBankingConfig): FirmBankingGateway {
  const base = config.apiBaseUrl.replace(/\/+$/, '');
  const doFetch = config.fetch ?? fetch;
  const now = config.now ?? (() => new Date());
  let token: { value: string; expiresAt: number } | undefined;

  async function accessToken(refresh = false): Promise<string | { error: string }> {
    if (!refresh && token && token.expiresAt > now().getTime()) return token.value;
    const outcome = await callVendor(doFetch, `${base}/oauth/2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: config.clientId,
        client_secret: config.clientSecret,
        scope: 'oob',
        grant_type: 'client_credentials',
      }).toString(),
      timeoutMs: config.timeoutMs,
    });
    const body =
      outcome.kind === 'response' ? (outcome.json as Record<string, unknown> | undefined) : undefined;
    if (outcome.kind !== 'response' || outcome.status !== 200 || typeof body?.access_token !== 'string')
      return { error: describe(outcome) };
    const lifetimeMs = Number(body.expires_in ?? 3600) * 1000;
    token = { value: body.access_token, expiresAt: now().getTime() + Math.max(0, lifetimeMs - 60_000) };
    return token.value;
  }

  /** A call with the bearer token; one fresh token on a 401 (tokens are revoked or expire early). */
  async function post(
    path: string,
    body: unknown,
  ): Promise<SettlementHttpOutcome | { kind: 'no-token'; message: string }> {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const bearer = await accessToken(attempt > 0);
      if (typeof bearer !== 'string') return { kind: 'no-token', message: bearer.error };
      const outcome = await callVendor(doFetch, `${base}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json; charset=UTF-8' },
        body: JSON.stringify(body),
        timeoutMs: config.timeoutMs,
      });
      if (outcome.kind === 'response' && outcome.status === 401 && attempt === 0) continue;
      return outcome;
    }
    throw new Error('unreachable');
  }

  async function lookup(request: PayoutRequest): Promise<PayoutResult | { kind: 'absent' }> {
    const outcome = await post('/v2.0/transfer/result', {
      check_type: '2',
      tran_dtime: koreanTimestamp(now()).dtime,
      req_cnt: '1',
      req_list: [
        {
          tran_no: '1',
          org_bank_tran_id: request.transferId,
          org_bank_tran_date: koreanTimestamp(request.requestedAt).date,
          org_tran_amt: String(request.amount),
        },
      ],
    });
    if (outcome.kind !== 'response' || outcome.status !== 200)
      return { kind: 'unknown', code: 'LOOKUP_FAILED', message: describe(outcome) };
    const answer = (outcome.json ?? {}) as TransferAnswer;
    const item = answer.res_list?.[0];
    if (answer.rsp_code === SUCCESS && item?.bank_rsp_code === '000') return paid(request, answer, item);
    if (answer.rsp_code === BANK_REFUSED && item?.bank_rsp_code === NO_SUCH_TRANSFER)
      return { kind: 'absent' };
    if (answer.rsp_code === BANK_REFUSED && item?.bank_rsp_code)
      return refused(item.bank_rsp_code, item.bank_rsp_message, answer);
    return {
      kind: 'unknown',
      code: answer.rsp_code ?? 'LOOKUP_UNREADABLE',
      message: answer.rsp_message ?? '',
    };
  }

  const paid = (request: PayoutRequest, answer: TransferAnswer, item: ResultItem): PayoutResult => ({
    kind: 'paid',
    transferId: item.bank_tran_id ?? request.transferId,
    paidAt: now(),
    vendorCode: `${SUCCESS}/${item.bank_rsp_code}`,
    raw: answer,
  });
  const refused = (code: string, message: string | undefined, raw: unknown): PayoutResult => ({
    kind: 'refused',
    code: `BANK_${code}`,
    message: message ?? 'the receiving bank refused the transfer',
    raw,
  });

  return {
    transferIdFor: (settlementId) => `${config.orgCode}U${settlementDigest(settlementId, 9)}`,

    async transfer(request) {
      if (request.resumed) {
        // An earlier attempt may have moved the money: ask before sending again.
        const known = await lookup(request);
        if (known.kind !== 'absent') return known;
      }
      const at = koreanTimestamp(now());
      const outcome = await post('/v2.0/transfer/deposit/acnt_num', {
        cntr_account_type: 'N',
        cntr_account_num: config.contractAccount,
        wd_pass_phrase: config.passPhrase,
        wd_print_content: request.printContent,
        name_check_option: 'on',
        tran_dtime: at.dtime,
        req_cnt: '1',
        req_list: [
          {
            tran_no: '1',
            bank_tran_id: request.transferId,
            bank_code_std: request.account.bankCode,
            account_num: request.account.accountNumber,
            account_holder_name: request.account.holder,
            print_content: request.printContent,
            tran_amt: String(request.amount),
            req_client_name: request.printContent,
            req_client_num: request.clientReference.replaceAll('-', '').slice(0, 20),
            transfer_purpose: 'TR',
          },
        ],
      });
      if (outcome.kind === 'response' && outcome.status === 200) {
        const answer = (outcome.json ?? {}) as TransferAnswer;
        const item = answer.res_list?.[0];
        if (answer.rsp_code === SUCCESS && item?.bank_rsp_code === '000') return paid(request, answer, item);
        if (answer.rsp_code === BANK_REFUSED && item?.bank_rsp_code)
          return refused(item.bank_rsp_code, item.bank_rsp_message, answer);
      } else if (outcome.kind === 'response' && outcome.status === 400) {
        const answer = (outcome.json ?? {}) as TransferAnswer;
        // The centre refused the request itself: sending it again cannot succeed.
        return {
          kind: 'refused',
          code: answer.rsp_code ?? 'HTTP_400',
          message: answer.rsp_message ?? 'bad transfer request',
          raw: answer,
        };
      }
      const known = await lookup(request);
      if (known.kind === 'absent')
        return {
          kind: 'unknown',
          code: 'NOT_CONFIRMED',
          message: `transfer not confirmed: ${describe(outcome)}`,
        };
      return known;
    },
  };
}

function describe(outcome: SettlementHttpOutcome | { kind: 'no-token'; message: string }): string {
  if (outcome.kind === 'transport') return `${outcome.code}: ${outcome.message}`;
  if (outcome.kind === 'no-token') return `no access token: ${outcome.message}`;
  const body = (outcome.json ?? {}) as { rsp_code?: string; rsp_message?: string };
  return `HTTP ${outcome.status} ${body.rsp_code ?? ''} ${body.rsp_message ?? ''}`.trim();
}
