/**
 * NicePay card company codes of cards issued abroad (NicePay 코드집 "카드코드": 25 해외비자,
 * 26 해외마스터, 27 해외다이너스, 28 해외AMX, 29 해외JCB, 34 은련). The approval's `card.cardCode`
 * tells an overseas card from a domestic one, and the window's `cardCode` option limits the card
 * list to them.
 */
export const NICEPAY_OVERSEAS_CARD_CODES = ['25', '26', '27', '28', '29', '34'] as const;

export function isNicepayOverseasCard(cardCode: string | undefined): boolean {
  return cardCode !== undefined && (NICEPAY_OVERSEAS_CARD_CODES as readonly string[]).includes(cardCode);
}
