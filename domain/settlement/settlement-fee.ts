/**
 * The platform fee. Rates are basis points (1 bp = 0.01 %), whole numbers, so no binary fraction
 * ever touches money; each payable line stores the rate in force when it became payable.
 *
 * Rounding rule: the fee of a line is ⌊amount × rate ÷ 10 000⌋ — fractions of a won are cut
 * (원 미만 절사) in the seller's favour — and a settlement's fee is the sum of its lines' fees, so
 * the lines of a statement add up exactly to its total.
 */
export const PLATFORM_FEE_RATE_BPS = 500;

/** The largest line amount whose fee is still computed exactly in IEEE doubles (amount × 10 000 < 2^53). */
export const MAX_LINE_AMOUNT = 100_000_000_000;

export function lineFee(amount: number, rateBps: number): number {
  if (!Number.isSafeInteger(amount) || amount < 0 || amount > MAX_LINE_AMOUNT)
    throw new RangeError(`a line amount is whole won between 0 and ${MAX_LINE_AMOUNT}, got ${amount}`);
  if (!Number.isInteger(rateBps) || rateBps < 0 || rateBps > 10_000)
    throw new RangeError(`a fee rate is whole basis points between 0 and 10000, got ${rateBps}`);
  return Math.floor((amount * rateBps) / 10_000);
}

/** `500` → `"5%"`, `250` → `"2.5%"` (statements). */
export function formatRate(rateBps: number): string {
  return `${rateBps / 100}%`;
}

/**
 * The fee is quoted VAT included (as Korean marketplaces quote their 판매수수료), so the tax invoice
 * splits it: 공급가액 = round(fee × 10 ÷ 11), 세액 = fee − 공급가액. (fee × 10 ÷ 11 never ends in
 * exactly .5, so the rounding is unambiguous; 세액 is within one won of 10 % of 공급가액.)
 */
export function splitVatIncluded(total: number): { supplyCost: number; tax: number; total: number } {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`whole won ≥ 0, got ${total}`);
  const supplyCost = Math.round((total * 10) / 11);
  return { supplyCost, tax: total - supplyCost, total };
}
