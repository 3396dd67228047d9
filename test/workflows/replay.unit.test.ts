import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Worker } from '@temporalio/worker';
import { historyFromJson } from '../support/workflow-histories';

const HISTORIES = join(__dirname, 'histories');

/**
 * Workflows already running in production replay their histories on every new worker: each history
 * recorded under histories/ (see its README) must replay against today's workflow code without a
 * nondeterminism error.
 */
test('every recorded workflow history replays against the current workflow code', async () => {
  const files = readdirSync(HISTORIES)
    .filter((file) => file.endsWith('.json'))
    .sort();
  assert.ok(files.length > 0, 'no recorded histories');
  // <test file>--<workflow type>--<workflow id, URI-encoded>--<run>.json: some workflows read their own id.
  const histories = files.map((file) => ({
    workflowId: decodeURIComponent(file.split('--')[2] ?? file),
    history: historyFromJson(readFileSync(join(HISTORIES, file), 'utf8')),
  }));
  const failures: string[] = [];
  const replayed = Worker.runReplayHistories(
    { workflowsPath: require.resolve('../../workflows'), replayName: 'recorded-histories' },
    histories,
  );
  for await (const result of replayed) {
    if (result.error)
      failures.push(`${result.workflowId}: ${result.error.name}: ${result.error.message.slice(0, 600)}`);
  }
  assert.deepEqual(failures, []);
});
