/**
 * One prefix style for the fields a problem names: `body.` for JSON and form bodies (zod-openapi
 * calls them `json`/`form`, some use cases wrote `json.`), `path.` for path parameters, `query.`
 * and `header.` as they are.
 */
const PREFIXES: Record<string, string> = { json: 'body', form: 'body', param: 'path' };

export const fieldName = (field: string) =>
  field.replace(/^(json|form|param)(?=\.|$)/, (prefix) => PREFIXES[prefix]!);

/** The same renaming in a problem's `errors` member and in a `field: message; …` detail. */
export function withFieldStyle(
  detail: string | undefined,
  extensions: Record<string, unknown>,
): { detail: string | undefined; extensions: Record<string, unknown> } {
  const errors = extensions.errors;
  return {
    detail: detail?.replace(
      /(^|; )(json|form|param)\./g,
      (_, start: string, prefix: string) => `${start}${PREFIXES[prefix]}.`,
    ),
    extensions: Array.isArray(errors)
      ? {
          ...extensions,
          errors: errors.map((e: unknown) =>
            e && typeof e === 'object' && typeof (e as { field?: unknown }).field === 'string'
              ? { ...e, field: fieldName((e as { field: string }).field) }
              : e,
          ),
        }
      : extensions,
  };
}
