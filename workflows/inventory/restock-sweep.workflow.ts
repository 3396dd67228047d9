import { proxyActivities } from '@temporalio/workflow';
import type { InventoryActivities } from '../../activities/inventory/inventory.activities';

const inventory = proxyActivities<InventoryActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', maximumInterval: '1 minute', maximumAttempts: 5 },
});

/**
 * Run by the `restock-hold-sweep` schedule: offers holds wherever returned stock covers the head of
 * a waiting queue. Holds are normally started the moment stock returns; this catches the ones a
 * crash between the stock commit and the workflow start would otherwise leave waiting.
 */
export async function restockSweepWorkflow(): Promise<{ variants: number; offered: number }> {
  const result = await inventory.sweepRestockHolds();
  return { variants: result.variants, offered: result.offered.length };
}
