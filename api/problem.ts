import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { withFieldStyle } from './messages/field-style';
import { preferredLanguage } from './messages/language';
import { renderDetail } from './messages/render';
import { statusByCode } from './problem-codes';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** RFC 9457 problem details, with a stable machine `code` and optional extension members. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  requestId?: string;
  [extension: string]: unknown;
}

/** Thrown by handlers for a failure the client caused or must know about; rendered by the error handler. */
export class ProblemError extends Error {
  constructor(
    readonly code: string,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
    readonly status: ContentfulStatusCode = statusByCode[code] ?? 500,
  ) {
    super(detail);
    this.name = 'ProblemError';
  }
}

const titleOf = (code: string) =>
  code
    .toLowerCase()
    .split('_')
    .map((word, i) => (i === 0 ? word[0]!.toUpperCase() + word.slice(1) : word))
    .join(' ');

export function problemBody(
  c: Context,
  status: number,
  code: string,
  detail?: string,
  extensions: Record<string, unknown> = {},
): ProblemBody {
  return {
    type: `https://jangteo.kr/problems/${code.toLowerCase().replaceAll('_', '-')}`,
    title: titleOf(code),
    status,
    code,
    ...(detail ? { detail } : {}),
    instance: c.req.path,
    requestId: c.get('requestId' as never),
    ...extensions,
  };
}

export function problem(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  detail?: string,
  extensions: Record<string, unknown> = {},
): Response {
  // A wait the body names (429 limits and locks) is also the standard header clients and proxies read.
  if (typeof extensions.retryAfterSeconds === 'number')
    c.header('Retry-After', String(Math.max(1, Math.ceil(extensions.retryAfterSeconds))));
  // Korean unless the caller prefers English; the code and extension members stay the same in both.
  const language = preferredLanguage(c.req.header('accept-language'));
  const styled = withFieldStyle(detail, extensions);
  extensions = styled.extensions;
  const text = renderDetail(language, { status, code, detail: styled.detail, extensions });
  c.header('Vary', 'Accept-Language', { append: true });
  return c.body(JSON.stringify(problemBody(c, status, code, text, extensions)), status, {
    'content-type': PROBLEM_CONTENT_TYPE,
    'content-language': language,
  });
}
