import { client } from './generated/client.gen';
import { session } from '../auth/session';

const AUTH_PATHS = /\/api\/v1\/auth\/(login|refresh|logout|signup)$/;

/**
 * Every screen calls the API through the generated functions (`./generated`); this fetch under them
 * adds the bearer token and, for a manager, the seller it acts for (X-Seller-Id), and answers a 401
 * by refreshing the tokens once and repeating the call.
 */
async function sessionFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  if (AUTH_PATHS.test(new URL(request.url).pathname)) return fetch(request);
  const again = request.clone();
  const response = await fetch(await withSession(request));
  if (response.status !== 401) return response;
  if (!(await session.refresh().catch(() => false))) {
    session.expired();
    return response;
  }
  const retried = await fetch(await withSession(again));
  if (retried.status === 401) session.expired();
  return retried;
}

async function withSession(request: Request): Promise<Request> {
  const token = await session.accessToken();
  if (token) request.headers.set('Authorization', `Bearer ${token}`);
  const sellerId = session.actingSellerId();
  if (sellerId && !request.headers.has('X-Seller-Id')) request.headers.set('X-Seller-Id', sellerId);
  return request;
}

export function configureApiClient(): void {
  client.setConfig({ baseUrl: window.location.origin, fetch: sessionFetch });
}
