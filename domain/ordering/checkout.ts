import { PhoneNumber } from '../identity/phone-number';
import { OVERSEAS_CARD_PROVIDER } from '../payment/payment-method';
import {
  isPaymentMethod,
  PG_PROVIDERS,
  providerSupports,
  type CardScope,
  type PaymentMethod,
  type PgProvider,
} from '../payment/payment-method';
import { MAX_LINE_QUANTITY } from '../inventory/reservation';
import { invalidFields, type FieldIssue } from './ordering-errors';

/** Where the parcel goes. Personal data: stored encrypted, erased when the buyer withdraws. */
export interface ShippingAddress {
  recipient: string;
  /** Digits only (`01012345678`). */
  phone: string;
  /** 5-digit 우편번호 (road-name address system). */
  zipCode: string;
  address1: string;
  address2: string | null;
  /** 배송 메모 for the courier (≤ 100 characters), shown to the seller; absent when none. */
  deliveryMemo?: string;
}

export const MAX_DELIVERY_MEMO = 100;

/**
 * The PGs a buyer may choose at checkout (docs/payments.md#methods-and-providers); KakaoPay and NaverPay take
 * only their own method.
 */
export const CHECKOUT_PROVIDERS = PG_PROVIDERS;
export type CheckoutProvider = PgProvider;
export const DEFAULT_PROVIDER: CheckoutProvider = 'TOSS';
/** PGs whose window can be limited to overseas cards (Toss `useInternationalCardOnly`, NicePay card codes). */
const OVERSEAS_CARD_PROVIDERS: readonly PgProvider[] = ['NICEPAY', 'TOSS'];

/**
 * The PG when the buyer names none: KakaoPay and NaverPay go to their own PG, overseas cards to the
 * PG chosen for them (NicePay), everything else to Toss.
 */
export function defaultProviderFor(method: PaymentMethod, cardScope: CardScope | null): PgProvider {
  if (method === 'KAKAOPAY') return 'KAKAOPAY';
  if (method === 'NAVERPAY') return 'NAVERPAY';
  if (method === 'CARD' && cardScope === 'OVERSEAS') return OVERSEAS_CARD_PROVIDER;
  return DEFAULT_PROVIDER;
}

export interface PaymentChoice {
  method: PaymentMethod;
  provider: CheckoutProvider | null;
  /** Cards only: OVERSEAS opens the PG's international card window. */
  cardScope: CardScope | null;
  /** Points to use (0: none). For method POINTS, absent means "the whole total". */
  points: number | undefined;
}

export interface CheckoutItem {
  variantId: string;
  quantity: number;
}

export interface CheckoutRequest {
  /** Absent: order what is in the cart. */
  items: CheckoutItem[] | null;
  shippingAddress: ShippingAddress;
  payment: PaymentChoice;
}

export const MAX_ORDER_ITEMS = 100;

const text = (value: unknown): string => (typeof value === 'string' ? value.normalize('NFC').trim() : '');

/**
 * Checks a checkout body against the rules and returns it normalised (trimmed, phone as digits),
 * or throws VALIDATION_FAILED naming every wrong field (`body.shippingAddress.zipCode`).
 */
