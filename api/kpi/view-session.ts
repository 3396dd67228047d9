import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { generateCookie, getCookie } from 'hono/cookie';
import type { AppEnv } from '../app-env';
import { isWarmUpRequest, WARM_UP_HEADER_NAME } from '../../platform/warm-up-marker';

export const VIEW_SESSION_COOKIE = 'jt_vs';
export const VIEW_SESSION_HEADER = 'X-View-Session';
/** Long enough that a returning browser stays one visitor a day; the id itself says nothing about anyone. */
const COOKIE_MAX_AGE_SECONDS = 30 * 86_400;
const SESSION_ID = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * Counts the anonymous view session of a product page that answered 200 (docs/kpis.md#visitors).
 * Apps send their own random id in X-View-Session; browsers get one in the `jt_vs` cookie. A
 * missing or malformed id is replaced by a fresh random one, never rejected: the page is served
 * whatever the counting does. The process's own warm-up reads are nobody's views.
 */
export function recordViewSession(deps: {
  record: (sessionId: string) => void;
  secureCookie: boolean;
}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.res.status !== 200 || isWarmUpRequest(c.req.header(WARM_UP_HEADER_NAME))) return;
    const fromApp = c.req.header(VIEW_SESSION_HEADER);
    if (fromApp !== undefined && SESSION_ID.test(fromApp)) return deps.record(fromApp);
    const fromCookie = getCookie(c, VIEW_SESSION_COOKIE);
    if (fromCookie !== undefined && SESSION_ID.test(fromCookie)) return deps.record(fromCookie);
    // randomUUID draws from a pooled buffer of random bytes: no system call per visitor.
    const fresh = randomUUID();
    // Appended to the finished response's own headers: c.header() on a finished response would copy
    // the whole response (its body turned into a stream) on every first visit.
    c.res.headers.append(
      'Set-Cookie',
      generateCookie(VIEW_SESSION_COOKIE, fresh, {
        path: '/',
        httpOnly: true,
        sameSite: 'Lax',
        secure: deps.secureCookie,
        maxAge: COOKIE_MAX_AGE_SECONDS,
      }),
    );
    deps.record(fresh);
  };
}
