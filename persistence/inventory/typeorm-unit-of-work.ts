import type { DataSource, EntityManager } from 'typeorm';
import type { Transaction, UnitOfWork } from '../../domain/shared/unit-of-work';
import { afterCommit } from './after-commit';

/** The EntityManager behind a domain transaction (the data source's own manager outside one). */
export function managerOf(dataSource: DataSource, tx?: Transaction): EntityManager {
  return tx ? (tx as unknown as EntityManager) : dataSource.manager;
}

/** A domain transaction is a TypeORM transaction's EntityManager, opaque to the layers above. */
export const asTransaction = (manager: EntityManager): Transaction => manager as unknown as Transaction;

export class TypeOrmUnitOfWork implements UnitOfWork {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(asTransaction(manager)));
  }

  afterCommit(tx: Transaction, callback: () => Promise<void>, onError: (error: unknown) => void): void {
    afterCommit(managerOf(this.dataSource, tx), callback, onError);
  }
}
