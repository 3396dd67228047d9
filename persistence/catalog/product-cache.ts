import type { ProductCache } from '../../domain/catalog/ports';
import type { KeyValueStore } from '../../platform/cache/key-value-store';

const DETAIL_TTL_MS = 5 * 60 * 1000;
const SEARCH_TTL_MS = 30 * 1000;
const GENERATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const GENERATION_KEY = 'catalog:search-generation';

/**
 * Read-through cache of product details and search pages in the key-value store (Redis in
 * production). A product change deletes its detail entry and moves the search generation on, which
 * retires every cached search page at once; live stock is never cached (it is read per request).
 */
export class KeyValueProductCache implements ProductCache {
  /**
   * `replicaLagMs` > 0 when details are filled from a read replica: a fill racing a change may
   * cache the replica's old row, so every invalidation is repeated once the replica has caught up.
   */
  constructor(
    private readonly kv: KeyValueStore,
    private readonly onError: (error: unknown) => void,
    private readonly options: { replicaLagMs?: number } = {},
  ) {}

  private async safely<T>(work: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await work();
    } catch (error) {
      this.onError(error);
      return fallback;
    }
  }

  async detail<T>(productId: string, load: () => Promise<T | null>): Promise<T | null> {
    const key = `catalog:product:${productId}`;
    const cached = await this.safely(() => this.kv.get(key), null);
    if (cached) return JSON.parse(cached) as T;
    const value = await load();
    if (value !== null)
      await this.safely(() => this.kv.set(key, JSON.stringify(value), DETAIL_TTL_MS), undefined);
    return value;
  }

  async search<T>(queryKey: string, load: () => Promise<T>): Promise<T> {
    const generation = (await this.safely(() => this.kv.get(GENERATION_KEY), null)) ?? '0';
    const key = `catalog:search:${generation}:${queryKey}`;
    const cached = await this.safely(() => this.kv.get(key), null);
    if (cached) return JSON.parse(cached) as T;
    const value = await load();
    await this.safely(() => this.kv.set(key, JSON.stringify(value), SEARCH_TTL_MS), undefined);
    return value;
  }

  async invalidate(productIds: string[]): Promise<void> {
    const lagMs = this.options.replicaLagMs ?? 0;
    if (lagMs > 0) setTimeout(() => void this.invalidateNow(productIds), lagMs).unref();
    await this.invalidateNow(productIds);
  }

  private async invalidateNow(productIds: string[]): Promise<void> {
    await this.safely(async () => {
      if (productIds.length > 0) await this.kv.delete(...productIds.map((id) => `catalog:product:${id}`));
      await this.kv.increment(GENERATION_KEY, GENERATION_TTL_MS);
    }, undefined);
  }

  async invalidateCategories(): Promise<void> {
    await this.safely(() => this.kv.delete('catalog:categories'), undefined);
  }

  async categories<T>(load: () => Promise<T>): Promise<T> {
    const cached = await this.safely(() => this.kv.get('catalog:categories'), null);
    if (cached) return JSON.parse(cached) as T;
    const value = await load();
    await this.safely(
      () => this.kv.set('catalog:categories', JSON.stringify(value), DETAIL_TTL_MS),
      undefined,
    );
    return value;
  }
}
