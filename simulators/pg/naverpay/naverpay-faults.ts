import { checkCountedKnobs, type CountedFault } from '../shared/counted-faults';

/**
 * Fault knobs of the NaverPay simulator (POST /__sim/faults with `pg: "naverpay"`, or the `faults`
 * option). Counted faults apply to the next `times` matching calls (default: approve), then disarm.
 */
export type NaverPayOperation = 'reserve' | 'approve' | 'cancel' | 'history';
const OPERATIONS: readonly NaverPayOperation[] = ['reserve', 'approve', 'cancel', 'history'];

type Counted = CountedFault<NaverPayOperation>;

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
  checkCountedKnobs(input, {
    pg: 'NaverPay',
    knobs: KNOBS,
    counted: ['transient', 'timeout', 'loseResponse', 'forge'],
    operations: OPERATIONS,
  });
  const faults = input as NaverPayFaults;
  if (faults.forge && !['merchantPayKey', 'totalPayAmount', 'paymentId'].includes(faults.forge.field))
    throw new Error('forge.field must be merchantPayKey, totalPayAmount or paymentId');
  return faults;
}
