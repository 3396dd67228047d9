import { categoryNotFound } from '../../domain/catalog/category';
import {
  changeProduct,
  createProduct,
  type NewProductInput,
  type ProductChanges,
} from '../../domain/catalog/product';
import type { StockLevel } from '../../domain/inventory/stock-level';
import { DomainError } from '../../domain/shared/domain-error';
import {
  ownedProduct,
  productEvent,
  productNotFound,
  productsChanged,
  type CatalogDeps,
} from './catalog-deps';
import { sellerView, type SellerProductView } from './product-views';

/** A seller manages their products: creation (with the variants' first stock), edits and stock counts. */
export class SellerProducts {
  constructor(private readonly deps: Omit<CatalogDeps, 'images'>) {}

  async createProduct(input: NewProductInput): Promise<SellerProductView> {
    if (input.categoryId && !(await this.deps.categories.findById(input.categoryId)))
      throw categoryNotFound(input.categoryId, 'body.categoryId');
    const { product, initialStock } = createProduct(input, { newId: this.deps.newId, now: this.deps.now() });
    await this.deps.transactions.run(async (tx) => {
      await this.deps.products.insert(product, tx);
      await this.deps.inventory.createStock(
        initialStock.map((stock) => ({ ...stock, productId: product.id })),
        { tx },
      );
      await this.deps.outbox.append([productEvent(this.deps, 'created', product.id)], tx);
    });
    await productsChanged(this.deps, [product.id]);
    return sellerView(this.deps.inventory, product);
  }

  async sellerProduct(sellerId: string, productId: string): Promise<SellerProductView> {
    return sellerView(this.deps.inventory, await ownedProduct(this.deps, sellerId, productId));
  }

  /** Edits name, description, price, category or the suspension; retried on a concurrent edit. */
  async changeProduct(
    sellerId: string,
    productId: string,
    changes: ProductChanges,
  ): Promise<SellerProductView> {
    if (changes.categoryId && !(await this.deps.categories.findById(changes.categoryId))) {
      throw categoryNotFound(changes.categoryId, 'body.categoryId');
    }
    const attempts = this.deps.maxEditAttempts ?? 5;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const updated = await this.deps.transactions.run(async (tx) => {
        const found = await this.deps.products.findVersioned(productId, tx);
        if (!found || found.product.sellerId !== sellerId) throw productNotFound(productId);
        const availability = await this.deps.inventory.productAvailability([productId], { tx });
        const next = changeProduct(
          found.product,
          changes,
          availability[0]?.anySellable ?? false,
          this.deps.now(),
        );
        if (!(await this.deps.products.updateIfUnchanged(next, found.version, tx))) return null;
        const events = [productEvent(this.deps, 'changed', productId)];
        if (next.suspended !== found.product.suspended)
          events.push(productEvent(this.deps, next.suspended ? 'suspended' : 'resumed', productId));
        await this.deps.outbox.append(events, tx);
        return next;
      });
      if (updated) {
        await productsChanged(this.deps, [productId]);
        return sellerView(this.deps.inventory, updated);
      }
    }
    throw new DomainError('PRODUCT_CONFLICT', `Product ${productId} kept changing; try again`, { productId });
  }

  /** Sets a variant's count on hand (the seller must own the product). */
  async setStock(sellerId: string, variantId: string, onHand: number): Promise<StockLevel> {
    const productId = await this.deps.products.productIdOfVariant(variantId);
    if (!productId) throw new DomainError('VARIANT_NOT_FOUND', `No variant ${variantId}`, { variantId });
    await ownedProduct(this.deps, sellerId, productId);
    return this.deps.inventory.setOnHand(variantId, onHand);
  }
}
