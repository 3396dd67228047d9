// First: this suite relays every unpublished event of its database, so it has one of its own.
import { OWN_DATABASE_URL } from '../support/own-database';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, test } from 'node:test';
import amqp from 'amqplib';
import type { DataSource } from 'typeorm';
import { OutboxRelay } from '../../application/events/relay-outbox';
import type { DomainEvent, EventHandler, PublishedEvent } from '../../domain/shared/domain-event';
import type { EventBus } from '../../domain/shared/outbox-relay';
import { InProcessEventBus } from '../../integrations/events/in-process-event-bus';
import { RabbitMqEventBus } from '../../integrations/events/rabbitmq-event-bus';
import { RabbitMqEventConsumers } from '../../integrations/events/rabbitmq-event-consumers';
import { exchangeName, queueName, type RabbitTopology } from '../../integrations/events/rabbitmq-topology';
import { createDataSource } from '../../persistence/data-source';
import { TypeOrmUnitOfWork } from '../../persistence/inventory/typeorm-unit-of-work';
import { TypeOrmEventOutbox } from '../../persistence/outbox/typeorm-event-outbox';
import { TypeOrmOutboxRelayStore } from '../../persistence/outbox/typeorm-outbox-relay.store';
import { uuidv7 } from '../../platform/ids';
import { eventually } from '../support/eventually';
import { dropOwnDatabase, prepareOwnDatabase } from '../support/own-database-setup';

const RABBITMQ_URL = process.env.TEST_RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const silent = { debug() {}, info() {}, warn() {}, error() {} };
// Runs on one broker never see each other's exchange or queues.
const topology: RabbitTopology = { namespace: `jangteo-test-${randomUUID().slice(0, 8)}`, partitions: 4 };
const HANDLER = 'recorder';
/** A second subscriber of the same events, for redeliveries meant for the first one only. */
const BYSTANDER = 'bystander';

/**
 * What the replicas' handlers applied, shared like the read model they would share: the first
 * application of each event id counts, a repeat is counted as a duplicate (never hidden).
 */
function appliedLog() {
  const firstSeen = new Map<string, { event: PublishedEvent; replica: string; handledAt: number }>();
  const byAggregate = new Map<string, number[]>();
  let duplicates = 0;
  const handlerFor = (replica: string, afterBatch?: () => void): EventHandler => ({
    name: HANDLER,
    subscribesTo: ['test.*'],
    async handle(events) {
      for (const event of events) {
        if (firstSeen.has(event.id)) {
          duplicates++;
          continue;
        }
        firstSeen.set(event.id, { event, replica, handledAt: Date.now() });
        byAggregate.set(event.aggregateId, [...(byAggregate.get(event.aggregateId) ?? []), event.sequence]);
      }
      afterBatch?.();
    },
  });
  return {
    handlerFor,
    firstSeen,
    duplicates: () => duplicates,
    /** Aggregates whose events were first applied out of outbox order. */
    outOfOrder: () =>
      [...byAggregate].filter(([, sequences]) => sequences.some((s, i) => i > 0 && s < sequences[i - 1]!)),
    byReplica: () => {
      const counts: Record<string, number> = {};
      for (const { replica } of firstSeen.values()) counts[replica] = (counts[replica] ?? 0) + 1;
      return counts;
    },
  };
}

const event = (aggregateId: string): DomainEvent => ({
  id: uuidv7(),
  type: 'test.thing.changed',
  aggregateType: 'thing',
  aggregateId,
  occurredAt: new Date(),
  payload: { aggregateId },
});

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

