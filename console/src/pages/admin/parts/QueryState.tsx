import type { ReactNode } from 'react';
import { problemText } from './problem';

/** Loading, error (the problem's detail) and empty states of a list, else the list itself. */
export function QueryState(props: {
  isPending: boolean;
  error: unknown;
  empty: boolean;
  emptyText: string;
  children: ReactNode;
}) {
  if (props.isPending) return <p className="muted">불러오는 중…</p>;
  if (props.error)
    return (
      <p role="alert" className="error">
        {problemText(props.error)}
      </p>
    );
  if (props.empty) return <p className="muted">{props.emptyText}</p>;
  return <>{props.children}</>;
}

/** A mutation's outcome under the form or button that ran it. */
export function MutationError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p role="alert" className="error">
      {problemText(error)}
    </p>
  );
}
