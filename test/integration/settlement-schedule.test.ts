import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { nextSettlementRuns } from '../../domain/settlement';
import { ensureSchedules, schedulesServedBy } from '../../workers/schedules';
import {
  SETTLEMENT_TASK_QUEUE,
  WEEKLY_SETTLEMENT_SCHEDULE_ID,
} from '../../workflows/settlement/settlement.messages';
import { createDevServerEnvironment } from '../support/temporal';

describe('the weekly settlement schedule (Temporal dev server)', () => {
  let env: TestWorkflowEnvironment;
  before(async () => {
    env = await createDevServerEnvironment();
  });
  after(async () => {
    await env?.teardown();
  });

  test('a worker serving the settlement queue ensures only its schedule; inventory and ordering workers ensure theirs', () => {
    assert.deepEqual(
      schedulesServedBy([SETTLEMENT_TASK_QUEUE]).map((s) => s.scheduleId),
      [WEEKLY_SETTLEMENT_SCHEDULE_ID],
    );
    assert.ok(
      !schedulesServedBy(['inventory', 'ordering']).some(
        (s) => s.scheduleId === WEEKLY_SETTLEMENT_SCHEDULE_ID,
      ),
    );
    assert.deepEqual(schedulesServedBy(['chat']), []);
  });

  test('created once (a restart updates it), it fires every Monday at 00:00 Korean time', async () => {
    const own = schedulesServedBy([SETTLEMENT_TASK_QUEUE]);
    assert.deepEqual(await ensureSchedules(env.client, own), {
      created: [WEEKLY_SETTLEMENT_SCHEDULE_ID],
      updated: [],
    });
    assert.deepEqual(await ensureSchedules(env.client, own), {
      created: [],
      updated: [WEEKLY_SETTLEMENT_SCHEDULE_ID],
    });

    const description = await env.client.schedule.getHandle(WEEKLY_SETTLEMENT_SCHEDULE_ID).describe();
    assert.equal(description.spec.timezone, 'Asia/Seoul');
    assert.equal(description.action.type, 'startWorkflow');
    assert.equal(
      description.action.type === 'startWorkflow' && description.action.workflowType,
      'weeklySettlementWorkflow',
    );
    assert.equal(
      description.action.type === 'startWorkflow' && description.action.taskQueue,
      SETTLEMENT_TASK_QUEUE,
    );
    assert.equal(description.policies.overlap, 'SKIP');

    const next = description.info.nextActionTimes.slice(0, 3);
    assert.equal(next.length, 3);
    assert.deepEqual(
      next.map((d) => d.toISOString()),
      nextSettlementRuns(new Date(), 3).map((d) => d.toISOString()),
    );
    for (const run of next) {
      const seoul = new Date(run.getTime() + 9 * 3_600_000);
      assert.deepEqual(
        [seoul.getUTCDay(), seoul.getUTCHours(), seoul.getUTCMinutes()],
        [1, 0, 0],
        `${run.toISOString()} is Monday 00:00 in Seoul`,
      );
    }
  });
});
