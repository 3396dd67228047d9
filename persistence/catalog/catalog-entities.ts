import type { EntitySchema } from 'typeorm';
import { CategoryEntity } from './category.entity';
import { ProductImageEntity } from './product-image.entity';
import { ProductEntity } from './product.entity';
import { ProductVariantEntity } from './product-variant.entity';

export const catalogEntities = [
  CategoryEntity,
  ProductEntity,
  ProductVariantEntity,
  ProductImageEntity,
] as EntitySchema[];
