// A database of its own: files running beside this one write outbox rows that its relay would take.
import '../support/own-database';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { DataSource } from 'typeorm';
import { reliableHandler } from '../../application/events/dispatch-events';
import { OutboxRelay } from '../../application/events/relay-outbox';
import { projectionDeadLetterRetrier } from '../../application/events/retry-projection';
import { createInventory } from '../../contexts/inventory.context';
import type { DomainEvent, EventHandler, PublishedEvent } from '../../domain/shared/domain-event';
import { InProcessEventBus } from '../../integrations/events/in-process-event-bus';
import { createDataSource } from '../../persistence/data-source';
import { TypeOrmDeadLetterRepository } from '../../persistence/dead-letter/typeorm-dead-letter.repository';
import { TypeOrmUnitOfWork } from '../../persistence/inventory/typeorm-unit-of-work';
import { OutboxEventEntity } from '../../persistence/outbox/outbox-event.entity';
import { TypeOrmEventOutbox } from '../../persistence/outbox/typeorm-event-outbox';
import { TypeOrmOutboxRelayStore } from '../../persistence/outbox/typeorm-outbox-relay.store';
import { uuidv7 } from '../../platform/ids';
import { createMetrics } from '../../platform/observability/metrics';
import { openTestDataSource } from '../support/database';
import { dropOwnDatabase, prepareOwnDatabase } from '../support/own-database-setup';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

const event = (aggregateId: string, type = 'test.thing.changed'): DomainEvent => ({
  id: uuidv7(),
  type,
  aggregateType: 'thing',
  aggregateId,
  occurredAt: new Date(),
  payload: { aggregateId },
});

/** A handler that records what it applied, and counts what it saw twice instead of hiding it. */
function recorder(name = 'recorder', subscribesTo = ['test.*', 'inventory.*']) {
  const applied: PublishedEvent[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  const handler: EventHandler = {
    name,
    subscribesTo,
    async handle(events) {
      for (const e of events) {
        if (seen.has(e.id)) duplicates++;
        else applied.push(e);
        seen.add(e.id);
      }
    },
  };
  return { handler, applied, duplicates: () => duplicates };
}

/** A migrated database of either kind, and how to let go of it. */
interface OpenedDatabase {
  dataSource: DataSource;
  close(): Promise<void>;
}

async function openMariaDb(): Promise<OpenedDatabase> {
  await prepareOwnDatabase();
  const dataSource = await openTestDataSource();
  return {
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await dropOwnDatabase();
    },
  };
}

