import { checkCountedKnobs, type CountedFault } from '../shared/counted-faults';

/**
 * Fault knobs of the KakaoPay simulator (POST /__sim/faults with `pg: "kakaopay"`, or the `faults`
 * option). Counted faults apply to the next `times` matching calls (default: approve), then disarm.
 */
export type KakaoPayOperation = 'ready' | 'approve' | 'cancel' | 'order';
const OPERATIONS: readonly KakaoPayOperation[] = ['ready', 'approve', 'cancel', 'order'];

type Counted = CountedFault<KakaoPayOperation>;

export interface KakaoPayFaults {
  /** Delay every API response by this many ms. */
  latencyMs?: number;
  /** Next approve(s) fail with -780 and this method result (payment becomes FAIL_PAYMENT). */
  decline?: { methodResultCode?: string; message?: string; times?: number };
  /** Next call(s) do nothing and answer -780/-781 USER_LOCKED (or a 500 with `status: 500`). */
  transient?: Counted & { status?: number };
  /** Next call(s) hang for `hangMs`; the operation is still done unless `process: false`. */
  timeout?: Counted & { hangMs?: number; process?: boolean };
  /** Next call(s) are done, then the answer is lost: connection dropped (`drop`) or a 500 (`error`). */
  loseResponse?: Counted & { mode?: 'drop' | 'error' };
  /** Next answer(s) are done but describe something else: another order, amount or tid (a wrong answer the shop must refuse). */
  forge?: Counted & { field: 'partner_order_id' | 'amount' | 'tid' };
}

const KNOBS = ['latencyMs', 'decline', 'transient', 'timeout', 'loseResponse', 'forge'] as const;

export function validateKakaoPayFaults(input: Record<string, unknown>): KakaoPayFaults {
  checkCountedKnobs(input, {
    pg: 'KakaoPay',
    knobs: KNOBS,
    counted: ['transient', 'timeout', 'loseResponse', 'forge'],
    operations: OPERATIONS,
  });
  const faults = input as KakaoPayFaults;
  if (faults.forge && !['partner_order_id', 'amount', 'tid'].includes(faults.forge.field))
    throw new Error('forge.field must be partner_order_id, amount or tid');
  return faults;
}
