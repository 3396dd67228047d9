import { CatalogErrorCode, invalidField } from './catalog-errors';
import {
  MAX_VARIANTS,
  normaliseOptions,
  normaliseSelection,
  selectionKey,
  type OptionSelection,
  type ProductOption,
} from './product-options';
import type { ProductImage } from './product-image';
import { deriveSaleStatus, type SaleStatus } from './sale-status';

export const NAME_MAX_LENGTH = 100;
export const DESCRIPTION_MAX_LENGTH = 10_000;
/** 10억 원: far above anything a small merchant lists, low enough to stay a safe integer in sums. */
export const MAX_PRICE = 1_000_000_000;
/** Highest 개별 배송비: a typo guard (docs/ordering.md#shipping-fees). */
export const MAX_PRODUCT_SHIPPING_FEE = 1_000_000;

export interface ProductVariant {
  id: string;
  options: OptionSelection;
  /** Added to the product price for this combination (may be negative, never making the price ≤ 0). */
  priceDelta: number;
  position: number;
}

export interface Product {
  id: string;
  sellerId: string;
  name: string;
  description: string;
  /** Whole won, > 0. */
  price: number;
  categoryId: string | null;
  options: ProductOption[];
  variants: ProductVariant[];
  images: ProductImage[];
  /** The seller's own switch; the visible status is derived from it and the stock. */
  suspended: boolean;
  status: SaleStatus;
  /** Units sold; the `popularity` sort. */
  popularity: number;
  /** 개별 배송비 in whole won, charged on its own; null: the seller's shipping policy applies. */
  shippingFee: number | null;
  /** False: 묶음배송 불가, every order line of it ships (and is charged) alone. */
  bundleShipping: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewVariantInput {
  options: OptionSelection;
  stock: number;
  priceDelta?: number;
}

export interface NewProductInput {
  sellerId: string;
  name: string;
  description: string;
  price: number;
  categoryId: string | null;
  options: ProductOption[];
  variants: NewVariantInput[];
  shippingFee?: number | null;
  bundleShipping?: boolean;
}

export interface ProductChanges {
  name?: string;
  description?: string;
  price?: number;
  categoryId?: string | null;
  suspended?: boolean;
  shippingFee?: number | null;
  bundleShipping?: boolean;
}

/** Length in characters as a person counts them (code points, so 한글 and emoji count once). */
const characterCount = (value: string) => [...value].length;

export function validName(name: string): string {
  const trimmed = name.normalize('NFC').trim();
  const length = characterCount(trimmed);
  if (length < 1 || length > NAME_MAX_LENGTH) {
    throw invalidField('body.name', `must be 1–${NAME_MAX_LENGTH} characters (got ${length})`);
  }
  return trimmed;
}

export function validDescription(description: string): string {
  const normalised = description.normalize('NFC');
  if (characterCount(normalised) > DESCRIPTION_MAX_LENGTH) {
    throw invalidField('body.description', `must be at most ${DESCRIPTION_MAX_LENGTH} characters`);
  }
  return normalised;
}

export function validPrice(price: number, field = 'body.price'): number {
  if (!Number.isSafeInteger(price) || price <= 0 || price > MAX_PRICE) {
    throw invalidField(field, `must be a whole number of won between 1 and ${MAX_PRICE}`);
  }
  return price;
}

export function validStock(stock: number, field: string): number {
  if (!Number.isSafeInteger(stock) || stock < 0) throw invalidField(field, 'must be a whole number ≥ 0');
  return stock;
}

export function validShippingFee(fee: number | null, field = 'body.shippingFee'): number | null {
  if (fee !== null && (!Number.isSafeInteger(fee) || fee < 0 || fee > MAX_PRODUCT_SHIPPING_FEE))
    throw invalidField(
      field,
      `must be whole won 0–${MAX_PRODUCT_SHIPPING_FEE}, or null for the seller's policy`,
    );
  return fee;
}

function checkVariantPrices(
  price: number,
  variants: readonly Pick<ProductVariant, 'priceDelta'>[],
  field: string,
) {
  variants.forEach((variant, i) => {
    const total = price + variant.priceDelta;
    if (total <= 0 || total > MAX_PRICE) {
      throw invalidField(
        `${field}.${i}.priceDelta`,
        `price ${price} + delta ${variant.priceDelta} must stay between 1 and ${MAX_PRICE}`,
      );
    }
  });
}

/**
 * Builds a new product from a seller's input, refusing anything a rule forbids before anything is
 * stored. Returns the initial stock per variant for the inventory context.
 */
export function createProduct(
  input: NewProductInput,
  deps: { newId: () => string; now: Date },
): { product: Product; initialStock: { variantId: string; onHand: number }[] } {
  const name = validName(input.name);
  const description = validDescription(input.description);
  const price = validPrice(input.price);
  const shippingFee = validShippingFee(input.shippingFee ?? null);
  const options = normaliseOptions(input.options);
  if (input.variants.length === 0) throw invalidField('body.variants', 'must list at least one variant');
  if (input.variants.length > MAX_VARIANTS)
    throw invalidField('body.variants', `at most ${MAX_VARIANTS} variants`);

  const seen = new Map<string, number>();
  const initialStock: { variantId: string; onHand: number }[] = [];
  const variants = input.variants.map((raw, i): ProductVariant => {
    const field = `body.variants.${i}`;
    const selection = normaliseSelection(options, raw.options, `${field}.options`);
    const key = selectionKey(options, selection);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw invalidField(
        `${field}.options`,
        `same combination as variants.${earlier}`,
        CatalogErrorCode.DUPLICATE_VARIANT,
      );
    }
    seen.set(key, i);
    const priceDelta = raw.priceDelta ?? 0;
    if (!Number.isSafeInteger(priceDelta))
      throw invalidField(`${field}.priceDelta`, 'must be a whole number of won');
    const id = deps.newId();
    initialStock.push({ variantId: id, onHand: validStock(raw.stock, `${field}.stock`) });
    return { id, options: selection, priceDelta, position: i };
  });
  checkVariantPrices(price, variants, 'body.variants');

