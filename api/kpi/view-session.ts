import { randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
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
    const fresh = randomBytes(16).toString('base64url');
    setCookie(c, VIEW_SESSION_COOKIE, fresh, {
      path: '/',
      httpOnly: true,
      sameSite: 'Lax',
      secure: deps.secureCookie,
      maxAge: COOKIE_MAX_AGE_SECONDS,
    });
    deps.record(fresh);
  };
}
