import { In, type DataSource } from 'typeorm';
import type { SellerProductCursor, SellerProductList, SellerProductStatus } from '../../domain/catalog/ports';
import type { Product } from '../../domain/catalog/product';
import { sqlTime } from '../inventory/sql';
import { ProductImageEntity } from './product-image.entity';
import { ProductEntity } from './product.entity';
import { toProduct } from './product.mapper';
import { ProductVariantEntity } from './product-variant.entity';

const escapeLike = (text: string) => text.replace(/[!%_]/g, (c) => `!${c}`);

/**
 * A seller's own products from the write tables on the primary, so a product just created or
 * suspended is listed at once; `ix_products_seller_created` (seller_id, created_at, id) serves the
 * order and the keyset.
 */
export class TypeOrmSellerProductList implements SellerProductList {
  constructor(private readonly dataSource: DataSource) {}

  async list(
    sellerId: string,
    query: { status?: SellerProductStatus; q?: string; after?: SellerProductCursor; limit: number },
  ): Promise<{ items: Product[]; next: SellerProductCursor | null }> {
    const builder = this.dataSource.manager
      .createQueryBuilder(ProductEntity, 'p')
      .where('p.seller_id = :sellerId', { sellerId });
    if (query.status) builder.andWhere('p.status = :status', { status: query.status });
    if (query.q)
      builder.andWhere("LOWER(p.name) LIKE :q ESCAPE '!'", {
        q: `%${escapeLike(query.q.normalize('NFC').toLowerCase())}%`,
      });
    if (query.after)
      builder.andWhere('(p.created_at < :at OR (p.created_at = :at AND p.id < :id))', {
        at: sqlTime(query.after.createdAt),
        id: query.after.id,
      });
    const rows = await builder
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .limit(query.limit + 1)
      .getMany();
    const page = rows.slice(0, query.limit);
    const ids = page.map((row) => row.id);
    const [variants, images] = ids.length
      ? await Promise.all([
          this.dataSource.manager.find(ProductVariantEntity, { where: { productId: In(ids) } }),
          this.dataSource.manager.find(ProductImageEntity, { where: { productId: In(ids) } }),
        ])
      : [[], []];
    const items = page.map((row) =>
      toProduct(
        row,
        variants.filter((v) => v.productId === row.id),
        images.filter((i) => i.productId === row.id),
      ),
    );
    const last = page[page.length - 1];
    return {
      items,
      next: rows.length > query.limit && last ? { createdAt: last.createdAt, id: last.id } : null,
    };
  }
}
