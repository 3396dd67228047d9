import { PRODUCT_SORTS, type ProductSort, type SearchCursor } from '../../domain/catalog/search-query';
import { decodeJsonCursor, encodeJsonCursor, invalidCursor, isCursorId, isCursorTime } from '../cursor';

/** Cursors are opaque to clients: base64url of the last item's sort value and id. */
export function encodeCursor(cursor: SearchCursor): string {
  return encodeJsonCursor([cursor.sort, cursor.value, cursor.id]);
}

/**
 * `newest` carries a creation time in ms; prices and popularity are whole non-negative numbers;
 * `relevance` carries the search's own score, a finite number.
 */
function valueFits(sort: ProductSort, value: unknown): boolean {
  if (sort === 'newest') return isCursorTime(value);
  if (sort === 'relevance') return typeof value === 'number' && Number.isFinite(value);
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function decodeCursor(text: string, sort: ProductSort): SearchCursor {
  const parsed = decodeJsonCursor(text);
  if (!Array.isArray(parsed) || parsed.length !== 3) throw invalidCursor();
  const [cursorSort, value, id] = parsed as [unknown, unknown, unknown];
  if (!PRODUCT_SORTS.includes(cursorSort as ProductSort) || !isCursorId(id)) throw invalidCursor();
  if (cursorSort !== sort)
    throw invalidCursor(`was made for sort=${String(cursorSort)}; start again without a cursor`);
  if (!valueFits(sort, value)) throw invalidCursor();
  return { sort, value: value as number, id };
}
