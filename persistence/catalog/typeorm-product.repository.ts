import { In, type DataSource, type EntityManager } from 'typeorm';
import type { Product, ProductVariant } from '../../domain/catalog/product';
import type { ProductImage } from '../../domain/catalog/product-image';
import type { ProductRepository, VersionedProduct } from '../../domain/catalog/ports';
import type { ProductAvailability } from '../../domain/inventory/ports';
import type { Transaction } from '../../domain/shared/unit-of-work';
import { execute, select, sqlTime } from '../inventory/sql';
import { managerOf } from '../inventory/typeorm-unit-of-work';
import { primaryReads, type ReadRoute } from '../read-replicas';
import { ProductImageEntity } from './product-image.entity';
import { readProductRows } from './product-rows';
import { ProductEntity } from './product.entity';
import {
  toImageRow,
  toProduct,
  toProductRow,
  toVariant,
  toVariantRow,
  toVariantRows,
} from './product.mapper';
import { ProductVariantEntity } from './product-variant.entity';

export class TypeOrmProductRepository implements ProductRepository {
  /**
   * `reads` answers findById/findVersioned outside a transaction: give a replica route only to the
   * instance shoppers read through (product pages), never to the one sellers edit through.
   */
  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: ReadRoute = primaryReads(dataSource),
  ) {}

  async findById(id: string, tx?: Transaction): Promise<Product | null> {
    return (await this.findVersioned(id, tx))?.product ?? null;
  }

  async findVersioned(id: string, tx?: Transaction): Promise<VersionedProduct | null> {
    if (tx) return this.loadVersioned(managerOf(this.dataSource, tx), id);
    return this.reads.read((db) => this.loadVersioned(db.manager, id));
  }

  private async loadVersioned(manager: EntityManager, id: string): Promise<VersionedProduct | null> {
    const rows = await readProductRows(manager, id);
    if (!rows) return null;
    return { product: toProduct(rows.row, rows.variants, rows.images), version: rows.row.version };
  }

  /** The product a variant belongs to (id only). */
  async productIdOfVariant(variantId: string): Promise<string | null> {
    const row = await this.dataSource.manager.findOne(ProductVariantEntity, {
      where: { id: variantId },
      select: { id: true, productId: true },
    });
    return row?.productId ?? null;
  }

  async insert(product: Product, tx: Transaction): Promise<void> {
    const manager = managerOf(this.dataSource, tx);
    await manager.insert(ProductEntity, toProductRow(product, 1));
    await manager.insert(ProductVariantEntity, toVariantRows(product));
  }

  async updateIfUnchanged(product: Product, version: number, tx: Transaction): Promise<boolean> {
    const {
      id: _id,
      createdAt: _createdAt,
      popularity: _popularity,
      ...fields
    } = toProductRow(product, version + 1);
    const result = await managerOf(this.dataSource, tx).update(
      ProductEntity,
      { id: product.id, version },
      fields,
    );
    return result.affected === 1;
  }

  async lockImages(
    productId: string,
    at: Date,
    tx: Transaction,
  ): Promise<{ count: number; lastPosition: number }> {
    const manager = managerOf(this.dataSource, tx);
    await execute(manager, 'UPDATE products SET updated_at = ?, version = version + 1 WHERE id = ?', [
      sqlTime(at),
      productId,
    ]);
    const [row] = await select<{ n: number | string; top: number | string | null }>(
      manager,
      'SELECT COUNT(*) AS n, MAX(position) AS top FROM product_images WHERE product_id = ?',
      [productId],
    );
    return { count: Number(row?.n ?? 0), lastPosition: Number(row?.top ?? 0) };
  }

  async addImage(productId: string, image: ProductImage, tx: Transaction): Promise<void> {
    await managerOf(this.dataSource, tx).insert(ProductImageEntity, toImageRow(productId, image));
  }

  async removeImage(productId: string, imageId: string, tx: Transaction): Promise<boolean> {
    const result = await managerOf(this.dataSource, tx).delete(ProductImageEntity, {
      id: imageId,
      productId,
    });
    return result.affected === 1;
  }

  async setThumbnail(productId: string, key: string | null, tx: Transaction): Promise<void> {
    await managerOf(this.dataSource, tx).update(ProductEntity, { id: productId }, { thumbnailKey: key });
  }

  async applyAvailability(changes: ProductAvailability[], tx: Transaction): Promise<string[]> {
    const manager = managerOf(this.dataSource, tx);
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

  async addPopularity(sales: { productId: string; quantity: number }[], tx: Transaction): Promise<void> {
    const manager = managerOf(this.dataSource, tx);
    for (const sale of [...sales].sort((a, b) => (a.productId < b.productId ? -1 : 1))) {
      await manager
        .createQueryBuilder()
        .update(ProductEntity)
        .set({ popularity: () => 'popularity + :quantity' })
        .where('id = :id', { id: sale.productId, quantity: sale.quantity })
        .execute();
    }
  }

  async removedVariants(productId: string, tx: Transaction): Promise<ProductVariant[]> {
    const rows = await managerOf(this.dataSource, tx).find(ProductVariantEntity, {
      where: { productId, active: false },
    });
    return rows.map(toVariant);
  }

  async saveVariant(product: Product, variant: ProductVariant, tx: Transaction): Promise<void> {
    const { id, ...fields } = toVariantRow(product, variant);
    const manager = managerOf(this.dataSource, tx);
    if (await manager.exists(ProductVariantEntity, { where: { id } }))
      await manager.update(ProductVariantEntity, { id, productId: product.id }, fields);
    else await manager.insert(ProductVariantEntity, { id, ...fields });
  }

  async deactivateVariant(productId: string, variantId: string, tx: Transaction): Promise<void> {
    await managerOf(this.dataSource, tx).update(
      ProductVariantEntity,
      { id: variantId, productId },
      { active: false },
    );
  }

  async variantsOf(productIds: string[]): Promise<{ id: string; productId: string }[]> {
    if (productIds.length === 0) return [];
    return this.dataSource.manager.find(ProductVariantEntity, {
      where: { productId: In(productIds) },
      select: { id: true, productId: true },
    });
  }
}
