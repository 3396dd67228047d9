import type { Sleeper } from '../sim-module';

/**
 * NicePay webhook delivery (docs/vendors/nicepay.md#webhooks): POST `application/json;charset=utf-8` with the
 * approve-answer body; only HTTP 200 with the body text `OK` counts as delivered. NicePay documents
 * manual resends from its admin screen, not automatic retries, so the default schedule retries
 * nothing; `retryDelaysMs` can add retries, and POST /__sim/nicepay/webhooks/resend resends by hand.
 */
export interface NicepayWebhookDelivery {
  deliveryId: number;
  tid: string;
  orderId: string;
  status: string;
  attempt: number;
  responseStatus: number | null;
  responseBody?: string;
  /** Delivered in NicePay's sense: 200 and `OK`. */
  accepted: boolean;
  error?: string;
  at: string;
  body: Record<string, unknown>;
}

export class NicepayWebhookSender {
  readonly deliveries: NicepayWebhookDelivery[] = [];
  private sequence = 0;
  private closed = false;
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly options: {
      url: () => string | undefined;
      retryDelaysMs: () => number[];
      sleeper: Sleeper;
      now: () => Date;
    },
  ) {}

  send(body: Record<string, unknown>, copies = 1): void {
    if (!this.options.url()) return;
    for (let i = 0; i < copies; i += 1) {
      const delivery = this.deliver(body).finally(() => this.pending.delete(delivery));
      this.pending.add(delivery);
    }
  }

  /** Waits until every delivery started so far has ended. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  reset(): void {
    this.deliveries.length = 0;
  }

  close(): void {
    this.closed = true;
  }

  private async deliver(body: Record<string, unknown>): Promise<void> {
    const deliveryId = ++this.sequence;
    const retries = this.options.retryDelaysMs();
    for (let attempt = 1; attempt <= retries.length + 1 && !this.closed; attempt += 1) {
      const url = this.options.url();
      if (!url) return;
      const record: NicepayWebhookDelivery = {
        deliveryId,
        tid: String(body.tid),
        orderId: String(body.orderId),
        status: String(body.status),
        attempt,
        responseStatus: null,
        accepted: false,
        at: this.options.now().toISOString(),
        body,
      };
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json;charset=utf-8' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(10_000),
        });
        record.responseStatus = response.status;
        record.responseBody = (await response.text().catch(() => '')).slice(0, 500);
        record.accepted = response.status === 200 && record.responseBody.trim() === 'OK';
      } catch (error) {
        record.error = error instanceof Error ? error.message : String(error);
      }
      this.deliveries.push(record);
      if (record.accepted) return;
      const delay = retries[attempt - 1];
      if (delay === undefined) return;
      await this.options.sleeper.sleep(delay);
    }
  }
}
