import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { uuidv7 } from '../../platform/ids';
import { createTimeSkippingEnvironment } from '../support/temporal';
import { createHarnessActivities } from './harness.activities';
import { harnessWorkflow } from './harness.workflow';

describe('the Temporal test harness', () => {
  let env: TestWorkflowEnvironment;
  before(async () => {
    env = await createTimeSkippingEnvironment();
  });
  after(async () => {
    await env?.teardown();
  });

  test('a 30-minute timer passes in well under a second of real time', async () => {
    const stamped: string[] = [];
    const taskQueue = `harness-${uuidv7()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('./harness.workflow'),
      activities: createHarnessActivities({ stamped }),
    });
    const realStart = Date.now();
    const result = await worker.runUntil(
      env.client.workflow.execute(harnessWorkflow, {
        taskQueue,
        workflowId: `harness:${uuidv7()}`,
        args: ['first'],
      }),
    );
    assert.deepEqual(stamped, ['first']);
    assert.ok(
      result.wokeAtMs - result.sleptFromMs >= 30 * 60 * 1000,
      'workflow time advanced by at least 30 minutes',
    );
    assert.ok(Date.now() - realStart < 30_000, 'real time stayed short');
  });
});