describe('domain events through RabbitMQ, two worker replicas', () => {
  let dataSource: DataSource;
  let outbox: TypeOrmEventOutbox;
  let store: TypeOrmOutboxRelayStore;
  let uow: TypeOrmUnitOfWork;
  const running: Array<() => Promise<void>> = [];

  before(async () => {
    await prepareOwnDatabase();
    dataSource = await createDataSource(
      { kind: 'mariadb', url: OWN_DATABASE_URL },
      { poolSize: 10 },
    ).initialize();
    outbox = new TypeOrmEventOutbox(dataSource);
    store = new TypeOrmOutboxRelayStore(dataSource);
    uow = new TypeOrmUnitOfWork(dataSource);
  });
  beforeEach(async () => {
    while (running.length > 0) await running.pop()!();
  });
  after(async () => {
    while (running.length > 0) await running.pop()!();
    const connection = await amqp.connect(RABBITMQ_URL);
    const channel = await connection.createChannel();
    for (const handler of [HANDLER, BYSTANDER])
      for (let p = 0; p < topology.partitions; p++)
        await channel.deleteQueue(queueName(topology, handler, p));
    await channel.deleteExchange(exchangeName(topology));
    await connection.close();
    await dataSource.destroy();
    await dropOwnDatabase();
  });

  /** Writes `count` events over `aggregates` aggregates, `perTransaction` to a commit; returns them in write order. */
  async function write(count: number, aggregates: string[], perTransaction = 10): Promise<DomainEvent[]> {
    const written: DomainEvent[] = [];
    for (let i = 0; i < count; i += perTransaction) {
      const batch = Array.from({ length: Math.min(perTransaction, count - i) }, (_, j) =>
        event(aggregates[(i + j) % aggregates.length]!),
      );
      await uow.run((tx) => outbox.append(batch, tx));
      written.push(...batch);
    }
    return written;
  }

  /** One worker replica: its relay publishes to RabbitMQ, its consumers take the partitions they are given. */
  function replica(label: string, log: ReturnType<typeof appliedLog>, afterBatch?: () => void) {
    const handler = log.handlerFor(label, afterBatch);
    const consumers = new RabbitMqEventConsumers(RABBITMQ_URL, topology, [handler], silent, {
      reconnectDelayMs: 100,
    });
    const bus = new RabbitMqEventBus(RABBITMQ_URL, topology, [handler], silent);
    const relay = new OutboxRelay({ store, bus, logger: silent, now: () => new Date(), pollIntervalMs: 100 });
    const stop = async () => {
      await relay.stop();
      await consumers.stop();
      await bus.close();
    };
    running.push(stop);
    return {
      consumers,
      relay,
      bus,
      async start() {
        await consumers.start();
        relay.start();
      },
      stop,
    };
  }

  const everyApplied = (log: ReturnType<typeof appliedLog>, written: DomainEvent[], timeoutMs = 30_000) =>
    eventually(() => written.every((e) => log.firstSeen.has(e.id)), {
      what: `all ${written.length} events applied (${log.firstSeen.size} so far)`,
      timeoutMs,
    });

  test('two replicas apply every event once, each aggregate in outbox order', async () => {
    const log = appliedLog();
    const a = replica('a', log);
    const b = replica('b', log);
    await Promise.all([a.start(), b.start()]);
    const aggregates = Array.from({ length: 40 }, () => uuidv7());
    const written = await write(1000, aggregates);
    await everyApplied(log, written);
    assert.equal(log.firstSeen.size, written.length);
    assert.equal(log.duplicates(), 0, 'no crash, no redelivery');
    assert.deepEqual(log.outOfOrder(), []);
    // Consumers may apply a batch before its relay's mark commits.
    await eventually(
      async () =>
        ((await dataSource.query('SELECT 1 FROM outbox_events WHERE published_at IS NULL')) as unknown[])
          .length === 0,
      { what: 'every row marked published' },
    );
  });

  test('a replica killed mid-stream loses nothing: the other one takes its partitions', async () => {
    const log = appliedLog();
    let killed: Promise<void> | undefined;
    // The crash strikes right after a batch is applied and before it is acknowledged.
    const a = replica('a', log, () => {
      if (!killed && (log.byReplica().a ?? 0) >= 200) killed = a.consumers.abort();
    });
    await a.start();
    // Registered second: waits on every partition as the single active consumer's successor.
    const b = replica('b', log);
    await b.start();
    const aggregates = Array.from({ length: 40 }, () => uuidv7());
    const writing = write(2000, aggregates, 20);
    await eventually(() => killed !== undefined, { what: 'replica a applying events until it dies' });
    await killed;
    await a.relay.stop();
    const written = await writing;
    await everyApplied(log, written);
    assert.equal(log.firstSeen.size, written.length);
    assert.deepEqual(log.outOfOrder(), [], 'the successor resumes each partition where it stopped');
    const counts = log.byReplica();
    assert.ok(counts.b! > 0, `b took over (${JSON.stringify(counts)})`);
    // Applied by a but not acknowledged when it died: delivered again, and counted.
    assert.ok(log.duplicates() > 0, 'the unacknowledged batch came again');
    console.log(
      `  killed mid-stream: applied ${JSON.stringify(counts)}, redelivered duplicates ${log.duplicates()}`,
    );
  });

  test('publisher confirms: a batch RabbitMQ did not take stays unpublished and goes again', async () => {
    const log = appliedLog();
    const a = replica('a', log);
    await a.start();
    await a.relay.stop();
    const first = await write(1, [uuidv7()]);
    assert.equal(await a.relay.relayPending(), 1);
    await everyApplied(log, first);
    // The exchange disappears under the connected publisher: the broker refuses the next batch (404).
    const admin = await amqp.connect(RABBITMQ_URL);
    const channel = await admin.createChannel();
    await channel.deleteExchange(exchangeName(topology));
    await admin.close();
    const written = await write(5, [uuidv7()]);
    await assert.rejects(a.relay.relayPending());
    const unpublished: unknown[] = await dataSource.query(
      'SELECT 1 FROM outbox_events WHERE published_at IS NULL',
    );
    assert.equal(unpublished.length, 5, 'nothing is marked that RabbitMQ did not confirm');
    // The next batch reconnects and declares the topology again; the consumers rebind too.
    await a.consumers.stop();
    await a.consumers.start();
    assert.equal(await a.relay.relayPending(), 5);
    await everyApplied(log, written);
    assert.equal(log.duplicates(), 0);
  });

  test("an operator's redelivery reaches the one handler that parked the event", async () => {
    const log = appliedLog();
    const bystander = appliedLog();
    const handlers = [log.handlerFor('a'), { ...bystander.handlerFor('a'), name: BYSTANDER }];
    const consumers = new RabbitMqEventConsumers(RABBITMQ_URL, topology, handlers, silent);
    const bus = new RabbitMqEventBus(RABBITMQ_URL, topology, handlers, silent);
    running.push(async () => {
      await consumers.stop();
      await bus.close();
    });
    await consumers.start();
    const relay = new OutboxRelay({ store, bus, logger: silent, now: () => new Date() });
    const [first] = await write(1, [uuidv7()]);
    assert.equal(await relay.relayPending(), 1);
    await everyApplied(log, [first!]);
    await everyApplied(bystander, [first!]);

    const entry = log.firstSeen.get(first!.id)!.event;
    await store.redeliver(entry, HANDLER, `${entry.id}:${HANDLER}:letter-1`);
    assert.equal(await relay.relayPending(), 1);
    await eventually(() => log.duplicates() === 1, { what: 'the redelivery applied by the recorder' });
    // Anything the bystander got would be in its queue by now: a marker event published after the
    // redelivery, on the same aggregate (same partition), arrives after it.
    const [marker] = await write(1, [first!.aggregateId]);
    assert.equal(await relay.relayPending(), 1);
    await everyApplied(bystander, [marker!]);
    assert.equal(bystander.duplicates(), 0, 'the other handler does not get it again');
  });

  test('figures: relay throughput and publish-to-handle latency, in process and through RabbitMQ', async () => {
    const measure = async (label: string, bus: (log: ReturnType<typeof appliedLog>) => Promise<EventBus>) => {
      const log = appliedLog();
      const aggregates = Array.from({ length: 100 }, () => uuidv7());
      // Throughput: a backlog of 5,000 events, relayed from a standing start.
      const backlog = await write(5000, aggregates, 500);
      const relay = new OutboxRelay({ store, bus: await bus(log), logger: silent, now: () => new Date() });
      const started = Date.now();
      relay.start();
      running.push(() => relay.stop());
      await everyApplied(log, backlog, 120_000);
      const perSecond = Math.round(backlog.length / ((Date.now() - started) / 1000));
      // Latency: events written one per commit while the relay polls, commit to handler.
      const committed = new Map<string, number>();
      const trickle: DomainEvent[] = [];
      for (let i = 0; i < 300; i++) {
        const e = event(aggregates[i % aggregates.length]!);
        await uow.run((tx) => outbox.append([e], tx));
        committed.set(e.id, Date.now());
        trickle.push(e);
      }
      await everyApplied(log, trickle);
      const latencies = trickle.map((e) => log.firstSeen.get(e.id)!.handledAt - committed.get(e.id)!);
      console.log(
        `  ${label}: relay ${perSecond} events/s; commit→handle p50 ${percentile(latencies, 50)} ms, p95 ${percentile(latencies, 95)} ms`,
      );
      assert.equal(log.duplicates(), 0);
      assert.deepEqual(log.outOfOrder(), []);
      await relay.stop();
    };
    await measure('in process', async (log) => new InProcessEventBus([log.handlerFor('local')]));
    await measure('RabbitMQ', async (log) => {
      const handler = log.handlerFor('rabbit');
      const consumers = new RabbitMqEventConsumers(RABBITMQ_URL, topology, [handler], silent);
      await consumers.start();
      const bus = new RabbitMqEventBus(RABBITMQ_URL, topology, [handler], silent);
      running.push(async () => {
        await consumers.stop();
        await bus.close();
      });
      return bus;
    });
  });
});
