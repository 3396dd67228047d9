/**
 * How a buyer pays and who processes it (docs/payments.md#methods-and-providers). POINTS never
 * reaches a PG; every other method goes through one of the providers. KakaoPay and NaverPay can be
 * reached two ways: as an easy-pay option inside a PG's window (Toss/NicePay/Inicis) or as their
 * own PG.
 */
export const PAYMENT_METHODS = ['CARD', 'BANK_TRANSFER', 'KAKAOPAY', 'NAVERPAY', 'POINTS'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const PG_PROVIDERS = ['TOSS', 'NICEPAY', 'INICIS', 'KAKAOPAY', 'NAVERPAY'] as const;
export type PgProvider = (typeof PG_PROVIDERS)[number];

/** Domestic cards are charged in KRW by Korean issuers; overseas cards (VISA/Master/JCB…) go through the PG's international route. */
export type CardScope = 'DOMESTIC' | 'OVERSEAS';

/** 계좌이체 (real-time transfer) or 가상계좌 (virtual account, paid later by deposit). */
export type BankTransferKind = 'REAL_TIME' | 'VIRTUAL_ACCOUNT';

export function isPaymentMethod(value: string): value is PaymentMethod {
  return (PAYMENT_METHODS as readonly string[]).includes(value);
}

export function isPgProvider(value: string): value is PgProvider {
  return (PG_PROVIDERS as readonly string[]).includes(value);
}

/** Which providers can take a method. KAKAOPAY/NAVERPAY as providers take only their own method. */
export function providerSupports(provider: PgProvider, method: PaymentMethod): boolean {
  if (method === 'POINTS') return false;
  if (provider === 'KAKAOPAY') return method === 'KAKAOPAY';
  if (provider === 'NAVERPAY') return method === 'NAVERPAY';
  return true;
}

/**
 * The PG Jangteo uses for overseas cards (VISA, Master, JCB, Diners, AMEX, UnionPay): NicePay. Its
 * window can be limited to those brands with a documented option (`cardCode`), its approval names
 * the brand with documented card codes, and a merchant without the overseas-card contract gets a
 * documented code (3051 해외카드 미등록 가맹점) rather than a silent decline. KG Inicis offers overseas
 * cards too, but its window option and card codes for them are not documented where we could check,
 * so the Inicis adapter refuses an overseas-card checkout instead of guessing (docs/vendors/nicepay.md).
 */
export const OVERSEAS_CARD_PROVIDER: PgProvider = 'NICEPAY';
