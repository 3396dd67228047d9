import { EntitySchema } from 'typeorm';
import { id, int, ref, text, time } from '../entity-columns';

export interface CategoryRow {
  id: string;
  parentId: string | null;
  name: string;
  path: string;
  depth: number;
  position: number;
  createdAt: Date;
}

export const CategoryEntity = new EntitySchema<CategoryRow>({
  name: 'Category',
  tableName: 'categories',
  columns: {
    id,
    parentId: ref('parent_id', true),
    name: text('name', 50),
    path: text('path', 200),
    depth: int('depth'),
    position: int('position'),
    createdAt: time('created_at'),
  },
});
