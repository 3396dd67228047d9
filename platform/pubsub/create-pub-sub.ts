import type { CacheConfig } from '../../config/sections';
import { MemoryPubSub } from './memory-pub-sub';
import type { PubSub } from './pub-sub';
import { RedisPubSub } from './redis-pub-sub';

/** Redis when REDIS_URL is set (several API processes), in memory otherwise (the embedded mode). */
export function createPubSub(config: CacheConfig, prefix?: string): PubSub {
  return config.kind === 'redis' ? RedisPubSub.connect(config.url, prefix) : new MemoryPubSub();
}
