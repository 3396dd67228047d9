import { createEventsContext } from '../../contexts/events.context';
import type { ContextInfra } from '../../contexts/context-infra';
import type { EventHandler } from '../../domain/shared/domain-event';
import type { TestApp } from './test-app';
import { testContexts, testInfra } from './contexts';

export interface RunningProjections {
  stop(): Promise<void>;
}

/**
 * Relays the outbox to these handlers in this process (contexts/events.context.ts, in-process
 * bus), as the worker does, so searches in a test see the read model follow the writes
 * (eventually: the API's tail polls every 200 ms). Handlers are state-based, so a relay that also
 * publishes another suite's events (one shared test database) only writes documents that suite's
 * own search would see anyway.
 */
export async function relayToProjections(
  infra: ContextInfra,
  handlers: EventHandler[],
): Promise<RunningProjections> {
  const events = createEventsContext(infra, { handlers, relay: { pollIntervalMs: 50 } });
  await events.start();
  return { stop: () => events.stop() };
}

/** The catalog's projections over a test app's database, relayed in process until `stop()`. */
export async function runReadModel(
  app: Pick<TestApp, 'infrastructure' | 'identity'>,
): Promise<RunningProjections> {
  // On the primary alone: the projection never reads a replica, and the app keeps its replica route's logger.
  const overrides = { infrastructure: { ...app.infrastructure, reads: undefined } };
  const contexts = testContexts(app, overrides);
  const running = await relayToProjections(testInfra(app, overrides), contexts.catalog.projections);
  return {
    async stop() {
      await running.stop();
      contexts.catalog.close();
    },
  };
}
