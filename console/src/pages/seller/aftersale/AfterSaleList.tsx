import { useInfiniteQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { problemDetail } from './shared';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A paged list (더 보기) with its loading, empty and error states. */
export function AfterSaleList<T>({
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
  if (query.isPending) return <p className="muted">불러오는 중…</p>;
  if (query.isError)
    return (
      <p role="alert" className="error">
        {problemDetail(query.error)}
      </p>
    );
  const items = query.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <>
      <ul className="stack" aria-label={label}>
        {items.map((item, i) => (
          <li key={i}>{render(item)}</li>
        ))}
      </ul>
      {query.hasNextPage && (
        <div className="actions">
          <button
            type="button"
            className="secondary"
            disabled={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          >
            더 보기
          </button>
        </div>
      )}
    </>
  );
}
