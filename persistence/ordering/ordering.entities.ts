import { EntitySchema } from 'typeorm';
import { bigint, bool, id, int, nullableText, ref, text, time } from '../entity-columns';
import { ShippingPolicyEntity } from './shipping-policy.entity';

export interface CartItemRow {
  id: string;
  userId: string;
  variantId: string;
  productId: string;
  quantity: number;
  priceWhenAdded: number;
  addedAt: Date;
  updatedAt: Date;
}

export interface OrderRow {
  id: string;
  orderNumber: string;
  userId: string;
  status: string;
  totalAmount: number;
  pointsAmount: number;
  payableAmount: number;
  paymentMethod: string;
  paymentProvider: string | null;
  cardScope: string | null;
  /** Ciphertext (PiiCipher) of the address JSON; null once erased. */
  shippingAddress: string | null;
  personalDataErasedAt: Date | null;
  idempotencyKey: string | null;
  requestHash: string | null;
  placedAt: Date;
  paymentDueAt: Date;
  updatedAt: Date;
  version: number;
}

export interface OrderPartRow {
  id: string;
  orderId: string;
  sellerId: string;
  status: string;
  subtotal: number;
  shippingFee: number;
  /** JSON of the seller's ShippingPolicy when ordered; null before shipping fees. */
  shippingPolicy: string | null;
  placedAt: Date;
  updatedAt: Date;
}

export interface OrderLineRow {
  id: string;
  orderId: string;
  sellerId: string;
  productId: string;
  variantId: string;
  productName: string;
  /** JSON of the option values. */
  options: string;
  unitPrice: number;
  quantity: number;
  lineAmount: number;
  shippingFee: number | null;
  bundleShipping: boolean;
  position: number;
}

export interface OrderHistoryRow {
  id: string;
  orderId: string;
  seq: number;
  sellerId: string | null;
  fromStatus: string | null;
  toStatus: string;
  command: string;
  actorId: string | null;
  reason: string | null;
  transitionKey: string | null;
  at: Date;
}

export const CartItemEntity = new EntitySchema<CartItemRow>({
  name: 'CartItem',
  tableName: 'cart_items',
  columns: {
    id,
    userId: ref('user_id'),
    variantId: ref('variant_id'),
    productId: ref('product_id'),
    quantity: int('quantity'),
    priceWhenAdded: bigint('price_when_added'),
    addedAt: time('added_at'),
    updatedAt: time('updated_at'),
  },
});

export const OrderEntity = new EntitySchema<OrderRow>({
  name: 'Order',
  tableName: 'orders',
  columns: {
    id,
    orderNumber: text('order_number', 20),
    userId: ref('user_id'),
    status: text('status', 20),
    totalAmount: bigint('total_amount'),
    pointsAmount: bigint('points_amount'),
    payableAmount: bigint('payable_amount'),
    paymentMethod: text('payment_method', 20),
    paymentProvider: text('payment_provider', 20, true),
    cardScope: text('card_scope', 10, true),
    shippingAddress: nullableText('shipping_address'),
    personalDataErasedAt: time('personal_data_erased_at', true),
    idempotencyKey: text('idempotency_key', 100, true),
    requestHash: text('request_hash', 64, true),
    placedAt: time('placed_at'),
    paymentDueAt: time('payment_due_at'),
    updatedAt: time('updated_at'),
    version: int('version'),
  },
});

export const OrderPartEntity = new EntitySchema<OrderPartRow>({
  name: 'OrderPart',
  tableName: 'order_parts',
  columns: {
    id,
    orderId: ref('order_id'),
    sellerId: ref('seller_id'),
    status: text('status', 20),
    subtotal: bigint('subtotal'),
    shippingFee: bigint('shipping_fee'),
    shippingPolicy: nullableText('shipping_policy'),
    placedAt: time('placed_at'),
    updatedAt: time('updated_at'),
  },
});

export const OrderLineEntity = new EntitySchema<OrderLineRow>({
  name: 'OrderLine',
  tableName: 'order_lines',
  columns: {
    id,
    orderId: ref('order_id'),
    sellerId: ref('seller_id'),
    productId: ref('product_id'),
    variantId: ref('variant_id'),
    productName: text('product_name', 300),
    options: text('options', 1000),
    unitPrice: bigint('unit_price'),
    quantity: int('quantity'),
    lineAmount: bigint('line_amount'),
    shippingFee: { ...bigint('shipping_fee'), nullable: true },
    bundleShipping: bool('bundle_shipping'),
    position: int('position'),
  },
});

export const OrderHistoryEntity = new EntitySchema<OrderHistoryRow>({
  name: 'OrderHistory',
  tableName: 'order_history',
  columns: {
    id,
    orderId: ref('order_id'),
    seq: int('seq'),
    sellerId: ref('seller_id', true),
    fromStatus: text('from_status', 20, true),
    toStatus: text('to_status', 20),
    command: text('command', 30),
    actorId: ref('actor_id', true),
    reason: text('reason', 500, true),
    transitionKey: text('transition_key', 120, true),
    at: time('at'),
  },
});

export const orderingEntities = [
  ShippingPolicyEntity,
  CartItemEntity,
  OrderEntity,
  OrderPartEntity,
  OrderLineEntity,
  OrderHistoryEntity,
];
