import type { Sleeper } from '../sim-module';

/**
 * Toss webhook delivery: POST JSON to the merchant's registered URL; only HTTP 200 counts as delivered;
 * otherwise up to 7 retries at +1, 4, 16, 64, 256, 1024, 4096 minutes (docs/vendors/toss.md#webhooks). The
 * schedule is configurable so tests can compress it. Knobs: duplicate delivery, and holding events back to
 * deliver them later newest-first (out of order).
 */
export const TOSS_WEBHOOK_RETRY_MINUTES = [1, 4, 16, 64, 256, 1024, 4096];

export interface WebhookDeliveryRecord {
  deliveryId: number;
  eventType: string;
  orderId: string;
  status: string;
  attempt: number;
  responseStatus: number | null;
  error?: string;
  at: string;
  body: unknown;
}

export interface WebhookSenderOptions {
  url: () => string | undefined;
  retryDelaysMs: number[];
  sleeper: Sleeper;
  now: () => Date;
  duplicate: () => boolean;
  outOfOrder: () => boolean;
}

export class TossWebhookSender {
  readonly deliveries: WebhookDeliveryRecord[] = [];
  private held: unknown[] = [];
  private sequence = 0;
  private closed = false;

  constructor(private readonly options: WebhookSenderOptions) {}

  send(body: {
    eventType?: string;
    orderId?: string;
    status?: string;
    data?: { orderId?: string; status?: string };
  }): void {
    if (!this.options.url()) return;
    if (this.options.outOfOrder()) {
      this.held.push(body);
      return;
    }
    this.dispatch(body);
  }

  /** Deliver held events newest first. */
  async flush(): Promise<number> {
    const events = this.held.reverse();
    this.held = [];
    for (const body of events) await this.deliver(body as Parameters<TossWebhookSender['send']>[0]);
    return events.length;
  }

  reset(): void {
    this.held = [];
    this.deliveries.length = 0;
  }

  close(): void {
    this.closed = true;
  }

  private dispatch(body: Parameters<TossWebhookSender['send']>[0]): void {
    void this.deliver(body);
    if (this.options.duplicate()) void this.deliver(body);
  }

  private async deliver(body: Parameters<TossWebhookSender['send']>[0]): Promise<void> {
    const deliveryId = ++this.sequence;
    const eventType = body.eventType ?? 'DEPOSIT_CALLBACK';
    const orderId = body.data?.orderId ?? body.orderId ?? '';
    const status = body.data?.status ?? body.status ?? '';
    for (let attempt = 1; attempt <= this.options.retryDelaysMs.length + 1 && !this.closed; attempt += 1) {
      const url = this.options.url();
      if (!url) return;
      const record: WebhookDeliveryRecord = {
        deliveryId,
        eventType,
        orderId,
        status,
        attempt,
        responseStatus: null,
        at: this.options.now().toISOString(),
        body,
      };
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(10_000),
        });
        await response.arrayBuffer().catch(() => undefined);
        record.responseStatus = response.status;
      } catch (error) {
        record.error = error instanceof Error ? error.message : String(error);
      }
      this.deliveries.push(record);
      if (record.responseStatus === 200) return;
      const delay = this.options.retryDelaysMs[attempt - 1];
      if (delay === undefined) return;
      await this.options.sleeper.sleep(delay);
    }
  }
}
