import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { eventually } from './eventually';
import { historyToJson } from './workflow-histories';
import { ORDER_NUMBER_SEARCH_ATTRIBUTE } from '../../workflows/ordering/order-search-attributes';
import { resolveBinary, TEMPORAL_CLI, TEMPORAL_TEST_SERVER } from '../../scripts/temporal-binaries';

/**
 * One time-skipping server per test file: timers of minutes or days pass in milliseconds. With
 * RECORD_HISTORIES=<dir>, teardown first writes the history of every workflow run on the server
 * there (the replay test's material, see test/workflows/histories/README.md).
 */
export async function createTimeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: {
      executable: { type: 'existing-path', path: resolveBinary(TEMPORAL_TEST_SERVER, { install: false }) },
    },
  });
  const dir = process.env.RECORD_HISTORIES;
  if (dir) {
    const teardown = env.teardown.bind(env);
    env.teardown = async () => {
      try {
        await recordHistories(env, dir);
      } finally {
        await teardown();
      }
    };
  }
  return env;
}

/** Writes `<test file>--<workflow type>--<workflow id, URI-encoded>--<run>.json` for every run, open or closed. */
async function recordHistories(env: TestWorkflowEnvironment, dir: string): Promise<void> {
  const service = env.connection.workflowService;
  const namespace = env.namespace ?? 'default';
  const runs = [
    ...((await service.listOpenWorkflowExecutions({ namespace, maximumPageSize: 1000 })).executions ?? []),
    ...((await service.listClosedWorkflowExecutions({ namespace, maximumPageSize: 1000 })).executions ?? []),
  ];
  const suite = basename(process.argv[1] ?? 'suite').replace(/\.test\.ts$/, '');
  mkdirSync(dir, { recursive: true });
  for (const run of runs) {
    const { workflowId, runId } = run.execution ?? {};
    if (!workflowId || !runId) continue;
    const history = await env.client.workflow.getHandle(workflowId, runId).fetchHistory();
    const name = `${suite}--${run.type?.name ?? 'unknown'}--${encodeURIComponent(workflowId)}--${runId.slice(-8)}.json`;
    writeFileSync(join(dir, name), historyToJson(history));
  }
}

/** A real Temporal dev server on a random port, for end-to-end suites that run in real time. */
export function createDevServerEnvironment(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: resolveBinary(TEMPORAL_CLI, { install: false }) },
      ip: '127.0.0.1',
      // As the launcher registers it; the time-skipping server supports no custom attribute.
      searchAttributes: [ORDER_NUMBER_SEARCH_ATTRIBUTE],
      log: { format: 'json', level: 'error' },
    },
  });
}

/**
 * Waits until no workflow on the server has an activity in flight, before a test skips time. The
 * time-skipping server can leave its time-skipping lock behind when an activity is still running
 * while time is skipped past its timeout (temporalio/sdk-java#1138, #2246); every later sleep then
 * runs in real time and the test hangs. Seen under load with the order's last notices, which run in
 * notification workflows of their own, so every open workflow is asked, not only `handle`'s.
 */
export async function quiescent(handle: WorkflowHandle, timeoutMs = 20_000): Promise<void> {
  const { workflowService, options } = handle.client;
  const busy = async (): Promise<string | undefined> => {
    const open = await workflowService.listOpenWorkflowExecutions({
      namespace: options.namespace,
      maximumPageSize: 1000,
    });
    for (const { execution } of open.executions ?? []) {
      if (!execution?.workflowId) continue;
      const described = await handle.client
        .getHandle(execution.workflowId, execution.runId ?? undefined)
        .describe()
        .catch(() => undefined); // closed in the meantime
      const inFlight = (described?.raw.pendingActivities ?? []).filter((activity) => !activity.lastFailure);
      if (inFlight.length > 0) return execution.workflowId;
    }
    return undefined;
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const workflowId = await busy();
    if (!workflowId) return;
    if (Date.now() > deadline) throw new Error(`${workflowId} still has an activity in flight`);
    await new Promise((done) => setTimeout(done, 25));
  }
}

/**
 * Waits until the run's activities have each failed an attempt and wait out their retry's backoff.
 * Only then may a test terminate the run: terminated while an attempt runs, the time-skipping server
 * keeps that activity's time-skipping lock for good (temporalio/sdk-java#1138), and every later
 * `env.sleep` of the file runs in real time. The server describes an activity in backoff as started,
 * so the failure it took in is the sign; call this right after the first failure of a retry policy
 * whose first pause (10 s and more here) leaves the test ample time to act.
 */
export async function awaitingRetry(handle: WorkflowHandle, timeoutMs = 20_000): Promise<void> {
  await eventually(
    async () => {
      const pending = (await handle.describe()).raw.pendingActivities ?? [];
      return pending.length > 0 && pending.every((activity) => activity.lastFailure && activity.attempt! > 1);
    },
    { what: `${handle.workflowId} waiting to retry its activity`, timeoutMs },
  );
}

/** Terminates the run once no activity of it runs (see `awaitingRetry` for why). */
export async function terminateAtRest(handle: WorkflowHandle, reason: string): Promise<void> {
  await quiescent(handle);
  await handle.terminate(reason);
}
