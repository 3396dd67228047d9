import { useState } from 'react';
import './ui.css';

/** 이전 / 다음 under a table; a button shows only when there is somewhere to go. */
export function Pager({ back, next }: { back?: (() => void) | false; next?: (() => void) | false }) {
  if (!back && !next) return null;
  return (
    <div className="pager">
      {back && (
        <button type="button" onClick={back}>
          이전
        </button>
      )}
      {next && (
        <button type="button" onClick={next}>
          다음
        </button>
      )}
    </div>
  );
}

/** The cursors walked so far, so 이전 can go back; `reset` when the filters change. */
export function useCursors() {
  const [cursors, setCursors] = useState<string[]>([]);
  return {
    cursor: cursors.at(-1),
    reset: () => setCursors([]),
    back: cursors.length > 0 && (() => setCursors(cursors.slice(0, -1))),
    nextTo: (cursor: string | null | undefined) => !!cursor && (() => setCursors([...cursors, cursor])),
  };
}

/** 더 보기 under an infinite list, while there are more pages. */
export function MoreButton(props: {
  hasNextPage: boolean;
  isFetchingNextPage?: boolean;
  fetchNextPage: () => unknown;
}) {
  if (!props.hasNextPage) return null;
  return (
    <button
      type="button"
      className="secondary"
      disabled={props.isFetchingNextPage}
      onClick={() => void props.fetchNextPage()}
    >
      더 보기
    </button>
  );
}
