import { useInfiniteQuery } from '@tanstack/react-query';
import { getApiV1SellerOrders, type SellerOrder } from '../../../api/generated';
import { useSession } from '../../../auth/useSession';

export type PartStatus = SellerOrder['status'];

/** The seller's order parts in one status, 20 a page (cursor paging); key ['seller-orders', seller, status]. */
export function useSellerOrders(status: PartStatus) {
  const state = useSession();
  const sellerId = state.status === 'signedIn' ? state.actingSellerId : null;
  const query = useInfiniteQuery({
    queryKey: ['seller-orders', sellerId, status],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      (await getApiV1SellerOrders({ query: { status, cursor: pageParam, size: 20 }, throwOnError: true }))
        .data,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  return { ...query, items: query.data?.pages.flatMap((page) => page.items) ?? [] };
}

/** Every part in the given statuses (all pages): the bulk invoice upload maps 주문번호 to orders with it. */
export async function allSellerOrders(statuses: PartStatus[]): Promise<SellerOrder[]> {
  const all: SellerOrder[] = [];
  for (const status of statuses) {
    let cursor: string | undefined;
    do {
      const page = (await getApiV1SellerOrders({ query: { status, cursor, size: 100 }, throwOnError: true }))
        .data;
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return all;
}
