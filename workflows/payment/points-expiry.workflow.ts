import { continueAsNew, log, proxyActivities } from '@temporalio/workflow';
import type { PointsActivities } from '../../activities/payment/points.activities';
import { DATABASE_RETRY } from '../shared/activity-options';

const { expirePoints } = proxyActivities<Pick<PointsActivities, 'expirePoints'>>({
  startToCloseTimeout: '5 minutes',
  retry: DATABASE_RETRY,
});

const BATCHES_PER_RUN = 200;

/**
 * Started daily by the `points-expiry` schedule (docs/payments.md#points): expires every lot of
 * points due by the workflow's own time, a bounded batch of members per activity, and writes an
 * EXPIRE ledger row for what was left of each lot. Reading `GET /me/points` expires a member's due
 * lots too, so a missed day only delays the sweep. `userId` limits a run to one member (an
 * operator's run for one account).
 */
export async function pointsExpiryWorkflow(
  input: { asOf?: string; userId?: string } = {},
): Promise<{ members: number }> {
  const asOf = input.asOf ?? new Date().toISOString();
  let members = 0;
  for (let batch = 0; batch < BATCHES_PER_RUN; batch++) {
    const result = await expirePoints({ asOf, userId: input.userId });
    members += result.members;
    if (!result.more) {
      log.info('points expired', { asOf, members });
      return { members };
    }
  }
  return continueAsNew<typeof pointsExpiryWorkflow>({ asOf });
}
