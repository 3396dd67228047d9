import type { WorkflowHandle } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { resolveBinary, TEMPORAL_CLI, TEMPORAL_TEST_SERVER } from '../../scripts/temporal-binaries';

/** One time-skipping server per test file: timers of minutes or days pass in milliseconds. */
export function createTimeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createTimeSkipping({
    server: {
      executable: { type: 'existing-path', path: resolveBinary(TEMPORAL_TEST_SERVER, { install: false }) },
    },
  });
}

/** A real Temporal dev server on a random port, for end-to-end suites that run in real time. */
export function createDevServerEnvironment(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: resolveBinary(TEMPORAL_CLI, { install: false }) },
      ip: '127.0.0.1',
      log: { format: 'json', level: 'error' },
    },
  });
}

/**
 * Waits until a workflow has no activity and no child in flight, before a test skips time. The
 * time-skipping server can leave its time-skipping lock behind when an activity is still running
 * while time is skipped past its timeout (temporalio/sdk-java#1138, #2246); every later sleep then
 * runs in real time and the test hangs. Only seen under load, with the order's last notices.
 */
export async function quiescent(handle: WorkflowHandle, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { raw } = await handle.describe();
    if ((raw.pendingActivities?.length ?? 0) === 0 && (raw.pendingChildren?.length ?? 0) === 0) return;
    if (Date.now() > deadline) throw new Error(`${handle.workflowId} still has work in flight`);
    await new Promise((done) => setTimeout(done, 25));
  }
}
