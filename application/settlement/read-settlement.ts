import {
  SettlementError,
  SettlementErrorCode,
  type SettlementDetail,
  type SettlementStore,
} from '../../domain/settlement';

/** One settlement; for a seller, another seller's settlement is not found rather than shown. */
export async function readSettlement(
  store: SettlementStore,
  id: string,
  forSellerId?: string,
): Promise<SettlementDetail> {
  const settlement = await store.get(id);
  if (forSellerId === undefined) {
    if (!settlement) throw new SettlementError(SettlementErrorCode.NOT_FOUND, `No settlement ${id}.`);
    return settlement;
  }
  if (!settlement || settlement.sellerId !== forSellerId)
    throw new SettlementError(SettlementErrorCode.NOT_FOUND, `No settlement ${id} for this seller.`);
  return settlement;
}
