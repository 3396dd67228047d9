import { LessThan, type FindOptionsOrder, type FindOptionsWhere, type Repository } from 'typeorm';

export interface SellerPageRequest<S extends string> {
  status?: S;
  cursor?: string;
  limit: number;
}

/**
 * A seller's after-sale rows (returns, exchanges), newest first. Their ids are time-ordered
 * (UUIDv7), so the id alone orders and pages them: the cursor is the last id of the page before.
 */
export async function pageOfSeller<T extends { id: string; sellerId: string; status: S }, S extends string>(
  rows: Repository<T>,
  sellerId: string,
  page: SellerPageRequest<S>,
): Promise<{ items: T[]; nextCursor: string | null }> {
  const found = await rows.find({
    where: {
      sellerId,
      ...(page.status ? { status: page.status } : {}),
      ...(page.cursor ? { id: LessThan(page.cursor) } : {}),
    } as FindOptionsWhere<T>,
    order: { id: 'DESC' } as FindOptionsOrder<T>,
    take: page.limit + 1,
  });
  const items = found.slice(0, page.limit);
  return { items, nextCursor: found.length > page.limit ? items[items.length - 1]!.id : null };
}
