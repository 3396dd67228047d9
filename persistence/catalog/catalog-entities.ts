import type { EntitySchema } from 'typeorm';
import { CategoryEntity } from './category.entity';
import { ProductImageEntity } from './product-image.entity';
import { ProductEntity } from './product.entity';
import { ProductVariantEntity } from './product-variant.entity';
import { ProductSearchDocumentEntity } from './search/product-search-document.entity';

export const catalogEntities = [
  CategoryEntity,
  ProductEntity,
  ProductVariantEntity,
  ProductImageEntity,
  ProductSearchDocumentEntity,
] as EntitySchema[];
