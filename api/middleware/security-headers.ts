import { cors } from 'hono/cors';
import { createMiddleware } from 'hono/factory';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env';

/**
 * The policy of every HTML page this server renders (Swagger UI at /docs, the payment result page):
 * only its own scripts, styles and images, never framed (clickjacking), no plugins, no <base> games.
 * Swagger UI sets inline style attributes, hence 'unsafe-inline' for styles only.
 */
export const HTML_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The sandbox PG window (development and staging only, proxied from the simulator) posts its result
 * with an inline onload script to the shop's return URL: it keeps frame-ancestors but may run that.
 */
const SANDBOX_WINDOW_POLICY =
  "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; form-action *; base-uri 'none'; object-src 'none'; frame-ancestors 'none'";

const ONE_YEAR = 365 * 24 * 60 * 60;

export interface SecurityHeaderOptions {
  /** PUBLIC_BASE_URL: HSTS is sent only when the shop is reached over https. */
  publicBaseUrl?: string;
}

/**
 * Headers every response carries: no MIME sniffing, a referrer that never leaks paths (order ids,
 * tokens in query strings) to other sites, HSTS behind https, and a CSP on HTML pages. A page that
 * brings its own CSP keeps it.
 */
export function securityHeaders(options: SecurityHeaderOptions = {}) {
  const https = options.publicBaseUrl?.startsWith('https:') ?? false;
  return createMiddleware<AppEnv>(async (c, next) => {
    await next();
    let headers = c.res.headers;
    try {
      headers.set('X-Content-Type-Options', 'nosniff');
    } catch {
      // A proxied fetch Response has immutable headers: copy it once.
      c.res = new Response(c.res.body, c.res);
      headers = c.res.headers;
    }
    headers.set('X-Content-Type-Options', 'nosniff');
    if (!headers.has('Referrer-Policy')) headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
    if (https) headers.set('Strict-Transport-Security', `max-age=${ONE_YEAR}`);
    if (/^text\/html/i.test(headers.get('content-type') ?? '')) {
      if (!headers.has('Content-Security-Policy'))
        headers.set(
          'Content-Security-Policy',
          c.req.path.startsWith('/sandbox/') ? SANDBOX_WINDOW_POLICY : HTML_CONTENT_SECURITY_POLICY,
        );
      headers.set('X-Frame-Options', 'DENY');
    }
  });
}

/**
 * CORS from CORS_ORIGINS only: with none configured no Access-Control-* header is ever sent, so a
 * browser on another origin cannot read any answer. Bearer tokens, not cookies, carry identity, so
 * credentials are not allowed.
 */
export function corsPolicy(origins: readonly string[]): MiddlewareHandler<AppEnv> {
  if (origins.length === 0) return (_c, next) => next();
  const allowed = new Set(origins);
  return cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id', 'X-Seller-Id'],
    exposeHeaders: ['X-Request-Id', 'Retry-After', 'Location'],
    maxAge: 600,
  });
}