  const product: Product = {
    id: deps.newId(),
    sellerId: input.sellerId,
    name,
    description,
    price,
    categoryId: input.categoryId,
    options,
    variants,
    images: [],
    suspended: false,
    status: deriveSaleStatus(
      false,
      initialStock.some((s) => s.onHand > 0),
    ),
    popularity: 0,
    shippingFee,
    bundleShipping: input.bundleShipping ?? true,
    createdAt: deps.now,
    updatedAt: deps.now,
  };
  return { product, initialStock };
}

/** Applies a seller's edit; the status is re-derived with the stock availability the caller read. */
export function changeProduct(
  product: Product,
  changes: ProductChanges,
  anyVariantSellable: boolean,
  now: Date,
): Product {
  const next: Product = { ...product, updatedAt: now };
  if (changes.name !== undefined) next.name = validName(changes.name);
  if (changes.description !== undefined) next.description = validDescription(changes.description);
  if (changes.price !== undefined) {
    next.price = validPrice(changes.price);
    checkVariantPrices(next.price, next.variants, 'variants');
  }
  if (changes.categoryId !== undefined) next.categoryId = changes.categoryId;
  if (changes.suspended !== undefined) next.suspended = changes.suspended;
  if (changes.shippingFee !== undefined) next.shippingFee = validShippingFee(changes.shippingFee);
  if (changes.bundleShipping !== undefined) next.bundleShipping = changes.bundleShipping;
  next.status = deriveSaleStatus(next.suspended, anyVariantSellable);
  return next;
}

export function variantPrice(
  product: Pick<Product, 'price'>,
  variant: Pick<ProductVariant, 'priceDelta'>,
): number {
  return product.price + variant.priceDelta;
}

/** The text the database search looks in: name and description, NFC, lower case, single spaces. */
export function searchTextOf(product: Pick<Product, 'name' | 'description'>, maxLength = 2000): string {
  return normaliseSearchText(`${product.name} ${product.description}`).slice(0, maxLength);
}

export function normaliseSearchText(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}
