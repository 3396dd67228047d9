import { proxyActivities, sleep } from '@temporalio/workflow';
import type { InventoryActivities } from '../../activities/inventory/inventory.activities';
import { HOLD_DURATION_MS } from '../../domain/inventory/waitlist';
import { formatSeoulDateTime } from '../../domain/notification/notification-format';
import { DATABASE_RETRY, withTimeout } from '../shared/activity-options';
import { sendNotice } from '../shared/notices';

const inventory = proxyActivities<InventoryActivities>(withTimeout('30 seconds', DATABASE_RETRY));

export interface RestockHoldInput {
  variantId: string;
  entryId: string;
}

export type RestockHoldOutcome =
  'EXPIRED' | 'CLAIMED' | 'CANCELLED' | 'NOT_HELD' | 'NOT_WAITING' | 'NOT_HEAD' | 'NO_STOCK';

/**
 * The hold a waiting consumer gets when stock returns (재고 대기): reserve the units for them, tell
 * them, keep the units for 30 minutes, then — unless they ordered — release them and offer them to
 * the next in line. The timer is durable: a worker restart does not lose or restart it.
 */
export async function restockHoldWorkflow(
  input: RestockHoldInput,
): Promise<{ outcome: RestockHoldOutcome; nextEntryIds: string[] }> {
  const holdExpiresAtMs = Date.now() + HOLD_DURATION_MS;
  const grant = await inventory.grantRestockHold({ entryId: input.entryId, holdExpiresAtMs });
  if (!grant.granted) return { outcome: grant.reason ?? 'NOT_WAITING', nextEntryIds: [] };

  // The hold stands even if the message could not be delivered; the consumer can still see it.
  await sendNotice({
    templateCode: 'RESTOCK_OFFER',
    recipient: { userId: grant.userId! },
    // 고객명 is filled in by the notification context from the recipient's record (no personal data here).
    variables: {
      상품명: grant.productName ?? '대기하신 상품',
      옵션명: grant.optionLabel ?? '기본',
      구매기한: formatSeoulDateTime(new Date(holdExpiresAtMs)),
    },
    dedupeKey: `restock-offer:${input.entryId}`,
  });

  await sleep(HOLD_DURATION_MS);
  const outcome = await inventory.expireRestockHold({ entryId: input.entryId });
  const nextEntryIds =
    outcome === 'EXPIRED' ? await inventory.offerRestockHolds({ variantId: input.variantId }) : [];
  return { outcome, nextEntryIds };
}
