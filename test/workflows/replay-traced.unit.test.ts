import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { defaultPayloadConverter } from '@temporalio/common';
import { TRACE_HEADER as OPEN_TELEMETRY_TRACE_HEADER } from '@temporalio/interceptors-opentelemetry/lib/instrumentation';
import { Worker } from '@temporalio/worker';
import {
  OPEN_TELEMETRY_WORKFLOW_MODULE,
  WORKFLOW_TRACING_MODULES,
  workerObservability,
} from '../../platform/temporal/worker-observability';
import { carriesTrace, TRACE_HEADER } from '../../platform/temporal/workflow-tracing';
import { historyFromJson } from '../support/workflow-histories';

const HISTORIES = join(__dirname, 'histories');

/**
 * Production bundles workflow-tracing.ts with the workflow code (workers/workflow-source.ts;
 * docs/observability.md#tracing), which runs the OpenTelemetry workflow interceptors for traced
 * workflows only: every recorded history replays without a nondeterminism error with it, and with
 * the OpenTelemetry interceptors on for every workflow, as workers before it ran them.
 */
for (const [name, modules] of [
  ['the production tracing module', WORKFLOW_TRACING_MODULES],
  ['the OpenTelemetry interceptors for every workflow', [OPEN_TELEMETRY_WORKFLOW_MODULE]],
] as const) {
  test(`every recorded workflow history replays with ${name} bundled`, async () => {
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
        interceptors: { workflowModules: [...modules] },
        sinks: workerObservability().sinks,
        replayName: `recorded-histories-${modules === WORKFLOW_TRACING_MODULES ? 'production' : 'otel'}`,
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
}

test('a workflow is traced only when its start carried a trace context', () => {
  assert.equal(TRACE_HEADER, OPEN_TELEMETRY_TRACE_HEADER);
  const header = (carrier: unknown) => ({ [TRACE_HEADER]: defaultPayloadConverter.toPayload(carrier) });
  assert.equal(carriesTrace({}), false, 'no header: a client without the tracing interceptor');
  assert.equal(carriesTrace(header({})), false, 'an empty carrier: the client traces, but tracing is off');
  assert.equal(
    carriesTrace(header({ traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' })),
    true,
  );
});
