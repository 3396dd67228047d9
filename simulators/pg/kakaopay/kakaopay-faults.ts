/**
 * Fault knobs of the KakaoPay simulator (POST /__sim/faults with `pg: "kakaopay"`, or the `faults`
 * option). Counted faults apply to the next `times` matching calls (default: approve), then disarm.
 */
export type KakaoPayOperation = 'ready' | 'approve' | 'cancel' | 'order';
const OPERATIONS: readonly KakaoPayOperation[] = ['ready', 'approve', 'cancel', 'order'];

interface Counted {
  times?: number;
  operation?: KakaoPayOperation;
}

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
  for (const key of Object.keys(input))
    if (!(KNOBS as readonly string[]).includes(key))
      throw new Error(`unknown KakaoPay fault "${key}" (known: ${KNOBS.join(', ')})`);
  const faults = input as KakaoPayFaults;
  if (faults.latencyMs !== undefined && !(Number.isFinite(faults.latencyMs) && faults.latencyMs >= 0))
    throw new Error('latencyMs must be a number ≥ 0');
  for (const name of ['transient', 'timeout', 'loseResponse', 'forge'] as const) {
    const operation = faults[name]?.operation;
    if (operation !== undefined && !OPERATIONS.includes(operation))
      throw new Error(`${name}.operation must be one of ${OPERATIONS.join(', ')}`);
  }
  if (faults.forge && !['partner_order_id', 'amount', 'tid'].includes(faults.forge.field))
    throw new Error('forge.field must be partner_order_id, amount or tid');
  return faults;
}

/** Takes one use of a counted fault if it applies to `operation`; returns it when it fires. */
export function takeKakaoPayFault<N extends 'decline' | 'transient' | 'timeout' | 'loseResponse' | 'forge'>(
  faults: KakaoPayFaults,
  name: N,
  operation: KakaoPayOperation,
): KakaoPayFaults[N] | undefined {
  const fault = faults[name] as (Counted & { times?: number }) | undefined;
  if (!fault) return undefined;
  const applies = name === 'decline' ? operation === 'approve' : (fault.operation ?? 'approve') === operation;
  if (!applies) return undefined;
  const remaining = (fault.times ?? 1) - 1;
  if (remaining <= 0) delete faults[name];
  else fault.times = remaining;
  return fault as KakaoPayFaults[N];
}
