import { z } from '@hono/zod-openapi';
import { idCursor } from '../cursor';
import { MAX_LINE_QUANTITY } from '../../domain/inventory/reservation';
import { CHECKOUT_PROVIDERS, MAX_ORDER_ITEMS } from '../../domain/ordering/checkout';
import { ORDER_COMMANDS, ORDER_STATUSES } from '../../domain/ordering/order-status';
import { PAYMENT_METHODS, PG_PROVIDERS } from '../../domain/payment/payment-method';
import { orderReturnView } from './after-sale.schemas';

const id = (name: string) =>
  z
    .string()
    .min(1)
    .max(36)
    .openapi({ param: { name, in: 'path' } });
const won = (description: string) =>
  z
    .number()
    .int()
    .openapi({ description: `${description} (whole won)` });
const quantity = z.number().int().min(1).max(MAX_LINE_QUANTITY);
const status = z.enum(ORDER_STATUSES);

export const itemIdParam = z.object({ id: id('id') });
export const orderIdParam = z.object({ id: id('id') });

export const pageQuery = z.object({
  cursor: idCursor,
  size: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(20)
    .openapi({ description: 'Page size, at most 100' }),
});
export const sellerOrdersQuery = pageQuery.extend({ status: status.optional() });

// ---- cart ----

export const addCartItemBody = z
  .object({ variantId: z.string().min(1).max(36), quantity: quantity.default(1) })
  .openapi('AddCartItemRequest');
export const changeCartItemBody = z.object({ quantity }).openapi('ChangeCartItemRequest');

export const cartLineView = z
  .object({
    id: z.string(),
    productId: z.string(),
    variantId: z.string(),
    sellerId: z.string().nullable(),
    productName: z
      .string()
      .nullable()
      .openapi({ description: 'Null when the product can no longer be found' }),
    options: z.record(z.string(), z.string()),
    quantity: z.number().int(),
    unitPrice: won('The price now').nullable(),
    priceWhenAdded: won('The price when the item was put in the cart'),
    priceChange: z
      .object({ previous: z.number().int(), current: z.number().int(), difference: z.number().int() })
      .nullable()
      .openapi({ description: 'Set when the price changed since the item was added' }),
    availability: z.enum(['AVAILABLE', 'UNAVAILABLE', 'SOLD_OUT', 'INSUFFICIENT_STOCK']),
    sellable: z.number().int().openapi({ description: 'Units that can be ordered now' }),
    lineAmount: won('Price now × quantity'),
    addedAt: z.string(),
  })
  .openapi('CartLine');

const shippingCharge = z.object({
  kind: z.enum(['BUNDLE', 'INDIVIDUAL', 'SEPARATE']).openapi({
    description:
      'BUNDLE: lines shipped together under the policy; INDIVIDUAL: a product with 개별 배송비; SEPARATE: a 묶음배송 불가 line',
  }),
  productIds: z.array(z.string()),
  goodsAmount: won('Goods in this parcel'),
  fee: won('Fee of this parcel before the area extra (0 when free)'),
  areaFee: won('제주 / 도서산간 extra of this parcel'),
  freeShipping: z.boolean(),
});

export const cartPartView = z
  .object({
    sellerId: z.string(),
    goodsAmount: won('This seller’s orderable goods'),
    shippingFee: won('Shipping this seller’s part costs now'),
    freeShippingOver: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'The seller’s free-shipping threshold' }),
    amountToFreeShipping: z.number().int().nullable().openapi({
      description:
        'Goods to add to this seller’s bundle for free shipping: 0 when free already, null when no threshold applies',
    }),
    area: z.enum(['MAINLAND', 'JEJU', 'REMOTE']),
    shippingCharges: z.array(shippingCharge),
  })
  .openapi('CartPart');

export const cartQuery = z.object({
  zipCode: z
    .string()
    .regex(/^\d{5}$/, 'must be a 5-digit 우편번호')
    .optional()
    .openapi({
      description: 'The delivery 우편번호: adds the 제주/도서산간 fee; absent: mainland fees',
      example: '63100',
    }),
});

