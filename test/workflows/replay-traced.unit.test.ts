import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Worker } from '@temporalio/worker';
import { WORKFLOW_TRACING_MODULES, workerObservability } from '../../platform/temporal/worker-observability';
import { historyFromJson } from '../support/workflow-histories';

const HISTORIES = join(__dirname, 'histories');

/**
 * Production bundles the OpenTelemetry workflow interceptors with the workflow code
 * (workers/workflow-source.ts; docs/observability.md#tracing): with them, too, every recorded
 * history replays without a nondeterminism error, their spans leaving through the exporter sink.
 */
test('every recorded workflow history replays with the tracing interceptors bundled', async () => {
  const files = readdirSync(HISTORIES)
    .filter((file) => file.endsWith('.json'))
    .sort();
  const histories = files.map((file) => ({
    workflowId: decodeURIComponent(file.split('--')[2] ?? file),
    history: historyFromJson(readFileSync(join(HISTORIES, file), 'utf8')),
  }));
  const failures: string[] = [];
  let replayed = 0;
  for await (const result of Worker.runReplayHistories(
    {
      workflowsPath: require.resolve('../../workflows'),
      interceptors: { workflowModules: WORKFLOW_TRACING_MODULES },
      sinks: workerObservability().sinks,
      replayName: 'recorded-histories-traced',
    },
    histories,
  )) {
    replayed += 1;
    if (result.error)
      failures.push(`${result.workflowId}: ${result.error.name}: ${result.error.message.slice(0, 600)}`);
  }
  assert.equal(replayed, files.length);
  assert.deepEqual(failures, []);
});
