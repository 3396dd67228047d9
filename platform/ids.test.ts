import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { uuidv7 } from './ids';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidv7', () => {
  it('is an RFC 9562 version 7 id whose first 48 bits are the millisecond timestamp', () => {
    const now = Date.UTC(2026, 11, 7, 9, 0, 0, 123);
    const id = uuidv7(now);
    assert.match(id, UUID_V7);
    assert.equal(parseInt(id.replace(/-/g, '').slice(0, 12), 16), now);
  });

  it('stays unique and well formed across many refills of its random pool', () => {
    const now = Date.now();
    const ids = Array.from({ length: 5_000 }, () => uuidv7(now));
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, UUID_V7);
    // The random tails differ in every position: no byte of the pool is handed out twice.
    const tails = new Set(ids.map((id) => id.slice(-12)));
    assert.equal(tails.size, ids.length);
  });

  it('orders ids by the time they were made', () => {
    const earlier = uuidv7(Date.UTC(2026, 0, 1));
    const later = uuidv7(Date.UTC(2026, 0, 2));
    assert.ok(earlier < later);
  });
});
