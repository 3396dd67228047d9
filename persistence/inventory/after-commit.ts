import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from 'typeorm';

type Callback = () => Promise<void>;

const pending = new WeakMap<QueryRunner, Callback[]>();
const installedOn = new WeakSet<DataSource>();

/** Runs the callbacks a transaction queued once it commits; drops them when it rolls back. */
class AfterCommitSubscriber implements EntitySubscriberInterface {
  constructor(private readonly onError: (error: unknown) => void) {}

  afterTransactionCommit(event: { queryRunner: QueryRunner }) {
    const callbacks = pending.get(event.queryRunner);
    if (!callbacks || event.queryRunner.isTransactionActive) return;
    pending.delete(event.queryRunner);
    for (const callback of callbacks) void callback().catch(this.onError);
  }

  afterTransactionRollback(event: { queryRunner: QueryRunner }) {
    if (!event.queryRunner.isTransactionActive) pending.delete(event.queryRunner);
  }
}

/**
 * Runs `callback` after the transaction `manager` belongs to has committed (at once when there is
 * none). Work outside the database (starting workflows, cache invalidation) must not run for a
 * transaction that may still roll back, and a caller such as ordering may own the transaction.
 */
export function afterCommit(
  manager: EntityManager,
  callback: Callback,
  onError: (error: unknown) => void,
): void {
  const runner = manager.queryRunner;
  if (!runner || !runner.isTransactionActive) {
    void callback().catch(onError);
    return;
  }
  const dataSource = manager.connection;
  if (!installedOn.has(dataSource)) {
    installedOn.add(dataSource);
    (dataSource.subscribers as EntitySubscriberInterface[]).push(new AfterCommitSubscriber(onError));
  }
  const list = pending.get(runner) ?? [];
  list.push(callback);
  pending.set(runner, list);
}