/** The embedded shop's database: a fresh SQLite file, every migration applied. */
async function openSqlite(): Promise<OpenedDatabase> {
  const directory = mkdtempSync(join(tmpdir(), 'jangteo-outbox-'));
  const dataSource = await createDataSource({
    kind: 'sqlite',
    path: join(directory, 'shop.sqlite'),
  }).initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return {
    dataSource,
    close: async () => {
      await dataSource.destroy();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

describeOutbox('MariaDB', openMariaDb);
describeOutbox('SQLite', openSqlite);

function describeOutbox(label: string, open: () => Promise<OpenedDatabase>) {
  describe(`the transactional outbox and its relay (${label})`, () => {
    let database: OpenedDatabase;
    let dataSource: DataSource;
    let outbox: TypeOrmEventOutbox;
    let store: TypeOrmOutboxRelayStore;
    let uow: TypeOrmUnitOfWork;

    before(async () => {
      database = await open();
      dataSource = database.dataSource;
      outbox = new TypeOrmEventOutbox(dataSource);
      store = new TypeOrmOutboxRelayStore(dataSource);
      uow = new TypeOrmUnitOfWork(dataSource);
    });
    beforeEach(async () => {
      // Other tests' events are not this test's business: start from an empty backlog.
      await dataSource
        .getRepository(OutboxEventEntity)
        .createQueryBuilder()
        .update()
        .set({ publishedAt: new Date() })
        .where('published_at IS NULL')
        .execute();
    });
    after(async () => {
      await database.close();
    });

    const relayOnce = (handlers: EventHandler[], metrics = createMetrics({ collectProcessMetrics: false })) =>
      new OutboxRelay({
        store,
        bus: new InProcessEventBus(handlers),
        logger: silent,
        now: () => new Date(),
        reportLag: (s) => metrics.outboxRelayLag.set(s),
        countPublished: (n) => metrics.outboxEventsPublished.inc(n),
      }).relayPending();

    test('a stock edit and its event commit together; a rolled-back change leaves no event', async () => {
      const productId = uuidv7();
      const variantId = uuidv7();
      const inventory = createInventory({
        dataSource,
        newId: uuidv7,
        onError: () => undefined,
        events: { outbox, newId: uuidv7 },
      });
      await inventory.createStock([{ variantId, productId, onHand: 1 }]);
      await inventory.setOnHand(variantId, 5);
      const rows: { type: string; payload: string }[] = await dataSource.query(
        'SELECT type, payload FROM outbox_events WHERE aggregate_id = ?',
        [productId],
      );
      assert.deepEqual(
        rows.map((r) => [r.type, JSON.parse(r.payload)]),
        [['inventory.stock.changed', { productId, variantId }]],
      );

      const rolledBack = uuidv7();
      await assert.rejects(
        uow.run(async (tx) => {
          await outbox.append([event(rolledBack)], tx);
          throw new Error('the change is refused');
        }),
      );
      const none: unknown[] = await dataSource.query('SELECT 1 FROM outbox_events WHERE aggregate_id = ?', [
        rolledBack,
      ]);
      assert.equal(none.length, 0);
    });

    test('the relay publishes in sequence order, marks the rows and reports the lag', async () => {
      const aggregate = uuidv7();
      const written = [event(aggregate), event(uuidv7()), event(aggregate)];
      for (const e of written) await uow.run((tx) => outbox.append([e], tx));
      const metrics = createMetrics({ collectProcessMetrics: false });
      const { handler, applied } = recorder();
      const published = await relayOnce([handler], metrics);
      assert.equal(published, 3);
      assert.deepEqual(
        applied.map((e) => e.id),
        written.map((e) => e.id),
      );
      assert.ok(applied[0]!.sequence < applied[1]!.sequence && applied[1]!.sequence < applied[2]!.sequence);
      const unpublished: unknown[] = await dataSource.query(
        'SELECT 1 FROM outbox_events WHERE published_at IS NULL',
      );
      assert.equal(unpublished.length, 0);
      const text = await metrics.registry.metrics();
      assert.match(text, /outbox_events_published_total 3/);
      assert.match(text, /outbox_relay_lag_seconds 0/);

      // An event waiting 2 s shows as lag until it is relayed.
      await uow.run((tx) =>
        outbox.append([{ ...event(uuidv7()), occurredAt: new Date(Date.now() - 2000) }], tx),
      );
      await new OutboxRelay({
        store,
        bus: { publish: () => Promise.reject(new Error('bus down')) },
        logger: silent,
        now: () => new Date(),
        reportLag: (s) => metrics.outboxRelayLag.set(s),
      })
        .relayPending()
        .catch(() => undefined);
      const lag = Number((await metrics.registry.metrics()).match(/outbox_relay_lag_seconds ([\d.]+)/)![1]);
      assert.ok(lag >= 2, `lag ${lag}`);
      assert.ok((await store.oldestUnpublishedAt())!.getTime() <= Date.now() - 2000);
      await relayOnce([recorder().handler]);
    });

    test('a relay that dies after publishing but before marking publishes again; the handler stays correct', async () => {
      const e = event(uuidv7());
      await uow.run((tx) => outbox.append([e], tx));
      const { handler, applied, duplicates } = recorder();
      const bus = new InProcessEventBus([handler]);
      await assert.rejects(
        store.relayBatch(100, async (entries) => {
          await bus.publish(entries);
          throw new Error('killed before marking');
        }),
      );
      assert.equal(await relayOnce([handler]), 1);
      assert.deepEqual(
        applied.map((x) => x.id),
        [e.id],
      );
      assert.equal(duplicates(), 1, 'the redelivery is seen and counted');
    });

    test('a handler that keeps failing is parked; the admin retry delivers it again to that handler only', async () => {
      const deadLetters = new TypeOrmDeadLetterRepository(dataSource);
      const metrics = createMetrics({ collectProcessMetrics: false });
      let failing = true;
      const flaky = recorder('flaky');
      const steady = recorder('steady');
      const parking = {
        deadLetters,
        countDeadLetter: () => undefined,
        logger: silent,
        newId: uuidv7,
        now: () => new Date(),
      };
      const wrap = (h: EventHandler) =>
        reliableHandler(h, {
          parking,
          attempts: 3,
          backoffMs: 1,
          countFailure: (name) => metrics.eventHandlerFailures.inc({ handler: name }),
        });
      const flakyHandler = wrap({
        ...flaky.handler,
        handle: async (events) => {
          if (failing) throw new Error('projection store down');
          await flaky.handler.handle(events);
        },
      });
      const bad = event(uuidv7());
      const good = event(uuidv7());
      await uow.run((tx) => outbox.append([bad, good], tx));
      assert.equal(await relayOnce([flakyHandler, wrap(steady.handler)]), 2);
      assert.equal(steady.applied.length, 2);
      assert.equal(flaky.applied.length, 0);
      assert.match(await metrics.registry.metrics(), /event_handler_failures_total\{handler="flaky"\} 9/);

      const parked = await deadLetters.list({ kind: 'projection', status: 'OPEN', page: 1, size: 100 });
      const letter = parked.items.find((l) => l.reference === `flaky:${bad.id}`);
      assert.ok(letter, 'the failing event is parked under <handler>:<event id>');
      assert.equal(letter.attempts, 3);

      failing = false;
      const retry = projectionDeadLetterRetrier(store);
      await retry(letter);
      await retry(letter); // a repeated retry queues nothing more
      assert.equal(await relayOnce([flakyHandler, wrap(steady.handler)]), 1);
      assert.deepEqual(
        flaky.applied.map((e) => e.id),
        [bad.id],
      );
      assert.equal(steady.applied.length, 2, 'the other handler does not get it again');
      assert.equal(steady.duplicates(), 0);
    });
  });
}
