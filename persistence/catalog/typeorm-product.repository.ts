import { In, type DataSource, type EntityManager } from 'typeorm';
import type { Product } from '../../domain/catalog/product';
import type { ProductImage } from '../../domain/catalog/product-image';
import type { ProductRepository } from '../../domain/catalog/ports';
import { ProductImageEntity } from './product-image.entity';
import { ProductEntity } from './product.entity';
import { toImageRow, toProduct, toProductRow, toVariantRows } from './product.mapper';
import { ProductVariantEntity } from './product-variant.entity';

export interface VersionedProduct {
  product: Product;
  version: number;
}

/** Products with their variants and images; writes take the caller's transaction. */
export class TypeOrmProductRepository implements ProductRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Product | null> {
    return (await this.findVersioned(id, manager))?.product ?? null;
  }

  async findVersioned(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<VersionedProduct | null> {
    const row = await manager.findOne(ProductEntity, { where: { id } });
    if (!row) return null;
    const [variants, images] = await Promise.all([
      manager.find(ProductVariantEntity, { where: { productId: id } }),
      manager.find(ProductImageEntity, { where: { productId: id } }),
    ]);
    return { product: toProduct(row, variants, images), version: row.version };
  }

  /** The product a variant belongs to (id only). */
  async productIdOfVariant(variantId: string): Promise<string | null> {
    const row = await this.dataSource.manager.findOne(ProductVariantEntity, {
      where: { id: variantId },
      select: { id: true, productId: true },
    });
    return row?.productId ?? null;
  }

  async insert(product: Product, manager: EntityManager): Promise<void> {
    await manager.insert(ProductEntity, toProductRow(product, 1));
    await manager.insert(ProductVariantEntity, toVariantRows(product));
  }

  /** Writes the product's own fields if nobody changed it since `version`; false when someone did. */
  async updateIfUnchanged(product: Product, version: number, manager: EntityManager): Promise<boolean> {
    const {
      id: _id,
      createdAt: _createdAt,
      popularity: _popularity,
      ...fields
    } = toProductRow(product, version + 1);
    const result = await manager.update(ProductEntity, { id: product.id, version }, fields);
    return result.affected === 1;
  }

  async addImage(productId: string, image: ProductImage, manager: EntityManager): Promise<void> {
    await manager.insert(ProductImageEntity, toImageRow(productId, image));
  }

  async removeImage(productId: string, imageId: string, manager: EntityManager): Promise<boolean> {
    const result = await manager.delete(ProductImageEntity, { id: imageId, productId });
    return result.affected === 1;
  }

  async setThumbnail(productId: string, key: string | null, manager: EntityManager): Promise<void> {
    await manager.update(ProductEntity, { id: productId }, { thumbnailKey: key });
  }

  /** Sets ON_SALE / SOLD_OUT from availability; a suspended product keeps SUSPENDED. Returns the ids that changed. */
  async applyAvailability(
    changes: { productId: string; anySellable: boolean }[],
    manager: EntityManager,
  ): Promise<string[]> {
    const changed: string[] = [];
    for (const change of changes) {
      const status = change.anySellable ? 'ON_SALE' : 'SOLD_OUT';
      const result = await manager
        .createQueryBuilder()
        .update(ProductEntity)
        .set({ status })
        .where('id = :id AND suspended = :suspended AND status <> :status', {
          id: change.productId,
          suspended: false,
          status,
        })
        .execute();
      if (result.affected) changed.push(change.productId);
    }
    return changed;
  }

  async addPopularity(
    sales: { productId: string; quantity: number }[],
    manager: EntityManager,
  ): Promise<void> {
    for (const sale of [...sales].sort((a, b) => (a.productId < b.productId ? -1 : 1))) {
      await manager
        .createQueryBuilder()
        .update(ProductEntity)
        .set({ popularity: () => 'popularity + :quantity' })
        .where('id = :id', { id: sale.productId, quantity: sale.quantity })
        .execute();
    }
  }

  async variantsOf(productIds: string[]): Promise<{ id: string; productId: string }[]> {
    if (productIds.length === 0) return [];
    return this.dataSource.manager.find(ProductVariantEntity, {
      where: { productId: In(productIds) },
      select: { id: true, productId: true },
    });
  }
}