export const cartView = z
  .object({
    items: z.array(cartLineView),
    parts: z
      .array(cartPartView)
      .openapi({ description: 'Per seller, the orderable goods and their shipping fee' }),
    goodsAmount: won('Total of the items that can be ordered as they are'),
    shippingFee: won('Sum of the parts’ shipping fees'),
    totalAmount: won('goodsAmount + shippingFee: what checkout would charge'),
    orderableCount: z.number().int(),
    unavailableCount: z.number().int(),
    priceChangedCount: z.number().int(),
  })
  .openapi('Cart');

// ---- orders ----

export const shippingAddressSchema = z
  .object({
    recipient: z.string().max(100).openapi({ example: '김민지' }),
    phone: z.string().max(20).openapi({ example: '010-1234-5678' }),
    zipCode: z.string().max(10).openapi({ example: '06236', description: '5-digit 우편번호' }),
    address1: z.string().max(300).openapi({ example: '서울특별시 강남구 테헤란로 152' }),
    address2: z.string().max(300).nullable().optional().openapi({ example: '12층' }),
    deliveryMemo: z.string().max(300).nullable().optional().openapi({
      example: '부재 시 문 앞에 놓아 주세요',
      description: '배송 메모 for the courier, at most 100 characters',
    }),
  })
  .openapi('ShippingAddress');

export const placeOrderBody = z
  .object({
    items: z
      .array(z.object({ variantId: z.string().max(36), quantity: z.number().int() }))
      .max(MAX_ORDER_ITEMS)
      .optional()
      .openapi({ description: 'What to order; absent: everything in the cart' }),
    shippingAddress: shippingAddressSchema.optional().openapi({
      description: 'Where to deliver; absent: `addressId` names an address of the buyer’s address book',
    }),
    addressId: z
      .string()
      .max(36)
      .optional()
      .openapi({ description: 'An address of `GET /me/addresses`, instead of `shippingAddress`' }),
    payment: z.object({
      method: z.enum(PAYMENT_METHODS),
      provider: z.enum(CHECKOUT_PROVIDERS).optional().openapi({
        description:
          'The PG. Absent: KAKAOPAY/NAVERPAY for those methods, NICEPAY for an overseas card, else TOSS',
      }),
      cardScope: z
        .enum(['DOMESTIC', 'OVERSEAS'])
        .optional()
        .openapi({ description: 'Cards only: OVERSEAS opens the PG’s window for cards issued abroad' }),
      points: z
        .number()
        .int()
        .min(0)
        .optional()
        .openapi({ description: 'Points (1 point = 1 won) to pay part of the order with' }),
    }),
  })
  .openapi('PlaceOrderRequest');

export const orderLineView = z
  .object({
    id: z.string(),
    sellerId: z.string(),
    productId: z.string(),
    variantId: z.string(),
    productName: z.string(),
    options: z.record(z.string(), z.string()),
    unitPrice: won('Price at placement'),
    quantity: z.number().int(),
    lineAmount: won('unitPrice × quantity'),
    shippingFee: z.number().int().nullable().openapi({
      description: 'The product’s 개별 배송비 when ordered; null: the seller’s policy applied',
    }),
    bundleShipping: z.boolean().openapi({ description: 'false: 묶음배송 불가, shipped and charged alone' }),
  })
  .openapi('OrderLine');

export const orderPartView = z
  .object({
    sellerId: z.string(),
    status,
    subtotal: won('Sum of this seller’s lines'),
    shippingFee: won('Shipping charged for this seller’s part'),
    lines: z.array(orderLineView),
  })
  .openapi('OrderPart');

const orderAmounts = {
  goodsAmount: won('Sum of all lines, priced by the server'),
  shippingFee: won('Sum of the parts’ shipping fees'),
  totalAmount: won('goodsAmount + shippingFee: what the buyer pays (points + PG)'),
};

