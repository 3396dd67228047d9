import assert from 'node:assert/strict';
import { mock, test } from 'node:test';
import { OutboxRelay } from '../../application/events/relay-outbox';
import type { OutboxEntry, OutboxRelayStore } from '../../domain/shared/outbox-relay';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * The relay's polling (docs/events.md#the-relay) over a store that counts its calls: the clock is
 * node:test's, so the waits between looks are exact.
 */
function countingStore() {
  const state = { now: 0, pending: 0, claimed: true, looks: [] as number[], lagQueries: 0 };
  const store: OutboxRelayStore = {
    async relayBatch(limit, publish) {
      state.looks.push(state.now);
      if (!state.claimed) return { claimed: false, published: 0 };
      const count = Math.min(state.pending, limit);
      state.pending -= count;
      if (count > 0) await publish(Array.from({ length: count }, () => ({}) as OutboxEntry));
      return { claimed: true, published: count };
    },
    async oldestUnpublishedAt() {
      state.lagQueries += 1;
      return null;
    },
    async redeliver() {},
  };
  return { state, store };
}

async function run(state: { now: number }, ms: number): Promise<void> {
  const settle = async () => {
    for (let i = 0; i < 5; i++) await new Promise((done) => setImmediate(done));
  };
  for (let passed = 0; passed < ms; passed += 10) {
    await settle();
    state.now += 10;
    mock.timers.tick(10);
  }
  await settle();
}

test('an idle relay looks less and less often, down to every 400 ms, and looks again soon after finding events', async () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  const { state, store } = countingStore();
  const lags: number[] = [];
  const relay = new OutboxRelay({
    store,
    bus: { publish: async () => undefined },
    logger: silent,
    now: () => new Date(),
    reportLag: (seconds) => lags.push(seconds),
  });
  try {
    relay.start();
    await run(state, 1_500);
    const gaps = (looks: number[]) => looks.slice(1).map((at, i) => at - looks[i]!);
    assert.deepEqual(gaps(state.looks), [100, 200, 400, 400, 400], 'idle: 100, 200, then every 400 ms');
    assert.equal(state.lagQueries, 0, 'a drained outbox is lag 0 without asking');
    assert.ok(lags.length > 0 && lags.every((lag) => lag === 0));

    state.pending = 3;
    const before = state.looks.length;
    await run(state, 600);
    assert.deepEqual(
      gaps(state.looks.slice(before - 1)).slice(0, 3),
      [400, 100, 100],
      'events: quick looks again',
    );

    state.claimed = false;
    await run(state, 500);
    assert.ok(state.lagQueries > 0, 'while another replica holds the turn, the lag is measured');
  } finally {
    const stopped = relay.stop();
    mock.timers.tick(1_000);
    await stopped;
    mock.timers.reset();
  }
});
