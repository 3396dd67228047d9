import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach } from 'node:test';
import {
  runPaymentAttempt,
  type AttemptLimits,
  type AttemptOperations,
  type AttemptOutcome,
  type PaymentGateway,
  type PgReturn,
} from '../../../domain/payment';
import {
  createPgSimulator,
  type PgSimulator,
  type PgSimulatorOptions,
  type RunningPgSimulator,
} from '../../../simulators/pg/pg.simulator';

/**
 * What the PG adapter tests (`*.gateway.test.ts`) share: the PG simulator on a free port, the
 * attempt rules with short waits, the attempt loop over an adapter, and the shop's webhook endpoint.
 */

/** The production rules with short waits, so a test walks 4 calls in milliseconds. */
export const FAST: AttemptLimits = {
  maxConfirmCalls: 4,
  timeBudgetMs: 10 * 60_000,
  retryDelaysMs: [5, 5, 5],
  lookupDelaysMs: [0, 5, 5, 5, 5, 5],
  maxLookupsPerAmbiguity: 6,
};

export interface SimulatorUnderTest {
  readonly simulator: PgSimulator;
  /** The running simulator's base URL (known once the suite's `before` hooks have run). */
  readonly url: string;
}

/**
 * Call inside a `describe`: starts the PG simulator before the suite, closes it after, resets it
 * before every test. Registered first, so the suite's own hooks run after these.
 */
export function startSimulator(options?: PgSimulatorOptions): SimulatorUnderTest {
  const simulator = createPgSimulator(options);
  let running: RunningPgSimulator | undefined;
  before(async () => {
    running = await simulator.start({ port: 0 });
  });
  after(() => running?.close());
  beforeEach(() => simulator.reset());
  return {
    simulator,
    get url() {
      if (!running) throw new Error('the PG simulator is not started yet');
      return running.url;
    },
  };
}

/** The PaymentAttempt rules over an adapter, as the workflow drives them, with real timers. */
export function runAttempt(
  gateway: PaymentGateway,
  attempt: { orderId: string; amount: number; limits?: AttemptLimits },
  calls: Pick<AttemptOperations, 'confirm' | 'lookup' | 'netCancel'>,
): Promise<AttemptOutcome> {
  return runPaymentAttempt(
    { ...calls, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), nowMs: () => Date.now() },
    {
      orderId: attempt.orderId,
      amount: attempt.amount,
      ambiguityResolution: gateway.capabilities.ambiguityResolution,
      limits: attempt.limits ?? FAST,
    },
  );
}

/** The attempt's net-cancel call: the first net-cancel key of the order, with the buyer's return if any. */
export function netCancelOf(
  gateway: PaymentGateway,
  orderId: string,
  reason: string,
  pgReturn?: PgReturn,
): AttemptOperations['netCancel'] {
  return () =>
    gateway.netCancel({
      orderId,
      ...(pgReturn && { pgReturn }),
      reason,
      idempotencyKey: `net-cancel:${orderId}:1`,
    });
}

export interface WebhookAck {
  status: number;
  contentType: string;
  body: string;
}

/**
 * The shop's webhook endpoint: records raw bodies and answers each delivery with `answer` (or the
 * default acknowledgement); `failNext` deliveries get a 500 and are not recorded.
 */
export class WebhookInbox {
  bodies: string[] = [];
  failNext = 0;
  answer?: (raw: string) => Promise<WebhookAck>;
  url = '';
  private server?: Server;

  constructor(
    private readonly path: string,
    private readonly defaultAck: WebhookAck,
  ) {}

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      let raw = '';
      request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      request.on('end', () => {
        if (this.failNext > 0) {
          this.failNext -= 1;
          response.writeHead(500).end();
          return;
        }
        this.bodies.push(raw);
        void (this.answer?.(raw) ?? Promise.resolve(this.defaultAck)).then((ack) =>
          response.writeHead(ack.status, { 'content-type': ack.contentType }).end(ack.body),
        );
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}${this.path}`;
  }

  async waitFor(count: number, timeoutMs = 3_000): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.bodies.length < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} webhooks, got ${this.bodies.length}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return this.bodies;
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Forget what came in and answer normally again (between tests). */
  clear(): void {
    this.bodies = [];
    this.failNext = 0;
    this.answer = undefined;
  }
}
