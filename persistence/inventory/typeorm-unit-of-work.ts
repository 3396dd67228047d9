import type { DataSource, EntityManager } from 'typeorm';
import type { Transaction, UnitOfWork } from '../../domain/shared/unit-of-work';
import { afterCommit } from './after-commit';

/** The EntityManager behind a domain transaction (the data source's own manager outside one). */
export function managerOf(dataSource: DataSource, tx?: Transaction): EntityManager {
  return tx ? (tx as unknown as EntityManager) : dataSource.manager;
}

/** A domain transaction is a TypeORM transaction's EntityManager, opaque to the layers above. */
export const asTransaction = (manager: EntityManager): Transaction => manager as unknown as Transaction;

const DEADLOCK_RETRIES = 3;

/** MariaDB's ER_LOCK_DEADLOCK (1213): the transaction was rolled back and may simply run again. */
function isDeadlock(error: unknown): boolean {
  const driverError = (error as { driverError?: { errno?: number } } | null)?.driverError;
  return driverError?.errno === 1213;
}

export class TypeOrmUnitOfWork implements UnitOfWork {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Runs `work` in one transaction. MariaDB may pick it as the victim of a deadlock when many
   * buyers reserve the same SKU at once; it was rolled back whole, so it runs again (at most
   * DEADLOCK_RETRIES times) instead of failing the buyer's request.
   */
  async run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction((manager) => work(asTransaction(manager)));
      } catch (error) {
        if (attempt > DEADLOCK_RETRIES || !isDeadlock(error)) throw error;
        await new Promise((done) => setTimeout(done, attempt * 5 + Math.random() * 10));
      }
    }
  }

  afterCommit(tx: Transaction, callback: () => Promise<void>, onError: (error: unknown) => void): void {
    afterCommit(managerOf(this.dataSource, tx), callback, onError);
  }
}
