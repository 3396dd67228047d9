import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { ensureSchedules, SCHEDULES } from '../../workers/schedules';
import { RESTOCK_SWEEP_SCHEDULE_ID } from '../../workflows/inventory/workflow-ids';
import { createDevServerEnvironment } from '../support/temporal';

describe('Temporal Schedules', () => {
  let env: TestWorkflowEnvironment;
  before(async () => {
    env = await createDevServerEnvironment();
  });
  after(async () => {
    await env?.teardown();
  });

  test('workers create every schedule once; a restart updates instead of failing', async () => {
    const first = await ensureSchedules(env.client);
    assert.deepEqual(first, { created: SCHEDULES.map((s) => s.scheduleId), updated: [] });
    const second = await ensureSchedules(env.client);
    assert.deepEqual(second, { created: [], updated: SCHEDULES.map((s) => s.scheduleId) });

    const description = await env.client.schedule.getHandle(RESTOCK_SWEEP_SCHEDULE_ID).describe();
    assert.equal(description.action.type, 'startWorkflow');
    assert.equal(
      description.action.type === 'startWorkflow' && description.action.workflowType,
      'restockSweepWorkflow',
    );
    assert.equal(description.spec.intervals?.[0]?.every, 5 * 60 * 1000);
  });
});
