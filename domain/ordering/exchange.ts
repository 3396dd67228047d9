import { DomainError } from '../shared/domain-error';
import type { OrderLine, OrderPart } from './order';
import { invalidFields, type FieldIssue } from './ordering-errors';
import type { VariantOffer } from './ports';
import { RETURN_REASON_LABELS, returnShippingFeeOf, type ReturnReasonCode } from './refund-rules';

/**
 * Exchanges (교환, docs/ordering.md#exchanges): delivered items swapped for another option of the
 * same product at the same price. No goods money moves; the round trip's shipping (왕복: the return
 * fee and the outbound fee of the seller's policy when ordered) is the buyer's for a change of mind,
 * settled off-platform, and the seller's cost otherwise (settled as a SELLER_COST). Pure.
 */
export const EXCHANGE_STATUSES = ['REQUESTED', 'APPROVED', 'REJECTED', 'SHIPPED', 'DELIVERED'] as const;
export type ExchangeStatus = (typeof EXCHANGE_STATUSES)[number];
export type ExchangeFeePayer = 'BUYER' | 'SELLER';

export const ExchangeErrorCode = {
  EXCHANGE_PRICE_DIFFERS: 'EXCHANGE_PRICE_DIFFERS',
  EXCHANGE_VARIANT_UNAVAILABLE: 'EXCHANGE_VARIANT_UNAVAILABLE',
  EXCHANGE_NOT_FOUND: 'EXCHANGE_NOT_FOUND',
} as const;

export interface ExchangeItem {
  orderLineId: string;
  productId: string;
  productName: string;
  quantity: number;
  fromVariantId: string;
  fromOptions: Record<string, string>;
  toVariantId: string;
  toOptions: Record<string, string>;
}

export interface ExchangeRecord {
  id: string;
  orderId: string;
  sellerId: string;
  status: ExchangeStatus;
  reasonCode: ReturnReasonCode;
  reason: string;
  items: ExchangeItem[];
  /** The round trip's shipping in whole won (0: the seller's policy was unknown when ordered). */
  shippingFee: number;
  payer: ExchangeFeePayer;
  requestedBy: string;
  requestedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  courier: string | null;
  invoiceNumber: string | null;
  shippedAt: Date | null;
  deliveredAt: Date | null;
}

export type NewExchange = Omit<
  ExchangeRecord,
  | 'status'
  | 'decidedBy'
  | 'decidedAt'
  | 'decisionReason'
  | 'courier'
  | 'invoiceNumber'
  | 'shippedAt'
  | 'deliveredAt'
>;

export interface ExchangeWish {
  orderLineId: string;
  variantId: string;
}

export interface ExchangeShipping {
  amount: number;
  payer: ExchangeFeePayer;
  reason: string;
}

/** 왕복 배송비: the return fee plus the outbound fee; a change of mind is the buyer's, anything else the seller's. */
export function exchangeShipping(part: Pick<OrderPart, 'shippingPolicy'>, reasonCode: ReturnReasonCode) {
  const policy = part.shippingPolicy;
  const amount = policy ? returnShippingFeeOf(policy) + policy.baseFee : 0;
  const payer: ExchangeFeePayer = reasonCode === 'CHANGE_OF_MIND' ? 'BUYER' : 'SELLER';
  const label = RETURN_REASON_LABELS[reasonCode];
  const reason =
    payer === 'BUYER' ? `교환 왕복 배송비 (${label})` : `교환 왕복 배송비 판매자 부담 (${label})`;
  return { amount, payer, reason } satisfies ExchangeShipping;
}

const optionText = (options: Record<string, string>) => Object.values(options).join(' / ') || '기본';

/**
 * The items of an exchange request, checked against the part and the catalogue: each names a line
 * the buyer holds and an active variant of the same product, other than the one held, at the line's
 * unit price. Refusals name the field (`body.items.0.variantId`).
 */
export function exchangeItems(
  part: Pick<OrderPart, 'lines'>,
  wishes: readonly ExchangeWish[],
  offers: ReadonlyMap<string, VariantOffer>,
  heldLineIds?: ReadonlySet<string>,
): ExchangeItem[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const found: Array<{ line: OrderLine; wish: ExchangeWish; index: number }> = [];
  wishes.forEach((wish, index) => {
    const line = part.lines.find((l) => l.id === wish.orderLineId);
    const field = `body.items.${index}`;
    if (!line || (heldLineIds && !heldLineIds.has(line.id)))
      issues.push({ field: `${field}.orderLineId`, message: 'not a line of this part held by the buyer' });
    else if (seen.has(line.id))
      issues.push({ field: `${field}.orderLineId`, message: 'the same line is named twice' });
    else if (wish.variantId === line.variantId)
      issues.push({
        field: `${field}.variantId`,
        message: 'the option you already have; choose another one',
      });
    else {
      seen.add(line.id);
      found.push({ line, wish, index });
    }
  });
  if (issues.length > 0) throw invalidFields(issues);

  for (const { line, wish, index } of found) {
    const offer = offers.get(wish.variantId);
    const field = `body.items.${index}.variantId`;
    if (offer && offer.productId !== line.productId)
      issues.push({ field, message: `an option of another product, not of ${line.productName}` });
  }
  if (issues.length > 0) throw invalidFields(issues);

  for (const { line, wish, index } of found) {
    const offer = offers.get(wish.variantId);
    if (!offer || offer.productStatus === 'SUSPENDED')
      throw new DomainError(
        ExchangeErrorCode.EXCHANGE_VARIANT_UNAVAILABLE,
        `body.items.${index}.variantId: this option of ${line.productName} is no longer sold`,
        {
          productName: line.productName,
          errors: [{ field: `body.items.${index}.variantId`, message: 'an option no longer sold' }],
        },
      );
    if (offer.unitPrice !== line.unitPrice)
      throw new DomainError(
        ExchangeErrorCode.EXCHANGE_PRICE_DIFFERS,
        `body.items.${index}.variantId: ${line.productName} (${optionText(offer.options)}) costs ${offer.unitPrice} won, ` +
          `not the ${line.unitPrice} won paid; an exchange moves no money: return the item and order the other option`,
        {
          productName: line.productName,
          options: offer.options,
          unitPrice: offer.unitPrice,
          paidUnitPrice: line.unitPrice,
          errors: [{ field: `body.items.${index}.variantId`, message: 'a different price' }],
        },
      );
  }
  return found.map(({ line, wish }) => ({
    orderLineId: line.id,
    productId: line.productId,
    productName: line.productName,
    quantity: line.quantity,
    fromVariantId: line.variantId,
    fromOptions: line.options,
    toVariantId: wish.variantId,
    toOptions: offers.get(wish.variantId)!.options,
  }));
}

/** `티셔츠 (빨강 / M → 파랑 / M)`, for messages and lists. */
export function exchangeItemText(items: readonly ExchangeItem[]): string {
  return items
    .map(
      (i) => `${i.productName} (${optionText(i.fromOptions)} → ${optionText(i.toOptions)}) ${i.quantity}개`,
    )
    .join(', ');
}
