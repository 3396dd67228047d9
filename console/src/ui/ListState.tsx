import type { ReactNode } from 'react';
import { problemText } from '../format/problem';
import './ui.css';

/** Loading, error (the problem's detail) and empty states of a list, else the list itself. */
export function QueryState(props: {
  isPending: boolean;
  error: unknown;
  empty: boolean;
  emptyText: string;
  children: ReactNode;
}) {
  if (props.isPending) return <p className="muted">불러오는 중…</p>;
  if (props.error) return <ErrorText error={props.error} />;
  if (props.empty) return <p className="muted">{props.emptyText}</p>;
  return <>{props.children}</>;
}

/** A failed call's problem+json detail, announced; nothing when there is no error. `inline` sits in a row. */
export function ErrorText({ error, inline = false }: { error: unknown; inline?: boolean }) {
  if (!error) return null;
  const Tag = inline ? 'span' : 'p';
  return (
    <Tag role="alert" className="error">
      {problemText(error)}
    </Tag>
  );
}

/** A mutation's outcome under the form or button that ran it. */
export const MutationError = ErrorText;
