/** The Korean `detail` of a problem+json the generated client threw, or a plain fallback. */
export function problemText(error: unknown): string {
  if (error && typeof error === 'object' && 'detail' in error && typeof error.detail === 'string')
    return error.detail;
  return '요청을 처리하지 못했습니다. 잠시 후 다시 시도해 주세요.';
}
