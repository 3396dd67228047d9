import { useInfiniteQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { QueryState } from './ListState';
import { MoreButton } from './Paging';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A list of cards paged with 더 보기, with its loading, empty and error states. */
export function CardList<T>({
  queryKey,
  load,
  empty,
  render,
  label,
}: {
  queryKey: unknown[];
  load: (cursor: string | undefined) => Promise<Page<T>>;
  empty: string;
  render: (item: T) => ReactNode;
  label: string;
}) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => load(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <QueryState isPending={query.isPending} error={query.error} empty={items.length === 0} emptyText={empty}>
      <ul className="stack" aria-label={label}>
        {items.map((item, i) => (
          <li key={i}>{render(item)}</li>
        ))}
      </ul>
      <div className="actions">
        <MoreButton {...query} />
      </div>
    </QueryState>
  );
}
