import { Hono } from 'hono';
import type { PgSimulatorModule, Sleeper } from '../sim-module';
import type { faultControls } from './counted-faults';

/**
 * The simulator module of a PG that sends Jangteo no webhooks (KakaoPay and NaverPay single
 * payments, Inicis as Jangteo uses it): its fault knobs, a read-out of what it holds, and a reset
 * that releases hanging calls, forgets everything and puts the start knobs back.
 */
export function moduleWithoutWebhooks<S extends { calls: unknown[] }>(parts: {
  name: string;
  state: S;
  api: Hono;
  sandbox: Hono;
  knobs: ReturnType<typeof faultControls>;
  sleeper: Sleeper;
  /** Read-out for GET /__sim/payments. */
  payments: () => unknown[];
  /** Forget every payment and window the PG holds (the call log and the knobs are reset here). */
  forget: () => void;
}): PgSimulatorModule & { readonly state: S } {
  const { state, knobs, sleeper } = parts;
  return {
    name: parts.name,
    state,
    api: parts.api,
    sandbox: parts.sandbox,
    control: new Hono(),
    setFaults: knobs.setFaults,
    faults: knobs.faults,
    payments: parts.payments,
    webhooks: () => [],
    flushWebhooks: () => Promise.resolve(0),
    configure() {
      // No webhooks: nothing to configure.
    },
    reset() {
      sleeper.wakeAll();
      parts.forget();
      state.calls.length = 0;
      knobs.restoreFaults();
    },
    close() {
      sleeper.wakeAll();
    },
  };
}
