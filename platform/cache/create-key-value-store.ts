import type { CacheConfig } from '../../config/sections';
import type { KeyValueStore } from './key-value-store';
import { MemoryKeyValueStore } from './memory-key-value-store';
import { RedisKeyValueStore } from './redis-key-value-store';

export function createKeyValueStore(config: CacheConfig, prefix?: string): KeyValueStore {
  return config.kind === 'redis' ? RedisKeyValueStore.connect(config.url, prefix) : new MemoryKeyValueStore();
}
