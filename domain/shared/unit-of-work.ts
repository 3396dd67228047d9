declare const transactionBrand: unique symbol;

/**
 * An open database transaction. Opaque outside persistence: a use case only hands it to the ports
 * that must write in it, so several contexts' writes commit together or not at all.
 */
export interface Transaction {
  readonly [transactionBrand]: true;
}

/** Where use cases open transactions. */
export interface UnitOfWork {
  /** Runs `work` in one transaction; anything it throws rolls every write of it back. */
  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /**
   * Runs `callback` once `tx` has committed, never when it rolls back: work outside the database
   * (starting workflows, refreshing caches) must not act on writes that may still vanish.
   */
  afterCommit(tx: Transaction, callback: () => Promise<void>, onError: (error: unknown) => void): void;
}

/** A write refused because a unique key is taken (a concurrent writer got there first). */
export class DuplicateKeyError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DuplicateKeyError';
  }
}
