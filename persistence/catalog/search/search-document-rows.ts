import type { DataSource } from 'typeorm';
import type { SaleStatus } from '../../../domain/catalog/sale-status';
import type { ProductSearchDocument } from '../../../domain/catalog/search-document';

/** The columns of `product_search_documents` as raw SQL reads them (MariaDB and SQLite differ in types). */
export interface RawDocumentRow {
  product_id: string;
  seller_id: string;
  seller_name: string;
  name: string;
  description: string;
  category_id: string | null;
  category_path: string;
  category_path_ids: string;
  option_values: string;
  price: number | string;
  min_price: number | string;
  max_price: number | string;
  status: string;
  sellable: number | boolean | string;
  popularity: number | string;
  thumbnail_key: string | null;
  created_at: Date | string;
  removed: number | boolean | string;
  revision: number | string;
  indexed_at: Date | string;
}

export const DOCUMENT_TABLE = 'product_search_documents';

/** The document's own columns, in the order upserts bind them. */
export const DOCUMENT_COLUMNS = [
  'product_id',
  'seller_id',
  'seller_name',
  'name',
  'description',
  'category_id',
  'category_path',
  'category_path_ids',
  'option_values',
  'price',
  'min_price',
  'max_price',
  'status',
  'sellable',
  'popularity',
  'thumbnail_key',
  'created_at',
] as const;

export const ALL_COLUMNS = [...DOCUMENT_COLUMNS, 'removed', 'revision', 'indexed_at'].join(', ');

export function isMariaDb(dataSource: DataSource): boolean {
  const type = dataSource.options.type;
  return type === 'mysql' || type === 'mariadb';
}

/** The database's clock in UTC, as both databases store DATETIME(3) here. */
export const dbNowSql = (dataSource: DataSource) =>
  isMariaDb(dataSource) ? 'UTC_TIMESTAMP(3)' : "strftime('%Y-%m-%d %H:%M:%f', 'now')";

/** `YYYY-MM-DD HH:MM:SS.mmm` in UTC: what MariaDB (timezone Z) and SQLite both compare correctly. */
export const sqlTime = (date: Date | number) =>
  new Date(date).toISOString().replace('T', ' ').replace('Z', '');

export const asDate = (value: Date | string): Date =>
  value instanceof Date ? value : new Date(value.replace(' ', 'T') + (value.endsWith('Z') ? '' : 'Z'));

const truthy = (value: number | boolean | string) => value === true || Number(value) === 1;

export const isRemoved = (row: Pick<RawDocumentRow, 'removed'>) => truthy(row.removed);

export function documentValues(document: ProductSearchDocument): unknown[] {
  return [
    document.productId,
    document.sellerId,
    document.sellerName,
    document.name,
    document.description,
    document.categoryId,
    JSON.stringify(document.categoryPath),
    JSON.stringify(document.categoryPathIds),
    JSON.stringify(document.optionValues),
    document.price,
    document.minPrice,
    document.maxPrice,
    document.status,
    document.sellable ? 1 : 0,
    document.popularity,
    document.thumbnailKey,
    sqlTime(document.createdAt),
  ];
}

export function toDocument(row: RawDocumentRow): ProductSearchDocument {
  return {
    productId: row.product_id,
    sellerId: row.seller_id,
    sellerName: row.seller_name,
    name: row.name,
    description: row.description,
    categoryId: row.category_id,
    categoryPath: JSON.parse(row.category_path) as string[],
    categoryPathIds: JSON.parse(row.category_path_ids) as string[],
    optionValues: JSON.parse(row.option_values) as string[],
    price: Number(row.price),
    minPrice: Number(row.min_price),
    maxPrice: Number(row.max_price),
    status: row.status as SaleStatus,
    sellable: truthy(row.sellable),
    popularity: Number(row.popularity),
    thumbnailKey: row.thumbnail_key,
    createdAt: asDate(row.created_at),
    indexedAt: asDate(row.indexed_at),
  };
}
