import { Like, type DataSource } from 'typeorm';
import type { Category } from '../../domain/catalog/category';
import type { CategoryRepository } from '../../domain/catalog/ports';
import type { Transaction } from '../../domain/shared/unit-of-work';
import { managerOf } from '../inventory/typeorm-unit-of-work';
import { CategoryEntity } from './category.entity';
import { ProductEntity } from './product.entity';
import { toCategory } from './product.mapper';

export class TypeOrmCategoryRepository implements CategoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findById(id: string): Promise<Category | null> {
    const row = await this.dataSource.manager.findOne(CategoryEntity, { where: { id } });
    return row ? toCategory(row) : null;
  }

  async list(): Promise<Category[]> {
    return (await this.dataSource.manager.find(CategoryEntity)).map(toCategory);
  }

  async subtreeIds(id: string): Promise<string[]> {
    const category = await this.findById(id);
    if (!category) return [];
    const rows = await this.dataSource.manager.find(CategoryEntity, {
      where: { path: Like(`${category.path}%`) },
      select: { id: true },
    });
    return rows.map((row) => row.id);
  }

  async insert(category: Category, tx?: Transaction): Promise<void> {
    await managerOf(this.dataSource, tx).insert(CategoryEntity, category);
  }

  async nameTaken(parentId: string | null, name: string): Promise<boolean> {
    const rows = await this.dataSource.manager.find(CategoryEntity, {
      where: { name },
      select: { id: true, parentId: true },
    });
    return rows.some((row) => row.parentId === parentId);
  }

  async subtree(id: string, tx?: Transaction): Promise<Category[]> {
    const manager = managerOf(this.dataSource, tx);
    const root = await manager.findOne(CategoryEntity, { where: { id } });
    if (!root) return [];
    const rows = await manager.find(CategoryEntity, { where: { path: Like(`${root.path}%`) } });
    return rows.map(toCategory);
  }

  async update(categories: Category[], tx: Transaction): Promise<void> {
    const manager = managerOf(this.dataSource, tx);
    for (const category of categories) {
      const { id, name, parentId, path, depth } = category;
      await manager.update(CategoryEntity, { id }, { name, parentId, path, depth });
    }
  }

  async delete(id: string, tx: Transaction): Promise<void> {
    await managerOf(this.dataSource, tx).delete(CategoryEntity, { id });
  }

  async usage(id: string, tx?: Transaction): Promise<{ products: number; children: number }> {
    const manager = managerOf(this.dataSource, tx);
    const products = await manager.count(ProductEntity, { where: { categoryId: id } });
    const children = await manager.count(CategoryEntity, { where: { parentId: id } });
    return { products, children };
  }
}
