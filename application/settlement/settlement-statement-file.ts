import { settlementStatementCsv, type SettlementStore } from '../../domain/settlement';
import { readSettlement } from './read-settlement';

export interface SettlementStatementFile {
  fileName: string;
  csv: string;
}

/**
 * The statement of one settlement as the CSV the statement e-mail attaches (docs/settlement.md),
 * for a seller to download at any time; another seller's settlement is not found.
 */
export async function settlementStatementFile(
  deps: {
    store: SettlementStore;
    /** The seller's 상호 as registered, or null when it has no seller profile. */
    companyNameOf(sellerId: string): Promise<string | null>;
  },
  settlementId: string,
  forSellerId: string,
): Promise<SettlementStatementFile> {
  const settlement = await readSettlement(deps.store, settlementId, forSellerId);
  const companyName = (await deps.companyNameOf(settlement.sellerId)) ?? '판매자';
  return {
    fileName: `jangteo-settlement-${settlement.weekId}.csv`,
    csv: settlementStatementCsv(settlement, companyName),
  };
}
