/**
 * The text to show for a failed call: the problem+json `detail` (Korean by default), with the
 * fields it names; a thrown fetch (no answer at all) says the server could not be reached.
 */
export function problemText(error: unknown): string {
  if (error && typeof error === 'object') {
    const problem = error as {
      detail?: unknown;
      title?: unknown;
      errors?: { field: string; message: string }[];
    };
    const fields = Array.isArray(problem.errors)
      ? problem.errors.map((e) => `${e.field}: ${e.message}`).join(', ')
      : '';
    const main =
      typeof problem.detail === 'string'
        ? problem.detail
        : typeof problem.title === 'string'
          ? problem.title
          : '';
    if (main || fields) return [main, fields && `(${fields})`].filter(Boolean).join(' ');
  }
  return '서버에 연결하지 못했습니다. 잠시 후 다시 시도하세요.';
}
