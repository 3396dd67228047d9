/**
 * Node flags of every process that serves the shop's HTTP API (the image's api role, `npm run
 * start:api`, `npm start` and the benches). The search index keeps the whole catalogue's read model in
 * the heap (about 600 MB at 100,000 products), so every young-generation collection also scans a large
 * remembered set: 64 MB semi-spaces (16 MB by default) collect four times less often. Measured in
 * docs/deployment.md#memory-and-garbage-collection.
 */
export const API_NODE_FLAGS = ['--max-semi-space-size=64'] as const;
