import { settlementWeek } from '../../domain/settlement';
import { uuidv7 } from '../../platform/ids';
import type { TestAccount } from './identity';
import type { SettlementSandbox } from './settlement-sandbox';

const DAY = 86_400_000;

/**
 * A weekly settlement of `seller` prepared by the real settlement activities, as the weekly run
 * does (test/integration/settlement-api.test.ts): sales (one unit each unless told) whose hold
 * ended in `weekId`, then the seller's settlement of that week (PAYOUT_PENDING from 10,000 won
 * net, CARRIED_OVER below).
 */
export async function seedSettlement(
  sandbox: SettlementSandbox,
  seller: TestAccount,
  weekId: string,
  lines: Array<{ productName: string; amount: number; quantity?: number }>,
): Promise<{ settlementId: string; orderNumber: string }> {
  const payableAt = new Date(settlementWeek(weekId).start.getTime() + 2 * DAY);
  const orderNumber = `JT${weekId.slice(0, 4)}${uuidv7().replaceAll('-', '').slice(-12)}`;
  await sandbox.activities.recordPayableLines({
    orderId: uuidv7(),
    orderNumber,
    sellerId: seller.id,
    purchaseConfirmedAt: new Date(payableAt.getTime() - 7 * DAY).toISOString(),
    payableAt: payableAt.toISOString(),
    lines: lines.map((line) => ({ orderLineId: uuidv7(), quantity: 1, ...line })),
  });
  const prepared = await sandbox.activities.prepareSellerSettlement({ weekId, sellerId: seller.id });
  return { settlementId: prepared!.settlementId, orderNumber };
}
