/**
 * Fire-and-forget messages between the processes of one deployment (live chat delivery). Redis
 * pub/sub in production, in memory in the embedded mode. Nothing is stored: a process that is not
 * listening misses the message, so the database stays the record and listeners catch up from it.
 */
export interface PubSub {
  publish(channel: string, message: string): Promise<void>;
  /** Resolves once the subscription is active; call the returned function to stop. */
  subscribe(channel: string, handler: (message: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
