import type { Client } from '@elastic/elasticsearch';
import type { ProductSearchIndex } from '../../../domain/catalog/ports';
import type { ProductSearchDocument } from '../../../domain/catalog/search-document';
import type { Logger } from '../../../platform/observability/logger';
import { backoffMs, callElasticsearch, DEFAULT_RETRY, pause, type RetryPolicy } from './elasticsearch-calls';
import { PRODUCTS_ALIAS, toIndexedProduct } from './product-index-definition';

type Operation =
  { index: { _id: string; version: number; version_type: 'external' } } | { delete: { _id: string } };
interface BulkItem {
  status: number;
  _id?: string | null;
  error?: { type: string; reason?: string | null };
}

/** Items Elasticsearch refused for good (a mapping or document error): the projection parks them. */
export class SearchIndexRejectedError extends Error {
  constructor(readonly rejected: { productId: string; type: string; reason: string }[]) {
    super(
      `elasticsearch rejected ${rejected.length} document(s): ` +
        rejected.map((item) => `${item.productId} ${item.type}: ${item.reason}`).join('; '),
    );
    this.name = 'SearchIndexRejectedError';
  }
}

/**
 * The projection's writer into Elasticsearch: `_bulk` against the alias. Each document carries its
 * `indexedAt` as external version, so a stale copy delivered late (at-least-once events, or the
 * catch-up pass of a reindex) never overwrites a newer one: Elasticsearch answers 409 and that item
 * counts as done. Items refused with 429 are sent again with backoff; mapping errors are surfaced.
 * No refresh is forced: a write is searchable after the index's 1 s refresh interval.
 */
export class ElasticsearchProductSearchIndex implements ProductSearchIndex {
  constructor(
    private readonly client: Client,
    private readonly options: { index?: string; logger?: Logger; retry?: RetryPolicy } = {},
  ) {}

  upsert(documents: ProductSearchDocument[]): Promise<void> {
    return this.bulk(
      documents.map((document) => ({
        id: document.productId,
        action: {
          index: { _id: document.productId, version: document.indexedAt.getTime(), version_type: 'external' },
        },
        source: toIndexedProduct(document),
      })),
    );
  }

  remove(productIds: string[]): Promise<void> {
    return this.bulk(productIds.map((id) => ({ id, action: { delete: { _id: id } } })));
  }

  private async bulk(entries: { id: string; action: Operation; source?: object }[]): Promise<void> {
    const policy = this.options.retry ?? DEFAULT_RETRY;
    let pending = entries;
    for (let attempt = 0; pending.length > 0; attempt++) {
      const operations = pending.flatMap((entry) =>
        entry.source ? [entry.action, entry.source] : [entry.action],
      );
      const answer = (await callElasticsearch(
        'bulk',
        () => this.client.bulk({ index: this.options.index ?? PRODUCTS_ALIAS, operations }),
        this.options,
      )) as { errors: boolean; items: Record<string, BulkItem>[] };
      if (!answer.errors) return;
      const retry: typeof pending = [];
      const rejected: SearchIndexRejectedError['rejected'] = [];
      answer.items.forEach((item, position) => {
        const result = Object.values(item)[0]!;
        const entry = pending[position]!;
        if (!result.error || result.status === 409 || (result.status === 404 && 'delete' in entry.action))
          return;
        if (result.status === 429 || result.status >= 500) retry.push(entry);
        else
          rejected.push({ productId: entry.id, type: result.error.type, reason: result.error.reason ?? '' });
      });
      if (rejected.length > 0) {
        this.options.logger?.error({ rejected }, 'elasticsearch rejected search documents');
        throw new SearchIndexRejectedError(rejected);
      }
      if (retry.length > 0 && attempt + 1 >= policy.attempts)
        throw new SearchIndexRejectedError(
          retry.map((entry) => ({
            productId: entry.id,
            type: 'es_rejected_execution_exception',
            reason: 'still busy',
          })),
        );
      if (retry.length > 0) await pause(backoffMs(policy, attempt));
      pending = retry;
    }
  }
}
