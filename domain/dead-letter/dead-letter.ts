/**
 * Work that exhausted its retries, parked for an operator (table `dead_letters`): a payment attempt,
 * a refund the PG refused, a seller's settlement payout, a notification, a job. One per (kind, reference); the operator retries it (which starts the work
 * again) or resolves it by hand with a note.
 */
export type DeadLetterKind = 'payment' | 'refund' | 'settlement' | 'notification' | 'job' | 'projection';
export type DeadLetterStatus = 'OPEN' | 'RETRIED' | 'RESOLVED';

export interface DeadLetter {
  id: string;
  kind: DeadLetterKind;
  /** The business key, unique per kind (a payment attempt's workflow id `payment:<orderId>:<n>`). */
  reference: string;
  status: DeadLetterStatus;
  workflowId?: string;
  runId?: string;
  /** The work's input (ids and amounts), enough to start it again. */
  input: unknown;
  lastError: { code: string; message: string; reason?: string; [detail: string]: unknown };
  /** Tries made before it was parked. */
  attempts: number;
  createdAt: Date;
  resolvedAt?: Date;
  /** The operator (user id) who retried or resolved it. */
  resolvedBy?: string;
  /** Why it was resolved by hand, or what the retry started. */
  note?: string;
}

export interface DeadLetterPage {
  items: DeadLetter[];
  total: number;
}

export interface DeadLetterRepository {
  /** Parks the work; a second record of the same (kind, reference) returns the first. */
  record(letter: DeadLetter): Promise<{ letter: DeadLetter; created: boolean }>;
  get(id: string): Promise<DeadLetter | null>;
  list(filter: {
    kind?: DeadLetterKind;
    status?: DeadLetterStatus;
    page: number;
    size: number;
  }): Promise<DeadLetterPage>;
  /** OPEN → RETRIED or RESOLVED; false when it was no longer open. */
  close(
    id: string,
    change: { status: 'RETRIED' | 'RESOLVED'; by: string; at: Date; note?: string },
  ): Promise<boolean>;
}

/**
 * Starts a dead letter's work again and names the workflow; the same letter retried twice must find
 * that workflow rather than start a second one. Throws when it must not be retried.
 */
export type DeadLetterRetrier = (letter: DeadLetter) => Promise<{ workflowId: string; attempt?: number }>;