export function validateCheckout(raw: {
  items?: { variantId?: unknown; quantity?: unknown }[] | null;
  shippingAddress?: Record<string, unknown> | null;
  payment?: Record<string, unknown> | null;
}): CheckoutRequest {
  const errors: FieldIssue[] = [];
  const shippingAddress = readShippingAddress(raw.shippingAddress ?? {}, 'body.shippingAddress', errors);

  const payment = raw.payment ?? {};
  const method =
    typeof payment.method === 'string' && isPaymentMethod(payment.method) ? payment.method : null;
  if (!method)
    errors.push({
      field: 'body.payment.method',
      message: 'must be CARD, BANK_TRANSFER, KAKAOPAY, NAVERPAY or POINTS',
    });
  let provider: CheckoutProvider | null = null;
  if (payment.provider !== undefined && payment.provider !== null) {
    if (
      typeof payment.provider === 'string' &&
      (CHECKOUT_PROVIDERS as readonly string[]).includes(payment.provider)
    )
      provider = payment.provider as CheckoutProvider;
    else
      errors.push({
        field: 'body.payment.provider',
        message: 'must be TOSS, NICEPAY, INICIS, KAKAOPAY or NAVERPAY',
      });
  }
  if (method && method !== 'POINTS' && provider && !providerSupports(provider, method))
    errors.push({
      field: 'body.payment.provider',
      message: `${provider} takes only its own method (${provider})`,
    });
  let cardScope: CardScope | null = null;
  if (payment.cardScope !== undefined && payment.cardScope !== null) {
    if (payment.cardScope !== 'DOMESTIC' && payment.cardScope !== 'OVERSEAS')
      errors.push({ field: 'body.payment.cardScope', message: 'must be DOMESTIC or OVERSEAS' });
    else if (method !== 'CARD')
      errors.push({ field: 'body.payment.cardScope', message: 'applies to card payments only' });
    else cardScope = payment.cardScope;
  }
  if (cardScope === 'OVERSEAS' && provider && !OVERSEAS_CARD_PROVIDERS.includes(provider))
    errors.push({
      field: 'body.payment.provider',
      message: `overseas cards are paid through ${OVERSEAS_CARD_PROVIDERS.join(' or ')}`,
    });
  if (method === 'POINTS' && provider)
    errors.push({ field: 'body.payment.provider', message: 'a points-only payment uses no PG' });
  let points: number | undefined;
  if (payment.points !== undefined && payment.points !== null) {
    if (typeof payment.points === 'number' && Number.isSafeInteger(payment.points) && payment.points >= 0)
      points = payment.points;
    else errors.push({ field: 'body.payment.points', message: 'must be a whole number of points ≥ 0' });
  }

  let items: CheckoutItem[] | null = null;
  if (raw.items !== undefined && raw.items !== null) {
    if (raw.items.length < 1 || raw.items.length > MAX_ORDER_ITEMS)
      errors.push({ field: 'body.items', message: `must hold 1–${MAX_ORDER_ITEMS} items` });
    items = raw.items.map((item, i) => {
      const variantId = typeof item.variantId === 'string' ? item.variantId.trim() : '';
      if (!/^[A-Za-z0-9-]{1,36}$/.test(variantId))
        errors.push({ field: `body.items.${i}.variantId`, message: 'must be a variant id' });
      const quantity = typeof item.quantity === 'number' ? item.quantity : NaN;
      if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > MAX_LINE_QUANTITY)
        errors.push({
          field: `body.items.${i}.quantity`,
          message: `must be a whole number 1–${MAX_LINE_QUANTITY}`,
        });
      return { variantId, quantity };
    });
  }
  if (errors.length > 0) throw invalidFields(errors);
  return {
    items,
    shippingAddress,
    payment: { method: method!, provider: method === 'POINTS' ? null : provider, cardScope, points },
  };
}

/**
 * Reads an address (checkout or address book), adding an issue per wrong field under `prefix`
 * (`body.shippingAddress.zipCode`); the result is only meaningful when no issue was added.
 */
export function readShippingAddress(
  address: Record<string, unknown>,
  prefix: string,
  errors: FieldIssue[],
): ShippingAddress {
  const recipient = text(address.recipient);
  if (recipient.length < 1 || [...recipient].length > 50)
    errors.push({ field: `${prefix}.recipient`, message: 'must be 1–50 characters' });
  let phone = '';
  try {
    phone = PhoneNumber.create(
      typeof address.phone === 'string' ? address.phone : '',
      `${prefix}.phone`,
    ).value;
  } catch {
    errors.push({
      field: `${prefix}.phone`,
      message: 'must be a Korean mobile or landline number, e.g. 010-1234-5678',
    });
  }
  const zipCode = text(address.zipCode);
  if (!/^\d{5}$/.test(zipCode))
    errors.push({ field: `${prefix}.zipCode`, message: 'must be a 5-digit 우편번호' });
  const address1 = text(address.address1);
  if (address1.length < 1 || [...address1].length > 200)
    errors.push({ field: `${prefix}.address1`, message: 'must be 1–200 characters' });
  const address2 = address.address2 === undefined || address.address2 === null ? '' : text(address.address2);
  if ([...address2].length > 200)
    errors.push({ field: `${prefix}.address2`, message: 'must be at most 200 characters' });
  const memo =
    address.deliveryMemo === undefined || address.deliveryMemo === null ? '' : text(address.deliveryMemo);
  if (
    address.deliveryMemo !== undefined &&
    address.deliveryMemo !== null &&
    typeof address.deliveryMemo !== 'string'
  )
    errors.push({ field: `${prefix}.deliveryMemo`, message: 'must be text' });
  else if ([...memo].length > MAX_DELIVERY_MEMO)
    errors.push({
      field: `${prefix}.deliveryMemo`,
      message: `must be at most ${MAX_DELIVERY_MEMO} characters`,
    });
  return {
    recipient,
    phone,
    zipCode,
    address1,
    address2: address2 || null,
    // Absent rather than null: an address without a memo reads (and hashes) as before.
    ...(memo ? { deliveryMemo: memo } : {}),
  };
}
