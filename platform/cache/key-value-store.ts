/**
 * Ephemeral key-value storage for caches, rate limits and idempotency keys. Redis in production,
 * memory in the embedded mode; never the source of truth for business state.
 */
export interface KeyValueStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlMs?: number): Promise<void>;
  /** Stores the value only when the key is absent; true when this call stored it. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  /** Increments a counter, starting its time-to-live window on the first increment. */
  increment(key: string, ttlMs: number): Promise<number>;
  /** Milliseconds until the key expires, or null when it has no expiry or does not exist. */
  ttl(key: string): Promise<number | null>;
  delete(...keys: string[]): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
