import { Like, type DataSource } from 'typeorm';
import type { Category } from '../../domain/catalog/category';
import type { CategoryRepository } from '../../domain/catalog/ports';
import { CategoryEntity } from './category.entity';
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

  async insert(category: Category): Promise<void> {
    await this.dataSource.manager.insert(CategoryEntity, category);
  }

  async nameTaken(parentId: string | null, name: string): Promise<boolean> {
    const rows = await this.dataSource.manager.find(CategoryEntity, {
      where: { name },
      select: { id: true, parentId: true },
    });
    return rows.some((row) => row.parentId === parentId);
  }
}
