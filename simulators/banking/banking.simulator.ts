import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { serveApp, type ServedSimulator } from '../shared/serve-app';
import { mountSimulatorControls } from '../shared/sim-controls';

/**
 * A firm-banking (펌뱅킹) transfer service shaped after the KFTC Open Banking API that Korean
 * platforms use to pay sellers: an OAuth client-credentials token (scope `oob`), 입금이체 by
 * account number and 이체결과조회. Written from the contract in docs/settlement.md; imports nothing
 * from the shop.
 *
 *   POST /oauth/2.0/token                 form: client_id, client_secret, scope=oob, grant_type=client_credentials
 *   POST /v2.0/transfer/deposit/acnt_num  Bearer; one transfer per req_list item, keyed by bank_tran_id
 *   POST /v2.0/transfer/result            Bearer; looks a transfer up by org_bank_tran_id + org_bank_tran_date
 *   GET  /__sim/transfers                 every transfer executed (for tests and developers)
 *   GET|POST /__sim/faults, POST /reset   fault knobs and reset
 *
 * Codes: rsp_code A0000 with bank_rsp_code 000 = paid; A0002 = the bank refused (bank_rsp_code says
 * why; 804 = no such transfer on a look-up); A0001 = the centre could not process (retry); O0001 =
 * bad credentials or token. A second request with a bank_tran_id already executed is answered with
 * the first answer and moves no money (idempotent by bank_tran_id).
 */
export interface BankingSimulatorOptions {
  clientId?: string;
  clientSecret?: string;
  /** 이용기관코드: every bank_tran_id starts with it followed by `U`. */
  orgCode?: string;
  /** The platform's contracted withdrawal account (cntr_account_num) and its pass phrase. */
  contractAccount?: string;
  passPhrase?: string;
  /** Known receiving accounts (account number → holder); when non-empty, others are refused as 400. */
  accounts?: Record<string, string>;
  now?: () => Date;
}

export interface BankingFaults {
  latencyMs: number;
  /** The next N transfer or look-up calls answer 503 A0001 without doing anything. */
  transient: number;
  /** The next N transfers are executed, then the connection is dropped before the answer. */
  loseResponse: number;
  /** The next N transfers are executed and answered after this many ms (past the client's timeout). */
  hang: { times: number; ms: number };
  /** The next N transfers are refused by the receiving bank with this code. */
  refuse: { times: number; code: string; message: string };
  /** The next N look-ups answer 503. */
  lookupUnavailable: number;
}

export interface BankTransfer {
  bankTranId: string;
  bankTranDate: string;
  bankCode: string;
  accountNum: string;
  holder: string;
  amount: number;
  printContent: string;
  reqClientNum: string;
  executedAt: string;
  bankRspCode: string;
  bankRspMessage: string;
}

export interface BankingCall {
  operation: 'token' | 'transfer' | 'result';
  bankTranId?: string;
  status: number;
  delivery: 'answered' | 'replayed' | 'dropped' | 'late' | 'failed';
}

const noFaults = (): BankingFaults => ({
  latencyMs: 0,
  transient: 0,
  loseResponse: 0,
  hang: { times: 0, ms: 0 },
  refuse: { times: 0, code: '400', message: '수취계좌 입금불능' },
  lookupUnavailable: 0,
});

export const BANKING_SIM_DEFAULTS = {
  clientId: 'jangteo-sandbox-client',
  clientSecret: 'jangteo-sandbox-secret',
  orgCode: 'M202400001',
  contractAccount: '1002345678901',
  passPhrase: 'NONE',
} as const;

type NodeEnv = { incoming?: { socket?: { destroy(): void } } };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** yyyyMMddHHmmss / yyyyMMdd in Korean time, as the bank writes them. */
function kst(now: Date): { dtime: string; date: string } {
  const t = new Date(now.getTime() + 9 * 3_600_000);
  const date = `${t.getUTCFullYear()}${pad(t.getUTCMonth() + 1)}${pad(t.getUTCDate())}`;
  return { date, dtime: `${date}${pad(t.getUTCHours())}${pad(t.getUTCMinutes())}${pad(t.getUTCSeconds())}` };
}
const masked = (account: string) =>
  `${account.slice(0, 3)}${'*'.repeat(Math.max(0, account.length - 6))}${account.slice(-3)}`;

