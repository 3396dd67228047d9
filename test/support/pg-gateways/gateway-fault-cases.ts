import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AttemptLimits, AttemptOutcome, PgReturn } from '../../../domain/payment';

/**
 * The PG adapter tests' table of faults: each case authenticates a payment, sets the simulator's
 * fault knobs, runs the attempt rules over the adapter and checks what came out. One body, a table
 * of cases per PG.
 */

export interface AuthenticatedPayment {
  orderId: string;
  pgReturn: PgReturn;
}

export interface FaultHarness<A extends AuthenticatedPayment> {
  authenticated(amount: number): Promise<A>;
  faults(knobs: Record<string, unknown>): void;
  attempt(payment: A, amount: number, limits?: AttemptLimits): Promise<AttemptOutcome>;
  /** Approve calls the simulator received in this test. */
  approveCalls(): number;
}

export interface FaultCase<A extends AuthenticatedPayment> {
  title: string;
  amount: number;
  faults: Record<string, unknown>;
  limits?: AttemptLimits;
  status: AttemptOutcome['status'];
  recoveredByLookup?: boolean;
  reason?: string;
  code?: string;
  message?: string;
  /** `call:result:code` (a look-up: `call:result:status`) of every step. */
  steps?: string[];
  /** `call:result` of every step. */
  bareSteps?: string[];
  firstStepCode?: string;
  approveCalls?: number;
  /** What else the PG shows afterwards. */
  then?: (outcome: AttemptOutcome, payment: A) => unknown;
}

const fieldOf = (outcome: AttemptOutcome, name: string) =>
  (outcome as unknown as Record<string, unknown>)[name];

export function faultCaseTests<A extends AuthenticatedPayment>(
  pg: FaultHarness<A>,
  cases: readonly FaultCase<A>[],
): void {
  for (const c of cases)
    test(c.title, async () => {
      const payment = await pg.authenticated(c.amount);
      pg.faults(c.faults);
      const outcome = await pg.attempt(payment, c.amount, c.limits);
      assert.equal(outcome.status, c.status, JSON.stringify(outcome));
      for (const name of ['recoveredByLookup', 'reason', 'code', 'message'] as const)
        if (c[name] !== undefined) assert.equal(fieldOf(outcome, name), c[name], name);
      if (c.steps)
        assert.deepEqual(
          outcome.steps.map((s) => `${s.call}:${s.result}:${s.code ?? s.status ?? ''}`),
          c.steps,
        );
      if (c.bareSteps)
        assert.deepEqual(
          outcome.steps.map((s) => `${s.call}:${s.result}`),
          c.bareSteps,
        );
      if (c.firstStepCode !== undefined) assert.equal(outcome.steps[0]?.code, c.firstStepCode);
      if (c.approveCalls !== undefined) assert.equal(pg.approveCalls(), c.approveCalls, 'approve calls');
      await c.then?.(outcome, payment);
    });
}
