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
