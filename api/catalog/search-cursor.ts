import { CatalogErrorCode, invalidField } from '../../domain/catalog/catalog-errors';
import { PRODUCT_SORTS, type ProductSort, type SearchCursor } from '../../domain/catalog/search-query';

/** Cursors are opaque to clients: base64url of the last item's sort value and id. */
export function encodeCursor(cursor: SearchCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.value, cursor.id])).toString('base64url');
}

export function decodeCursor(text: string, sort: ProductSort): SearchCursor {
  const refuse = (why: string) => invalidField('query.cursor', why, CatalogErrorCode.INVALID_CURSOR);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw refuse('is not a cursor this API gave out');
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw refuse('is not a cursor this API gave out');
  const [cursorSort, value, id] = parsed as [unknown, unknown, unknown];
  if (
    !PRODUCT_SORTS.includes(cursorSort as ProductSort) ||
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    typeof id !== 'string' ||
    id.length > 36
  ) {
    throw refuse('is not a cursor this API gave out');
  }
  if (cursorSort !== sort)
    throw refuse(`was made for sort=${String(cursorSort)}; start again without a cursor`);
  return { sort, value, id };
}
