import type { Client } from '@elastic/elasticsearch';
import type { ProductSearchDocumentSource } from '../../../domain/catalog/ports';
import type { Logger } from '../../../platform/observability/logger';
import { errorTypeOf } from './elasticsearch-calls';
import { ElasticsearchProductSearchIndex } from './elasticsearch-product-search-index';
import {
  PRODUCT_INDEX_MAPPINGS,
  PRODUCT_INDEX_SETTINGS,
  PRODUCTS_ALIAS,
  productsIndexName,
} from './product-index-definition';

export interface ReindexOptions {
  /** Documents per `_bulk` request. */
  pageSize?: number;
  onProgress?: (done: number, total: number) => void;
  logger?: Logger;
  now?: () => Date;
}

export interface ReindexResult {
  index: string;
  previous: string[];
  documents: number;
  /** Documents written again by the catch-up pass (changed while the index was being built). */
  caughtUp: number;
}

/** Creates an empty products index with the current settings and mappings. */
export async function createProductsIndex(client: Client, index: string): Promise<void> {
  await client.indices.create({
    index,
    settings: PRODUCT_INDEX_SETTINGS as never,
    mappings: PRODUCT_INDEX_MAPPINGS as never,
  });
}

/** The indices the alias points at now (none on a fresh cluster). */
export async function aliasTargets(client: Client, alias = PRODUCTS_ALIAS): Promise<string[]> {
  const exists = await client.indices.existsAlias({ name: alias });
  if (!exists) return [];
  return Object.keys(await client.indices.getAlias({ name: alias }));
}

/**
 * Makes sure the alias exists (worker start on a fresh cluster): creates `products-0` and points the
 * alias at it unless the alias already points somewhere. Safe when several workers race: the
 * second create is refused with resource_already_exists_exception and adding the same alias twice
 * is a no-op. The index fills from the projection; `search:reindex` fills it from the read model.
 */
export async function ensureProductsIndex(client: Client): Promise<boolean> {
  if ((await aliasTargets(client)).length > 0) return false;
  const index = productsIndexName(new Date(0));
  try {
    await createProductsIndex(client, index);
  } catch (error) {
    if (errorTypeOf(error) !== 'resource_already_exists_exception') throw error;
  }
  await client.indices.updateAliases({ actions: [{ add: { index, alias: PRODUCTS_ALIAS } }] });
  return true;
}

/**
 * `npm run search:reindex`: builds `products-<epoch ms>` from the read model in bulk pages (no
 * refresh while loading), refreshes it, then moves the alias in one `_aliases` call (remove + add
 * are atomic: every search sees the old index or the new one, never none), deletes the old index,
 * and finally writes again every document the projection changed since the build started (it wrote
 * them to the old index meanwhile; external versions keep a newer copy from being overwritten).
 */
export async function reindexProducts(
  client: Client,
  source: ProductSearchDocumentSource,
  options: ReindexOptions = {},
): Promise<ReindexResult> {
  const pageSize = options.pageSize ?? 1000;
  const startedAt = (options.now ?? (() => new Date()))();
  const index = productsIndexName(startedAt);
  await createProductsIndex(client, index);
  await client.indices.putSettings({ index, settings: { refresh_interval: '-1' } });
  const writer = new ElasticsearchProductSearchIndex(client, { index, logger: options.logger });
  const total = await source.count();
  let done = 0;
  options.onProgress?.(done, total);
  for (let after: string | null = null; ;) {
    const page = await source.page(after, pageSize);
    if (page.length === 0) break;
    await writer.upsert(page);
    done += page.length;
    options.onProgress?.(done, Math.max(total, done));
    after = page[page.length - 1]!.productId;
  }
  await client.indices.putSettings({
    index,
    settings: { refresh_interval: PRODUCT_INDEX_SETTINGS.refresh_interval },
  });
  await client.indices.refresh({ index });

  const previous = await aliasTargets(client);
  await client.indices.updateAliases({
    actions: [
      ...previous.map((old) => ({ remove: { index: old, alias: PRODUCTS_ALIAS } })),
      { add: { index, alias: PRODUCTS_ALIAS } },
    ],
  });
  for (const old of previous) await client.indices.delete({ index: old });

  let caughtUp = 0;
  const live = new ElasticsearchProductSearchIndex(client, { logger: options.logger });
  for (let after: string | null = null; ;) {
    const page = await source.page(after, pageSize);
    if (page.length === 0) break;
    const changed = page.filter((document) => document.indexedAt >= startedAt);
    if (changed.length > 0) await live.upsert(changed);
    caughtUp += changed.length;
    after = page[page.length - 1]!.productId;
  }
  options.logger?.info({ index, previous, documents: done, caughtUp }, 'search reindex done');
  return { index, previous, documents: done, caughtUp };
}
