import type { Hono } from 'hono';

/**
 * One PG inside the simulator server. Each PG lives in its own folder (toss/, later nicepay/,
 * inicis/, kakaopay/, naverpay/) and is mounted under its own prefixes, because their APIs overlap
 * (Toss and NicePay both have /v1/payments/{id}):
 *   /<name>/…          the vendor API (the adapter's base URL points here)
 *   /sandbox/<name>/…  the buyer-facing payment window
 *   /__sim/<name>/…    PG-specific test controls (e.g. a virtual-account deposit)
 */
export interface PgSimulatorModule {
  readonly name: string;
  readonly api: Hono;
  readonly sandbox: Hono;
  readonly control: Hono;
  /** Merge fault knobs (body of POST /__sim/faults without `pg`). Throws on an invalid knob. */
  setFaults(faults: Record<string, unknown>): void;
  faults(): unknown;
  /** Read-out for GET /__sim/payments. */
  payments(): unknown[];
  /** Webhook deliveries so far. */
  webhooks(): unknown[];
  /** Deliver webhooks held back for out-of-order delivery (newest first). */
  flushWebhooks(): Promise<number>;
  configure(config: Record<string, unknown>): void;
  reset(): void;
  /** Stop timers and release hanging requests. */
  close(): void;
}

/** A sleep that `close()` can cut short (hanging requests must not keep a test process alive). */
export class Sleeper {
  private readonly pending = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();

  sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          this.pending.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      entry.timer.unref();
      this.pending.add(entry);
    });
  }

  wakeAll(): void {
    for (const entry of this.pending) {
      clearTimeout(entry.timer);
      entry.resolve();
    }
    this.pending.clear();
  }
}
