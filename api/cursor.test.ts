import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { PRODUCT_SORTS } from '../domain/catalog/search-query';
import { decodeCursor, encodeCursor } from './catalog/search-cursor';
import { decodeConversationCursor, encodeConversationCursor } from './chat/chat-views';
import { encodeJsonCursor, idCursor } from './cursor';
import { ProblemError } from './problem';

/** Runs a decoder; anything thrown must be the 400 naming query.cursor. */
function decodesOrRefuses(decode: () => unknown): void {
  try {
    decode();
  } catch (error) {
    assert.ok(error instanceof ProblemError, `threw ${String(error)}`);
    assert.equal(error.code, 'VALIDATION_FAILED');
    assert.equal((error.extensions.errors as { field: string }[])[0]!.field, 'query.cursor');
  }
}

const jsonish = fc.oneof(
  fc.jsonValue(),
  fc.tuple(fc.constantFrom(...PRODUCT_SORTS, 'x'), fc.double(), fc.oneof(fc.string(), fc.integer())),
  fc.tuple(fc.oneof(fc.string(), fc.date({ noInvalidDate: false }).map(String)), fc.string()),
);
const cursorText = fc.oneof(fc.string(), fc.base64String(), jsonish.map(encodeJsonCursor));

describe('cursor decoders never throw anything but the validation error', () => {
  test('the reported cursor ["newest",1e+20,"x"] is a 400, not a RangeError', () => {
    assert.throws(
      () => decodeCursor('WyJuZXdlc3QiLDFlKzIwLCJ4Il0', 'newest'),
      (e) => e instanceof ProblemError,
    );
  });

  test('product search cursors, every sort', () => {
    fc.assert(
      fc.property(cursorText, fc.constantFrom(...PRODUCT_SORTS), (text, sort) =>
        decodesOrRefuses(() => {
          const cursor = decodeCursor(text, sort);
          if (sort === 'newest') new Date(cursor.value).toISOString();
        }),
      ),
      { numRuns: 2000 },
    );
  });

  test('conversation cursors', () => {
    fc.assert(
      fc.property(cursorText, (text) =>
        decodesOrRefuses(() => decodeConversationCursor(text)?.at.toISOString()),
      ),
      { numRuns: 2000 },
    );
  });

  test('id cursors and what the API gave out round-trip', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const parsed = idCursor.safeParse(text);
        assert.equal(parsed.success, /^[0-9A-Za-z-]{1,36}$/.test(text));
      }),
    );
    fc.assert(
      fc.property(
        fc.uuid(),
        fc.date({ min: new Date(0), max: new Date(Date.UTC(9999, 0)), noInvalidDate: true }),
        (id, at) => {
          assert.deepEqual(decodeConversationCursor(encodeConversationCursor(at, id)), { at, id });
          const cursor = { sort: 'newest' as const, value: at.getTime(), id };
          assert.deepEqual(decodeCursor(encodeCursor(cursor), 'newest'), cursor);
        },
      ),
    );
  });
});
