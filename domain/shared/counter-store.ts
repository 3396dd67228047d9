/** Expiring counters and flags shared by every API process (Redis; memory when embedded). */
export interface CounterStore {
  /** Increments a counter, starting its time-to-live window on the first increment. */
  increment(key: string, ttlMs: number): Promise<number>;
  /** Milliseconds until the key expires, or null when it has no expiry or does not exist. */
  ttl(key: string): Promise<number | null>;
  set(key: string, value: string, ttlMs?: number): Promise<void>;
  delete(...keys: string[]): Promise<void>;
}
