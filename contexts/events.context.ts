import { reliableHandler, type DispatchDeps } from '../application/events/dispatch-events';
import { OutboxRelay } from '../application/events/relay-outbox';
import { projectionDeadLetterRetrier } from '../application/events/retry-projection';
import type { DeadLetterRetrier } from '../domain/dead-letter/dead-letter';
import type { EventHandler } from '../domain/shared/domain-event';
import { InProcessEventBus } from '../integrations/events/in-process-event-bus';
import { RabbitMqEventBus } from '../integrations/events/rabbitmq-event-bus';
import { RabbitMqEventConsumers } from '../integrations/events/rabbitmq-event-consumers';
import { DEFAULT_TOPOLOGY, type RabbitTopology } from '../integrations/events/rabbitmq-topology';
import { TypeOrmDeadLetterRepository } from '../persistence/dead-letter/typeorm-dead-letter.repository';
import { TypeOrmOutboxRelayStore } from '../persistence/outbox/typeorm-outbox-relay.store';
import type { ContextInfra } from './context-infra';

export interface EventsOptions {
  /** The projections and other consumers this process runs. */
  handlers: EventHandler[];
  /** RABBITMQ_URL: publish to RabbitMQ and consume its partition queues; absent: dispatch in process. */
  rabbitmqUrl?: string;
  topology?: Partial<RabbitTopology>;
  relay?: { batchSize?: number; pollIntervalMs?: number };
  dispatch?: Pick<DispatchDeps, 'attempts' | 'backoffMs'>;
  /** Run the relay here (default true); consumers run whenever there are handlers and RabbitMQ. */
  relayHere?: boolean;
}

export interface EventsContext {
  relay: OutboxRelay;
  consumers?: RabbitMqEventConsumers;
  start(): Promise<void>;
  /** Drains: the relay finishes its batch, consumers their messages in hand. */
  stop(): Promise<void>;
}

/** The admin retry of `projection` dead letters (registered with the dead-letter routes). */
export const projectionRetrier = (infra: ContextInfra): DeadLetterRetrier =>
  projectionDeadLetterRetrier(new TypeOrmOutboxRelayStore(infra.dataSource, infra.now));

/** The outbox relay and the event bus of one process (docs/events.md). */
export function createEventsContext(infra: ContextInfra, options: EventsOptions): EventsContext {
  const logger = infra.logger.child({ context: 'events' });
  const deadLetters = new TypeOrmDeadLetterRepository(infra.dataSource);
  const handlers = options.handlers.map((handler) =>
    reliableHandler(handler, {
      ...options.dispatch,
      parking: {
        deadLetters,
        countDeadLetter: (kind) => infra.metrics?.deadLetters.inc({ kind }),
        logger,
        newId: infra.newId,
        now: infra.now,
      },
      countFailure: (name) => infra.metrics?.eventHandlerFailures.inc({ handler: name }),
    }),
  );
  const topology = { ...DEFAULT_TOPOLOGY, ...options.topology };
  const rabbit = options.rabbitmqUrl
    ? new RabbitMqEventBus(options.rabbitmqUrl, topology, handlers, logger)
    : undefined;
  const consumers =
    options.rabbitmqUrl && handlers.length > 0
      ? new RabbitMqEventConsumers(options.rabbitmqUrl, topology, handlers, logger)
      : undefined;
  const relay = new OutboxRelay({
    store: new TypeOrmOutboxRelayStore(infra.dataSource, infra.now),
    bus: rabbit ?? new InProcessEventBus(handlers),
    logger,
    now: infra.now,
    ...options.relay,
    reportLag: (seconds) => infra.metrics?.outboxRelayLag.set(seconds),
    countPublished: (count) => infra.metrics?.outboxEventsPublished.inc(count),
  });
  if (!rabbit) infra.outbox.onAppended(() => relay.wake());
  const relayHere = options.relayHere ?? true;
  return {
    relay,
    consumers,
    async start() {
      await consumers?.start();
      if (relayHere) relay.start();
    },
    async stop() {
      await relay.stop();
      await consumers?.stop();
      await rabbit?.close();
    },
  };
}
