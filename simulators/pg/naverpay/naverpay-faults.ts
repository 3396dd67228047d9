/**
 * Fault knobs of the NaverPay simulator (POST /__sim/faults with `pg: "naverpay"`, or the `faults`
 * option). Counted faults apply to the next `times` matching calls (default: approve), then disarm.
 */
export type NaverPayOperation = 'reserve' | 'approve' | 'cancel' | 'history';
const OPERATIONS: readonly NaverPayOperation[] = ['reserve', 'approve', 'cancel', 'history'];

interface Counted {
  times?: number;
  operation?: NaverPayOperation;
}

export interface NaverPayFaults {
  /** Delay every API response by this many ms. */
  latencyMs?: number;
  /** Next approve(s) are refused with this code (payment fails; history shows admissionState FAIL). */
  decline?: { code?: string; message?: string; times?: number };
  /** Next call(s) do nothing: HTTP 200 `{code: "MaintenanceOngoing"}` by default, or a bare 500 with `status: 500`. */
  transient?: Counted & { code?: string; status?: number };
  /** Next call(s) hang for `hangMs`; the operation is still done unless `process: false`. */
  timeout?: Counted & { hangMs?: number; process?: boolean };
  /** Next call(s) are done, then the answer is lost: connection dropped (`drop`) or a 500 (`error`). */
  loseResponse?: Counted & { mode?: 'drop' | 'error' };
  /** Next answer(s) are done but describe something else (a wrong answer the shop must refuse). */
  forge?: Counted & { field: 'merchantPayKey' | 'totalPayAmount' | 'paymentId' };
}

const KNOBS = ['latencyMs', 'decline', 'transient', 'timeout', 'loseResponse', 'forge'] as const;

export function validateNaverPayFaults(input: Record<string, unknown>): NaverPayFaults {
  for (const key of Object.keys(input))
    if (!(KNOBS as readonly string[]).includes(key))
      throw new Error(`unknown NaverPay fault "${key}" (known: ${KNOBS.join(', ')})`);
  const faults = input as NaverPayFaults;
  if (faults.latencyMs !== undefined && !(Number.isFinite(faults.latencyMs) && faults.latencyMs >= 0))
    throw new Error('latencyMs must be a number ≥ 0');
  for (const name of ['transient', 'timeout', 'loseResponse', 'forge'] as const) {
    const operation = faults[name]?.operation;
    if (operation !== undefined && !OPERATIONS.includes(operation))
      throw new Error(`${name}.operation must be one of ${OPERATIONS.join(', ')}`);
  }
  if (faults.forge && !['merchantPayKey', 'totalPayAmount', 'paymentId'].includes(faults.forge.field))
    throw new Error('forge.field must be merchantPayKey, totalPayAmount or paymentId');
  return faults;
}

/** Takes one use of a counted fault if it applies to `operation`; returns it when it fires. */
export function takeNaverPayFault<N extends 'decline' | 'transient' | 'timeout' | 'loseResponse' | 'forge'>(
  faults: NaverPayFaults,
  name: N,
  operation: NaverPayOperation,
): NaverPayFaults[N] | undefined {
  const fault = faults[name] as Counted | undefined;
  if (!fault) return undefined;
  const applies = name === 'decline' ? operation === 'approve' : (fault.operation ?? 'approve') === operation;
  if (!applies) return undefined;
  const remaining = (fault.times ?? 1) - 1;
  if (remaining <= 0) delete faults[name];
  else fault.times = remaining;
  return fault as NaverPayFaults[N];
}
