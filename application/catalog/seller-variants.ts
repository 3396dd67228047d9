import { addVariant, changeVariantPrice, removeVariant } from '../../domain/catalog/product-variants';
import type { Product } from '../../domain/catalog/product';
import type { OptionSelection } from '../../domain/catalog/product-options';
import { DomainError } from '../../domain/shared/domain-error';
import type { Transaction } from '../../domain/shared/unit-of-work';
import { productEvent, productNotFound, productsChanged, type CatalogDeps } from './catalog-deps';
import { sellerView, type SellerProductView } from './product-views';

type VariantDeps = Pick<
  CatalogDeps,
  'transactions' | 'products' | 'inventory' | 'cache' | 'outbox' | 'now' | 'newId' | 'maxEditAttempts'
>;

/**
 * A seller changes a listed product's variants (docs/catalog.md#options-and-variants). Each change
 * moves the product's version on (a concurrent edit retries) and writes
 * `catalog.product.variants-changed` in its transaction.
 */
export class SellerVariants {
  constructor(private readonly deps: VariantDeps) {}

  async addVariant(
    sellerId: string,
    productId: string,
    input: { options: OptionSelection; stock: number; priceDelta?: number },
  ): Promise<SellerProductView> {
    let restock: { variantId: string; onHand: number } | null = null;
    const product = await this.edit(sellerId, productId, async (current, tx) => {
      const removed = await this.deps.products.removedVariants(productId, tx);
      const added = addVariant(current, input, removed, { newId: this.deps.newId, now: this.deps.now() });
      restock = added.restored ? { variantId: added.variant.id, onHand: added.stock } : null;
      return {
        product: added.product,
        write: async () => {
          await this.deps.products.saveVariant(added.product, added.variant, tx);
          if (!added.restored)
            await this.deps.inventory.createStock(
              [{ variantId: added.variant.id, productId, onHand: added.stock }],
              { tx },
            );
        },
      };
    });
    // A variant brought back keeps its stock row; its count is set like any stock edit.
    const restored = restock as { variantId: string; onHand: number } | null;
    if (restored) await this.deps.inventory.setOnHand(restored.variantId, restored.onHand);
    return sellerView(this.deps.inventory, product);
  }

  async changeVariant(
    sellerId: string,
    productId: string,
    variantId: string,
    priceDelta: number,
  ): Promise<SellerProductView> {
    const product = await this.edit(sellerId, productId, async (current, tx) => {
      const changed = changeVariantPrice(current, variantId, priceDelta, this.deps.now());
      return {
        product: changed.product,
        write: () => this.deps.products.saveVariant(changed.product, changed.variant, tx),
      };
    });
    return sellerView(this.deps.inventory, product);
  }

  async removeVariant(sellerId: string, productId: string, variantId: string): Promise<SellerProductView> {
    const product = await this.edit(sellerId, productId, async (current, tx) => {
      return {
        product: removeVariant(current, variantId, this.deps.now()),
        write: () => this.deps.products.deactivateVariant(productId, variantId, tx),
      };
    });
    return sellerView(this.deps.inventory, product);
  }

  private async edit(
    sellerId: string,
    productId: string,
    change: (product: Product, tx: Transaction) => Promise<{ product: Product; write: () => Promise<void> }>,
  ): Promise<Product> {
    const attempts = this.deps.maxEditAttempts ?? 5;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const updated = await this.deps.transactions.run(async (tx) => {
        const found = await this.deps.products.findVersioned(productId, tx);
        if (!found || found.product.sellerId !== sellerId) throw productNotFound(productId);
        const { product: next, write } = await change(found.product, tx);
        // The version check comes first: a lost race writes nothing and reads again.
        if (!(await this.deps.products.updateIfUnchanged(next, found.version, tx))) return null;
        await write();
        await this.deps.products.applyAvailability(
          await this.deps.inventory.productAvailability([productId], { tx }),
          tx,
        );
        await this.deps.outbox.append([productEvent(this.deps, 'variants-changed', productId)], tx);
        return next;
      });
      if (updated) {
        await productsChanged(this.deps, [productId]);
        return (await this.deps.products.findById(productId)) ?? updated;
      }
    }
    throw new DomainError('PRODUCT_CONFLICT', `Product ${productId} kept changing; try again`, { productId });
  }
}
