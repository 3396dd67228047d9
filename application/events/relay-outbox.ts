import type { Log } from '../../domain/shared/log';
import type { EventBus, OutboxRelayStore } from '../../domain/shared/outbox-relay';

export interface RelayDeps {
  store: OutboxRelayStore;
  bus: EventBus;
  logger: Log;
  now: () => Date;
  /** Events per batch (default 200). */
  batchSize?: number;
  /** How soon a relay looks again after finding events (default 100 ms). */
  pollIntervalMs?: number;
  /** Each empty look doubles the wait up to this (default 400 ms): idle, it costs a few statements a second. */
  idlePollIntervalMs?: number;
  /** outbox_relay_lag_seconds: the age of the oldest unpublished event, 0 when none. */
  reportLag?: (seconds: number) => void;
  /** outbox_events_published_total. */
  countPublished?: (count: number) => void;
}

/**
 * Moves events from the outbox to the bus (docs/events.md#the-relay): the oldest unpublished batch
 * is published, then marked. A crash in between publishes the batch again (at least once). Runs
 * until `stop()`, which lets the batch in hand finish.
 */
export class OutboxRelay {
  private running = false;
  private stopping = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private woken = false;

  constructor(private readonly deps: RelayDeps) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    this.loop = this.run();
  }

  /** New events were committed in this process: look now rather than at the next poll. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.stopping = true;
    this.wakeUp?.();
    await this.loop;
  }

  /** One pass: publishes batches until none is left (or another replica holds the turn); returns the count. */
  async relayPending(): Promise<number> {
    const batchSize = this.deps.batchSize ?? 200;
    let total = 0;
    let drained = false;
    try {
      for (;;) {
        const { claimed, published } = await this.deps.store.relayBatch(batchSize, (entries) =>
          this.deps.bus.publish(entries),
        );
        total += published;
        if (published > 0) this.deps.countPublished?.(published);
        drained = claimed && published < batchSize;
        if (!claimed || published < batchSize || this.stopping) break;
      }
    } finally {
      // Drained, nothing is waiting: no need to ask. Also after a failed batch, or while another
      // replica holds the turn, the lag is measured: that is exactly when it must show.
      if (drained) this.deps.reportLag?.(0);
      else await this.reportLag().catch(() => undefined);
    }
    return total;
  }

  private async reportLag(): Promise<void> {
    if (!this.deps.reportLag) return;
    const oldest = await this.deps.store.oldestUnpublishedAt();
    this.deps.reportLag(oldest ? Math.max(0, (this.deps.now().getTime() - oldest.getTime()) / 1000) : 0);
  }

  private async run(): Promise<void> {
    let failures = 0;
    let emptyLooks = 0;
    while (this.running) {
      this.woken = false;
      try {
        emptyLooks = (await this.relayPending()) > 0 ? 0 : emptyLooks + 1;
        failures = 0;
      } catch (error) {
        failures++;
        this.deps.logger.error({ err: error, failures }, 'outbox relay failed; retrying');
      }
      if (!this.running || this.woken) continue;
      const interval = this.deps.pollIntervalMs ?? 100;
      const idle = Math.max(interval, this.deps.idlePollIntervalMs ?? 400);
      const wait =
        failures > 0
          ? Math.min(interval * 2 ** failures, 5000)
          : Math.min(interval * 2 ** Math.max(0, emptyLooks - 1), idle);
      await new Promise<void>((resume) => {
        const timer = setTimeout(resume, wait);
        this.wakeUp = () => {
          clearTimeout(timer);
          resume();
        };
      });
      this.wakeUp = null;
    }
  }
}
