import {
  cartParts,
  cartTotals,
  checkCartQuantity,
  MAX_CART_ITEMS,
  viewCartLine,
  type CartItem,
  type CartLineView,
} from '../../domain/ordering/cart';
import { OrderingErrorCode, outOfStock, productUnavailable } from '../../domain/ordering/ordering-errors';
import type { PricedPart } from '../../domain/ordering/order';
import type {
  CartRepository,
  RestockHolds,
  ShippingPolicyStore,
  VariantCatalog,
  VariantOffer,
} from '../../domain/ordering/ports';
import { DomainError } from '../../domain/shared/domain-error';
import { MAX_LINE_QUANTITY } from '../../domain/inventory/reservation';
import { catalogSeenBy } from './held-stock';

export interface CartView {
  lines: CartLineView[];
  /** Per seller: goods, shipping fee, and what more buys free shipping. */
  parts: PricedPart[];
  goodsAmount: number;
  shippingFee: number;
  totalAmount: number;
  orderableCount: number;
  unavailableCount: number;
  priceChangedCount: number;
}

const itemNotFound = (itemId: string) =>
  new DomainError(OrderingErrorCode.CART_ITEM_NOT_FOUND, `Your cart has no item ${itemId}`, { itemId });

/** A consumer's cart, always shown against the catalog now (prices, status, stock). */
export class CartService {
  constructor(
    private readonly deps: {
      carts: CartRepository;
      catalog: VariantCatalog;
      /** The consumer's restock holds: held units count as in stock for their holder. */
      holds?: RestockHolds;
      shippingPolicies: Pick<ShippingPolicyStore, 'findMany'>;
      now: () => Date;
      newId: () => string;
    },
  ) {}

  /** The cart now; `zipCode` (the address the buyer will use) adds the 제주/도서산간 fee. */
  async view(userId: string, zipCode: string | null = null): Promise<CartView> {
    const items = await this.deps.carts.list(userId);
    const offers = await this.catalogOf(userId).offers(items.map((item) => item.variantId));
    const lines = items.map((item) => viewCartLine(item, offers.get(item.variantId) ?? null));
    const sellers = [...new Set([...offers.values()].map((offer) => offer.sellerId))];
    const policies = await this.deps.shippingPolicies.findMany(sellers);
    const parts = cartParts(lines, policies, zipCode);
    return { lines, parts, ...cartTotals(lines, parts) };
  }

  /** Puts a variant in the cart, or adds to its quantity when it is already there. */
  async add(
    userId: string,
    variantId: string,
    quantity: number,
  ): Promise<{ line: CartLineView; created: boolean }> {
    checkCartQuantity(quantity);
    const offer = await this.orderableOffer(userId, variantId);
    const now = this.deps.now();
    for (let attempt = 0; attempt < 2; attempt++) {
      const existing = await this.deps.carts.findByVariant(userId, variantId);
      if (existing) {
        const total = existing.quantity + quantity;
        checkCartQuantity(total);
        this.checkStock(offer, total);
        await this.deps.carts.addQuantity(existing.id, quantity, now);
        return {
          line: viewCartLine({ ...existing, quantity: total, updatedAt: now }, offer),
          created: false,
        };
      }
      this.checkStock(offer, quantity);
      if ((await this.deps.carts.count(userId)) >= MAX_CART_ITEMS) {
        throw new DomainError(OrderingErrorCode.CART_FULL, `A cart holds at most ${MAX_CART_ITEMS} items`, {
          max: MAX_CART_ITEMS,
        });
      }
      const item: CartItem = {
        id: this.deps.newId(),
        userId,
        variantId,
        productId: offer.productId,
        quantity,
        priceWhenAdded: offer.unitPrice,
        addedAt: now,
        updatedAt: now,
      };
      // False when the variant was added concurrently: the next round adds to that line instead.
      if (await this.deps.carts.insert(item)) return { line: viewCartLine(item, offer), created: true };
    }
    throw new DomainError('CONFLICT', 'The cart changed while adding; try again', {});
  }

  async changeQuantity(userId: string, itemId: string, quantity: number): Promise<CartLineView> {
    checkCartQuantity(quantity);
    const item = await this.deps.carts.find(userId, itemId);
    if (!item) throw itemNotFound(itemId);
    const offer = (await this.catalogOf(userId).offers([item.variantId])).get(item.variantId) ?? null;
    if (offer && quantity > item.quantity) this.checkStock(offer, quantity);
    const now = this.deps.now();
    await this.deps.carts.setQuantity(item.id, quantity, now);
    return viewCartLine({ ...item, quantity, updatedAt: now }, offer);
  }

  async remove(userId: string, itemId: string): Promise<void> {
    if (!(await this.deps.carts.remove(userId, itemId))) throw itemNotFound(itemId);
  }

  private catalogOf(userId: string): VariantCatalog {
    return catalogSeenBy(this.deps.catalog, this.deps.holds, userId);
  }

  private async orderableOffer(userId: string, variantId: string): Promise<VariantOffer> {
    const offer = (await this.catalogOf(userId).offers([variantId])).get(variantId);
    if (!offer) throw productUnavailable([{ variantId, reason: 'NOT_FOUND' }]);
    return offer;
  }

  private checkStock(offer: VariantOffer, quantity: number): void {
    if (quantity > MAX_LINE_QUANTITY) checkCartQuantity(quantity);
    if (offer.sellable < quantity)
      throw outOfStock([
        {
          variantId: offer.variantId,
          requested: quantity,
          available: offer.sellable,
          productName: offer.productName,
          options: offer.options,
        },
      ]);
  }
}
