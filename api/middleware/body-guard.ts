import { createMiddleware } from 'hono/factory';
import { MAX_IMAGE_BYTES } from '../../domain/catalog/product-image';
import type { AppEnv } from '../app-env';
import { ProblemError } from '../problem';

/** Every JSON or form body the API takes is far below this; see docs/security.md (request bodies). */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;
/** One image plus the multipart envelope (boundaries, part headers, the file name). */
export const IMAGE_UPLOAD_LIMIT = MAX_IMAGE_BYTES + 64 * 1024;

export interface BodyLimitRule {
  method: string;
  path: RegExp;
  maxBytes: number;
  /** The problem a body over the limit gets; default PAYLOAD_TOO_LARGE. */
  code?: string;
  field?: string;
}

/** Routes that take more than the default; the router has not matched yet, so they are named by path. */
export const BODY_LIMIT_RULES: readonly BodyLimitRule[] = [
  {
    method: 'POST',
    path: /^\/api\/v1\/seller\/products\/[^/]+\/images\/?$/,
    maxBytes: IMAGE_UPLOAD_LIMIT,
    code: 'IMAGE_TOO_LARGE',
    field: 'body.file',
  },
];

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function tooLarge(rule: Pick<BodyLimitRule, 'maxBytes' | 'code' | 'field'>): ProblemError {
  const field = rule.field ?? 'body';
  const message = `is larger than ${rule.maxBytes} bytes`;
  return new ProblemError(rule.code ?? 'PAYLOAD_TOO_LARGE', `${field}: ${message}`, {
    errors: [{ field, message }],
    maxBytes: rule.maxBytes,
  });
}

/**
 * Bounds every request body while it streams in: a declared Content-Length over the limit is refused
 * before a byte is read, a chunked body as soon as the running count passes it, so an oversized body
 * never sits in memory. A JSON body must also be valid UTF-8: the platform's decoder would otherwise
 * replace bad bytes with U+FFFD and the damaged text would be stored.
 */
export function bodyGuard(
  rules: readonly BodyLimitRule[] = BODY_LIMIT_RULES,
  defaultMax: number = DEFAULT_BODY_LIMIT,
) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const raw = c.req.raw;
    // GET and HEAD carry no body here; asking for one would build a whole fetch Request per call.
    if (raw.method === 'GET' || raw.method === 'HEAD' || !raw.body) return next();
    const rule = rules.find((r) => r.method === raw.method && r.path.test(c.req.path)) ?? {
      maxBytes: defaultMax,
    };
    const declared = raw.headers.get('content-length');
    if (declared !== null && !raw.headers.has('transfer-encoding') && Number(declared) > rule.maxBytes) {
      c.header('Connection', 'close');
      throw tooLarge(rule);
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = raw.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > rule.maxBytes) {
        await reader.cancel().catch(() => undefined);
        c.header('Connection', 'close');
        throw tooLarge(rule);
      }
      chunks.push(value);
    }
    const body = Buffer.concat(chunks, size);
    if (JSON_TYPE.test(raw.headers.get('content-type') ?? '')) {
      try {
        utf8.decode(body);
      } catch {
        throw new ProblemError('MALFORMED_REQUEST', 'body: is not valid UTF-8', {
          errors: [{ field: 'body', message: 'is not valid UTF-8' }],
        });
      }
    }
    c.req.raw = new Request(raw, { body });
    return next();
  });
}
