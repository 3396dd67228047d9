import type { PgProvider } from './payment-method';

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

/**
 * The PG Jangteo uses for overseas cards (VISA, Master, JCB, Diners, AMEX, UnionPay): NicePay. Its
 * window can be limited to those brands with a documented option (`cardCode`), its approval names
 * the brand with documented codes (above), and a merchant without the overseas-card contract gets a
 * documented code (3051 해외카드 미등록 가맹점) rather than a silent decline. KG Inicis offers overseas
 * cards too, but its window option and card codes for them are not documented where we could check,
 * so the Inicis adapter refuses an overseas-card checkout instead of guessing.
 */
export const OVERSEAS_CARD_PROVIDER: PgProvider = 'NICEPAY';
