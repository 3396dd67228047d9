import type {
  CategoryRepository,
  ProductIdPages,
  ProductRepository,
  ProductSearchIndex,
} from '../../domain/catalog/ports';
import type { EventHandler, PublishedEvent } from '../../domain/shared/domain-event';
import type { SearchDocumentBuilder } from './search-document-builder';

export interface ProductSearchProjectionDeps {
  builder: SearchDocumentBuilder;
  /** Every place the read model lives: the table always, Elasticsearch too when configured. */
  indexes: ProductSearchIndex[];
  productIds: ProductIdPages;
  categories: Pick<CategoryRepository, 'subtreeIds'>;
  products: Pick<ProductRepository, 'productIdOfVariant'>;
  /** Products built and written per step (a category or seller change touches many). */
  pageSize?: number;
}

const DEFAULT_PAGE_SIZE = 200;

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.length > 0 ? value : null;
const texts = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/**
 * Keeps the product read model (docs/catalog.md#the-read-model). State-based: every event only
 * names the products concerned, whose documents are rebuilt from the current write-side state and
 * written to every index, so a duplicate or replayed event rewrites the same document.
 */
export class ProductSearchProjection implements EventHandler {
  readonly name = 'product-search';
  readonly subscribesTo = ['catalog.*', 'inventory.*', 'identity.seller.changed'] as const;
  private readonly pageSize: number;

  constructor(private readonly deps: ProductSearchProjectionDeps) {
    this.pageSize = deps.pageSize ?? DEFAULT_PAGE_SIZE;
  }

  async handle(events: PublishedEvent[]): Promise<void> {
    const productIds = new Set<string>();
    const categoryIds = new Set<string>();
    const sellerIds = new Set<string>();
    for (const event of events) {
      const payload = event.payload;
      if (event.type === 'identity.seller.changed') {
        const sellerId = text(payload.sellerId) ?? event.aggregateId;
        sellerIds.add(sellerId);
      } else if (event.type.startsWith('catalog.category.')) {
        const categoryId = text(payload.categoryId) ?? event.aggregateId;
        categoryIds.add(categoryId);
      } else {
        const named = [text(payload.productId), ...texts(payload.productIds)].filter((id) => id !== null);
        if (named.length === 0 && event.aggregateType === 'product') named.push(event.aggregateId);
        const variantId = text(payload.variantId);
        if (named.length === 0 && variantId) {
          const productId = await this.deps.products.productIdOfVariant(variantId);
          if (productId) named.push(productId);
        }
        named.forEach((id) => productIds.add(id));
      }
    }
    await this.reproject([...productIds]);
    for (const categoryId of categoryIds) {
      const subtree = await this.deps.categories.subtreeIds(categoryId);
      await this.eachPage((after) => this.deps.productIds.inCategories(subtree, after, this.pageSize));
    }
    for (const sellerId of sellerIds)
      await this.eachPage((after) => this.deps.productIds.ofSeller(sellerId, after, this.pageSize));
  }

  /** Writes documents for products that have none (an existing catalogue after the deploy). Idempotent. */
  async backfillReadModel(): Promise<number> {
    let written = 0;
    await this.eachPage(async (after) => {
      const ids = await this.deps.productIds.withoutSearchDocument(after, this.pageSize);
      written += ids.length;
      return ids;
    });
    return written;
  }

  /** Rebuilds these products' documents from the current state and writes them everywhere. */
  async reproject(productIds: string[]): Promise<void> {
    for (let i = 0; i < productIds.length; i += this.pageSize) {
      const { documents, missing } = await this.deps.builder.build(productIds.slice(i, i + this.pageSize));
      for (const index of this.deps.indexes) {
        if (documents.length > 0) await index.upsert(documents);
        if (missing.length > 0) await index.remove(missing);
      }
    }
  }

  private async eachPage(page: (afterId: string | null) => Promise<string[]>): Promise<void> {
    let after: string | null = null;
    for (;;) {
      const ids = await page(after);
      if (ids.length === 0) return;
      await this.reproject(ids);
      if (ids.length < this.pageSize) return;
      after = ids[ids.length - 1]!;
    }
  }
}
