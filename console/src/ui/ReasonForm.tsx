import type { FormEvent } from 'react';

/** A confirm-with-reason form: one required text field, a submit button and, when it can be dropped, 취소. */
export function ReasonForm(props: {
  /** The form's accessible name, when the screen has several such forms. */
  name?: string;
  field: string;
  submit: string;
  busy: boolean;
  maxLength: number;
  danger?: boolean;
  onSubmit: (reason: string) => void;
  onCancel?: () => void;
}) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    props.onSubmit(String(new FormData(event.currentTarget).get('reason') ?? ''));
  };
  return (
    <form onSubmit={submit} aria-label={props.name}>
      <label>
        {props.field}
        <input name="reason" required maxLength={props.maxLength} />
      </label>
      <button type="submit" className={props.danger ? 'danger' : undefined} disabled={props.busy}>
        {props.submit}
      </button>
      {props.onCancel && (
        <button type="button" className="secondary" onClick={props.onCancel}>
          취소
        </button>
      )}
    </form>
  );
}
