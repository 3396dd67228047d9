import { checkKnobNames } from '../shared/counted-faults';

/**
 * Fault knobs of the Toss simulator (POST /__sim/faults with `pg: "toss"`, or the `faults` option).
 * Counted faults apply to the next `times` matching calls, then disarm themselves.
 */
export type TossOperation = 'confirm' | 'cancel' | 'lookup';

export interface TossFaults {
  /** Delay every API response by this many ms. */
  latencyMs?: number;
  /** Next confirm(s) are declined with this Toss code (payment becomes ABORTED). */
  decline?: { code: string; message?: string; times?: number };
  /** Next call(s) fail without doing anything: default 500 FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING. */
  transient?: { times?: number; code?: string; status?: number; operation?: TossOperation };
  /** Next call(s) hang for `hangMs` (past the client's timeout); the operation is still done unless `process: false`. */
  timeout?: { times?: number; hangMs?: number; process?: boolean; operation?: TossOperation };
  /** Next call(s) are done, then the answer is lost: connection dropped (`drop`) or a 500 (`error`). */
  loseResponse?: { times?: number; mode?: 'drop' | 'error'; operation?: TossOperation };
  webhooks?: { duplicate?: boolean; outOfOrder?: boolean };
}

export function validateFaults(input: Record<string, unknown>): TossFaults {
  checkKnobNames(input, ['latencyMs', 'decline', 'transient', 'timeout', 'loseResponse', 'webhooks'], 'Toss');
  const faults = input as TossFaults;
  if (faults.latencyMs !== undefined && !(Number.isFinite(faults.latencyMs) && faults.latencyMs >= 0))
    throw new Error('latencyMs must be a number ≥ 0');
  if (faults.decline && typeof faults.decline.code !== 'string') throw new Error('decline.code is required');
  for (const name of ['transient', 'timeout', 'loseResponse'] as const) {
    const operation = faults[name]?.operation;
    if (operation !== undefined && !['confirm', 'cancel', 'lookup'].includes(operation))
      throw new Error(`${name}.operation must be confirm, cancel or lookup`);
  }
  return faults;
}
