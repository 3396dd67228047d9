import { In, type DataSource } from 'typeorm';
import type { ProductBatchReader } from '../../../domain/catalog/ports';
import type { Product } from '../../../domain/catalog/product';
import { ProductImageEntity, type ProductImageRow } from '../product-image.entity';
import { ProductEntity } from '../product.entity';
import { toProduct } from '../product.mapper';
import { ProductVariantEntity, type ProductVariantRow } from '../product-variant.entity';

function byProduct<T extends { productId: string }>(rows: T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const list = grouped.get(row.productId);
    if (list) list.push(row);
    else grouped.set(row.productId, [row]);
  }
  return grouped;
}

/** A page of products in three queries (products, variants, images), on the primary. */
export class TypeOrmProductBatchReader implements ProductBatchReader {
  constructor(private readonly dataSource: DataSource) {}

  async findMany(ids: string[]): Promise<Product[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const manager = this.dataSource.manager;
    const [rows, variants, images] = await Promise.all([
      manager.find(ProductEntity, { where: { id: In(unique) } }),
      manager.find(ProductVariantEntity, { where: { productId: In(unique) } }),
      manager.find(ProductImageEntity, { where: { productId: In(unique) } }),
    ]);
    const variantsOf = byProduct<ProductVariantRow>(variants);
    const imagesOf = byProduct<ProductImageRow>(images);
    return rows.map((row) => toProduct(row, variantsOf.get(row.id) ?? [], imagesOf.get(row.id) ?? []));
  }
}
