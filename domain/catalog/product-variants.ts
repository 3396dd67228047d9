import { DomainError } from '../shared/domain-error';
import { CatalogErrorCode, invalidField } from './catalog-errors';
import { MAX_OPTION_VALUES, MAX_VARIANTS, selectionKey, type OptionSelection } from './product-options';
import { MAX_PRICE, validStock, type Product, type ProductVariant } from './product';

/**
 * Variants after a product is listed (docs/catalog.md#options-and-variants). A removed variant is
 * deactivated, never deleted: past orders keep their own copy of its name and options, and adding
 * the same combination again brings the old variant (and its id) back.
 */
export interface VariantAddition {
  product: Product;
  variant: ProductVariant;
  /** True when the combination was a removed variant that comes back (its stock row exists). */
  restored: boolean;
  stock: number;
}

const label = (value: string) => value.normalize('NFC').trim();

function checkDelta(price: number, priceDelta: number, field: string): number {
  if (!Number.isSafeInteger(priceDelta)) throw invalidField(field, 'must be a whole number of won');
  const total = price + priceDelta;
  if (total <= 0 || total > MAX_PRICE)
    throw invalidField(field, `price ${price} + delta ${priceDelta} must stay between 1 and ${MAX_PRICE}`);
  return priceDelta;
}

/**
 * Adds a combination of the product's options; a value an option does not offer yet is added to
 * it (a new option name is refused: the existing variants would have no value for it).
 */
export function addVariant(
  product: Product,
  input: { options: OptionSelection; stock: number; priceDelta?: number },
  removed: readonly ProductVariant[],
  deps: { newId: () => string; now: Date },
): VariantAddition {
  const options = product.options.map((option) => ({ ...option, values: [...option.values] }));
  const selection: OptionSelection = {};
  for (const [rawName, rawValue] of Object.entries(input.options)) {
    const name = label(rawName);
    const value = label(rawValue);
    const option = options.find((o) => o.name === name);
    if (!option)
      throw invalidField(
        'body.options',
        `option "${name}" is not one of the product's options (${options.map((o) => o.name).join(', ') || 'none'})`,
        CatalogErrorCode.UNKNOWN_OPTION_COMBINATION,
      );
    if (value.length === 0 || value.length > 50)
      throw invalidField(`body.options.${name}`, 'must be 1–50 characters');
    if (!option.values.includes(value)) {
      if (option.values.length >= MAX_OPTION_VALUES)
        throw invalidField(`body.options.${name}`, `an option offers at most ${MAX_OPTION_VALUES} values`);
      option.values.push(value);
    }
    selection[name] = value;
  }
  const missing = options.filter((o) => !(o.name in selection)).map((o) => o.name);
  if (missing.length > 0)
    throw invalidField(
      'body.options',
      `choose a value for ${missing.join(', ')}`,
      CatalogErrorCode.UNKNOWN_OPTION_COMBINATION,
    );
  const key = selectionKey(options, selection);
  if (product.variants.some((v) => selectionKey(options, v.options) === key))
    throw invalidField(
      'body.options',
      'the product already has this combination',
      CatalogErrorCode.DUPLICATE_VARIANT,
    );
  if (product.variants.length >= MAX_VARIANTS)
    throw invalidField('body.options', `a product has at most ${MAX_VARIANTS} variants`);
  const priceDelta = checkDelta(product.price, input.priceDelta ?? 0, 'body.priceDelta');
  const stock = validStock(input.stock, 'body.stock');
  const earlier = removed.find((v) => selectionKey(options, v.options) === key);
  const position = Math.max(-1, ...product.variants.map((v) => v.position)) + 1;
  const variant: ProductVariant = {
    id: earlier?.id ?? deps.newId(),
    options: selection,
    priceDelta,
    position,
  };
  return {
    product: { ...product, options, variants: [...product.variants, variant], updatedAt: deps.now },
    variant,
    restored: earlier !== undefined,
    stock,
  };
}

export function variantOf(product: Product, variantId: string): ProductVariant {
  const variant = product.variants.find((v) => v.id === variantId);
  if (!variant)
    throw new DomainError('VARIANT_NOT_FOUND', `This product has no variant ${variantId}`, { variantId });
  return variant;
}

export function changeVariantPrice(
  product: Product,
  variantId: string,
  priceDelta: number,
  now: Date,
): { product: Product; variant: ProductVariant } {
  const variant = {
    ...variantOf(product, variantId),
    priceDelta: checkDelta(product.price, priceDelta, 'body.priceDelta'),
  };
  return {
    product: {
      ...product,
      variants: product.variants.map((v) => (v.id === variantId ? variant : v)),
      updatedAt: now,
    },
    variant,
  };
}

/** Removes a variant from sale; the last one stays (suspend the product instead). */
export function removeVariant(product: Product, variantId: string, now: Date): Product {
  variantOf(product, variantId);
  if (product.variants.length === 1)
    throw new DomainError(
      'LAST_VARIANT',
      'A product keeps at least one variant: suspend the product instead of removing its last variant',
      { variantId },
    );
  return { ...product, variants: product.variants.filter((v) => v.id !== variantId), updatedAt: now };
}