const paymentView = z.object({
  method: z.enum(PAYMENT_METHODS),
  provider: z.enum(PG_PROVIDERS).nullable(),
  pointsAmount: won('Paid with points'),
  payableAmount: won('Paid through the PG'),
});

export const orderSummaryView = z
  .object({
    id: z.string(),
    orderNumber: z.string().openapi({ example: 'JT2026112404718263' }),
    status,
    ...orderAmounts,
    pointsAmount: won('Paid with points'),
    payableAmount: won('Paid through the PG'),
    itemCount: z.number().int(),
    title: z.string().openapi({ example: '무선 이어폰 외 2건' }),
    parts: z.array(
      z.object({ sellerId: z.string(), status, subtotal: z.number().int(), shippingFee: z.number().int() }),
    ),
    placedAt: z.string(),
    paymentDueAt: z.string(),
  })
  .openapi('OrderSummary');

const refundStatus = z.enum(['PENDING', 'DONE', 'FAILED']).nullable().openapi({
  description:
    'The order’s refunds taken together: FAILED while a refund the PG refused waits for an operator’s retry, PENDING while one is being made, DONE when the money is back, null when nothing was refunded',
});

const refundView = z.object({
  refundId: z.string(),
  amount: won('Given back in all'),
  pgAmount: won('Through the PG'),
  pointsAmount: won('As points'),
  status: z.enum(['PENDING', 'DONE', 'FAILED']),
  failureCode: z.string().nullable().openapi({ description: 'The PG’s code when it refused the refund' }),
  updatedAt: z.string(),
});

export const orderDetailView = z
  .object({
    id: z.string(),
    orderNumber: z.string(),
    status,
    ...orderAmounts,
    pointsAmount: won('Paid with points'),
    payableAmount: won('Paid through the PG'),
    payment: paymentView,
    shippingAddress: shippingAddressSchema
      .nullable()
      .openapi({ description: 'Null after the buyer withdrew (erased)' }),
    parts: z.array(orderPartView),
    lines: z.array(orderLineView),
    timeline: z.array(
      z.object({ status, at: z.string(), sellerId: z.string().nullable(), command: z.string() }),
    ),
    allowedCommands: z.array(z.enum(ORDER_COMMANDS)),
    refundStatus,
    refunds: z.array(refundView),
    returns: z.array(orderReturnView),
    placedAt: z.string(),
    paymentDueAt: z.string(),
  })
  .openapi('Order');

export const ordersPage = z
  .object({ items: z.array(orderSummaryView), nextCursor: z.string().nullable() })
  .openapi('OrderPage');

export const sellerOrderView = z
  .object({
    orderId: z.string(),
    orderNumber: z.string(),
    status: status.openapi({ description: 'Status of this seller’s part' }),
    orderStatus: status,
    subtotal: won('Sum of this seller’s lines'),
    shippingFee: won('Shipping the buyer paid for this part (passed to the seller at settlement)'),
    lines: z.array(orderLineView),
    shippingAddress: shippingAddressSchema
      .nullable()
      .openapi({ description: 'Shown once the order is paid' }),
    refundStatus,
    placedAt: z.string(),
  })
  .openapi('SellerOrder');

export const sellerOrdersPage = z
  .object({ items: z.array(sellerOrderView), nextCursor: z.string().nullable() })
  .openapi('SellerOrderPage');

export const placedOrderView = z
  .object({
    id: z.string(),
    orderNumber: z.string(),
    status,
    ...orderAmounts,
    pointsAmount: won('Paid with points'),
    payableAmount: won('To pay through the PG'),
    paymentDueAt: z
      .string()
      .openapi({ description: 'Unpaid orders are cancelled at this time (30 minutes after placement)' }),
    payment: z
      .object({ method: z.enum(PAYMENT_METHODS), provider: z.enum(PG_PROVIDERS).nullable() })
      .passthrough(),
    parts: z.array(orderPartView),
  })
  .openapi('PlacedOrder');