export function createBankingSimulator(options: BankingSimulatorOptions = {}) {
  const config = { ...BANKING_SIM_DEFAULTS, ...options };
  const now = options.now ?? (() => new Date());
  const state = {
    tokens: new Set<string>(),
    transfers: new Map<string, BankTransfer>(),
    /** The first answer to each bank_tran_id, replayed to duplicates. */
    answers: new Map<string, unknown>(),
    calls: [] as BankingCall[],
    faults: noFaults(),
  };
  const hanging = new Set<() => void>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        hanging.delete(done);
        resolve();
      }
      hanging.add(done);
    });

  const app = new Hono();
  const envelope = (rsp_code: string, rsp_message: string) => {
    const at = kst(now());
    return {
      api_tran_id: randomBytes(10).toString('hex').toUpperCase(),
      api_tran_dtm: `${at.dtime}000`,
      rsp_code,
      rsp_message,
    };
  };

  app.post('/oauth/2.0/token', async (c) => {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const ok =
      form.client_id === config.clientId &&
      form.client_secret === config.clientSecret &&
      form.grant_type === 'client_credentials' &&
      form.scope === 'oob';
    state.calls.push({ operation: 'token', status: ok ? 200 : 401, delivery: 'answered' });
    if (!ok) return c.json({ rsp_code: 'O0001', rsp_message: '인증 요청 파라미터가 올바르지 않습니다' }, 401);
    const token = randomBytes(24).toString('base64url');
    state.tokens.add(token);
    return c.json({
      access_token: token,
      token_type: 'Bearer',
      expires_in: 7_776_000,
      scope: 'oob',
      client_use_code: config.orgCode,
    });
  });

  const authorized = (c: Context) => {
    const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
    return match !== null && state.tokens.has(match[1]!);
  };

  app.post('/v2.0/transfer/deposit/acnt_num', async (c) => {
    const call: BankingCall = { operation: 'transfer', status: 200, delivery: 'answered' };
    state.calls.push(call);
    if (!authorized(c)) {
      call.status = 401;
      return c.json(envelope('O0001', '유효하지 않은 토큰입니다'), 401);
    }
    if (state.faults.latencyMs) await sleep(state.faults.latencyMs);
    const body = (await c.req.json().catch(() => null)) as Record<string, unknown> | null;
    const item = Array.isArray(body?.req_list) ? (body!.req_list[0] as Record<string, unknown>) : undefined;
    const problem = validateTransfer(body, item);
    if (problem) {
      call.status = 400;
      return c.json(envelope('A0004', problem), 400);
    }
    const bankTranId = String(item!.bank_tran_id);
    call.bankTranId = bankTranId;
    const earlier = state.answers.get(bankTranId);
    if (earlier) {
      call.delivery = 'replayed';
      return c.json(earlier as object);
    }
    if (state.faults.transient > 0) {
      state.faults.transient -= 1;
      call.status = 503;
      call.delivery = 'failed';
      return c.json(envelope('A0001', '센터 처리 중 오류가 발생했습니다'), 503);
    }
    const answer = execute(body!, item!);
    state.answers.set(bankTranId, answer);
    if (state.faults.hang.times > 0) {
      state.faults.hang.times -= 1;
      call.delivery = 'late';
      await sleep(state.faults.hang.ms);
    }
    if (state.faults.loseResponse > 0) {
      state.faults.loseResponse -= 1;
      const socket = (c.env as NodeEnv | undefined)?.incoming?.socket;
      call.delivery = 'dropped';
      socket?.destroy();
      return c.body(null, 500);
    }
    return c.json(answer);
  });

  function validateTransfer(
    body: Record<string, unknown> | null,
    item: Record<string, unknown> | undefined,
  ): string | null {
    if (!body || !item) return 'req_list 가 없습니다';
    if (body.cntr_account_type !== 'N' || body.cntr_account_num !== config.contractAccount)
      return '약정 계좌 정보가 올바르지 않습니다 (cntr_account_type, cntr_account_num)';
    if (body.wd_pass_phrase !== config.passPhrase) return '입금이체용 암호문구가 올바르지 않습니다';
    if (typeof body.tran_dtime !== 'string' || !/^\d{14}$/.test(body.tran_dtime))
      return 'tran_dtime 은 yyyyMMddHHmmss 입니다';
    if (body.req_cnt !== '1' || (body.req_list as unknown[]).length !== 1) return 'req_cnt 는 1 입니다';
    const id = item.bank_tran_id;
    if (typeof id !== 'string' || !new RegExp(`^${config.orgCode}U[0-9A-Z]{9}$`).test(id))
      return `bank_tran_id 는 ${config.orgCode}U + 영문대문자/숫자 9자리입니다`;
    if (typeof item.bank_code_std !== 'string' || !/^\d{3}$/.test(item.bank_code_std))
      return 'bank_code_std 는 3자리 은행코드입니다';
    if (typeof item.account_num !== 'string' || !/^\d{8,16}$/.test(item.account_num))
      return 'account_num 은 숫자입니다';
    if (typeof item.account_holder_name !== 'string' || item.account_holder_name.length === 0)
      return 'account_holder_name 이 없습니다';
    if (typeof item.tran_amt !== 'string' || !/^[1-9]\d{0,11}$/.test(item.tran_amt))
      return 'tran_amt 는 1원 이상의 정수 문자열입니다';
    if (typeof item.print_content !== 'string' || item.print_content.length === 0)
      return 'print_content 가 없습니다';
    return null;
  }

  function execute(body: Record<string, unknown>, item: Record<string, unknown>) {
    const at = kst(now());
    const accountNum = String(item.account_num);
    const holder = String(item.account_holder_name);
    let code = '000';
    let message = '정상처리';
    if (state.faults.refuse.times > 0) {
      state.faults.refuse.times -= 1;
      code = state.faults.refuse.code;
      message = state.faults.refuse.message;
    } else if (Object.keys(config.accounts ?? {}).length > 0) {
      const known = config.accounts![accountNum];
      if (known === undefined) [code, message] = ['400', '수취계좌 입금불능'];
      else if (known !== holder) [code, message] = ['551', '수취인 성명 불일치'];
    }
    const transfer: BankTransfer = {
      bankTranId: String(item.bank_tran_id),
      bankTranDate: at.date,
      bankCode: String(item.bank_code_std),
      accountNum,
      holder,
      amount: Number(item.tran_amt),
      printContent: String(item.print_content),
      reqClientNum: String(item.req_client_num ?? ''),
      executedAt: now().toISOString(),
      bankRspCode: code,
      bankRspMessage: message,
    };
    if (code === '000') state.transfers.set(transfer.bankTranId, transfer);
    return {
      ...envelope(code === '000' ? 'A0000' : 'A0002', code === '000' ? '처리 성공' : '참가기관 에러'),
      wd_bank_code_std: '088',
      wd_account_num_masked: masked(config.contractAccount),
      wd_print_content: String(body.wd_print_content ?? ''),
      res_cnt: '1',
      res_list: [resultItem(transfer, String(item.tran_no ?? '1'))],
    };
  }

  const resultItem = (transfer: BankTransfer, tranNo: string) => ({
    tran_no: tranNo,
    bank_tran_id: transfer.bankTranId,
    bank_tran_date: transfer.bankTranDate,
    bank_code_tran: transfer.bankCode,
    bank_rsp_code: transfer.bankRspCode,
    bank_rsp_message: transfer.bankRspMessage,
    bank_code_std: transfer.bankCode,
    account_num_masked: masked(transfer.accountNum),
    print_content: transfer.printContent,
    account_holder_name: transfer.holder,
    tran_amt: String(transfer.amount),
  });

  app.post('/v2.0/transfer/result', async (c) => {
    const call: BankingCall = { operation: 'result', status: 200, delivery: 'answered' };
    state.calls.push(call);
    if (!authorized(c)) {
      call.status = 401;
      return c.json(envelope('O0001', '유효하지 않은 토큰입니다'), 401);
    }
    if (state.faults.transient > 0 || state.faults.lookupUnavailable > 0) {
      if (state.faults.lookupUnavailable > 0) state.faults.lookupUnavailable -= 1;
      else state.faults.transient -= 1;
      call.status = 503;
      call.delivery = 'failed';
      return c.json(envelope('A0001', '센터 처리 중 오류가 발생했습니다'), 503);
    }
    const body = (await c.req.json().catch(() => null)) as Record<string, unknown> | null;
    const item = Array.isArray(body?.req_list) ? (body!.req_list[0] as Record<string, unknown>) : undefined;
    if (body?.check_type !== '2' || !item || typeof item.org_bank_tran_id !== 'string') {
      call.status = 400;
      return c.json(
        envelope('A0004', 'check_type 2(입금이체)와 req_list[0].org_bank_tran_id 가 필요합니다'),
        400,
      );
    }
    call.bankTranId = item.org_bank_tran_id;
    const transfer = state.transfers.get(item.org_bank_tran_id);
    if (!transfer || transfer.bankTranDate !== item.org_bank_tran_date) {
      return c.json({
        ...envelope('A0002', '참가기관 에러'),
        res_cnt: '1',
        res_list: [
          {
            tran_no: String(item.tran_no ?? '1'),
            bank_tran_id: item.org_bank_tran_id,
            bank_rsp_code: '804',
            bank_rsp_message: '원거래 없음',
          },
        ],
      });
    }
    return c.json({
      ...envelope('A0000', '처리 성공'),
      res_cnt: '1',
      res_list: [resultItem(transfer, String(item.tran_no ?? '1'))],
    });
  });

  app.get('/__sim/transfers', (c) => c.json({ transfers: [...state.transfers.values()] }));
  app.get('/__sim/calls', (c) => c.json({ calls: state.calls }));
  mountSimulatorControls<BankingFaults>(app, {
    faults: () => state.faults,
    setFaults: (changes) => {
      state.faults = { ...state.faults, ...changes };
      return state.faults;
    },
    reset: () => {
      for (const wake of [...hanging]) wake();
      state.tokens.clear();
      state.transfers.clear();
      state.answers.clear();
      state.calls.length = 0;
      state.faults = noFaults();
    },
    webhookDeliveries: () => [],
  });
  app.get('/', (c) => c.json({ simulator: 'jangteo-firm-banking', orgCode: config.orgCode }));

  return {
    app,
    state,
    config,
    /** Listen on a port (0 = any free port). */
    async start(port = 0, hostname = '127.0.0.1'): Promise<ServedSimulator> {
      const served = await serveApp(app, port, hostname);
      return {
        ...served,
        close: async () => {
          for (const wake of [...hanging]) wake();
          await served.close();
        },
      };
    },
  };
}

export type BankingSimulator = ReturnType<typeof createBankingSimulator>;
