import { proxyActivities, sleep } from '@temporalio/workflow';
import { notifications } from '../notification/send-notification';
import type { InventoryActivities } from '../../activities/inventory/inventory.activities';
import { HOLD_DURATION_MS } from '../../domain/inventory/waitlist';
import { formatSeoulDateTime } from '../../domain/notification/notification-format';

const inventory = proxyActivities<InventoryActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** The notification context's activity, called on its own task queue. */

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

  try {
    await notifications.sendNotification({
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
  } catch {
    // The hold stands even if the message could not be delivered; the consumer can still see it.
  }

  await sleep(HOLD_DURATION_MS);
  const outcome = await inventory.expireRestockHold({ entryId: input.entryId });
  const nextEntryIds =
    outcome === 'EXPIRED' ? await inventory.offerRestockHolds({ variantId: input.variantId }) : [];
  return { outcome, nextEntryIds };
}
