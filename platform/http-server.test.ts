import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { test } from 'node:test';
import { listen } from './http-server';

const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });

test('drain: no new connections, the in-flight request still gets its answer, then it resolves', async () => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let started!: () => void;
  const inFlight = new Promise<void>((resolve) => (started = resolve));
  const server = await listen(
    async () => {
      started();
      await held;
      return new Response('finished');
    },
    0,
    '127.0.0.1',
  );
  const answer = fetch(`http://127.0.0.1:${server.port}/slow`).then(async (r) => [r.status, await r.text()]);
  await inFlight;
  let drained = false;
  const draining = server.drain(10_000).then(() => (drained = true));
  assert.equal(await refused(server.port), true, 'a new connection is refused while draining');
  assert.equal(drained, false, 'drain waits for the request in flight');
  release();
  assert.deepEqual(await answer, [200, 'finished']);
  await draining;
});

test('drain cuts what is still running after the grace', async () => {
  let started!: () => void;
  const inFlight = new Promise<void>((resolve) => (started = resolve));
  const server = await listen(
    () => {
      started();
      return new Promise<Response>(() => {});
    },
    0,
    '127.0.0.1',
  );
  const answer = fetch(`http://127.0.0.1:${server.port}/hangs`).then(
    () => 'answered',
    () => 'cut',
  );
  await inFlight;
  const begun = Date.now();
  await server.drain(300);
  assert.ok(Date.now() - begun >= 250, 'drain waited for the grace');
  assert.equal(await answer, 'cut');
});
