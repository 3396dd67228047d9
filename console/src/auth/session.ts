import { getApiV1Me, postApiV1AuthLogin, postApiV1AuthLogout, postApiV1AuthRefresh } from '../api/generated';
import type { GetApiV1MeResponse, TokenPair } from '../api/generated';

export type Me = GetApiV1MeResponse;
export type ManagerPermission = NonNullable<Me['managedSellers']>[number]['permissions'][number];

export type SessionState =
  | { status: 'restoring' }
  | { status: 'signedOut'; reason?: string }
  | { status: 'signedIn'; me: Me; actingSellerId: string | null };

/**
 * The refresh token is the only thing kept across reloads, in this tab's sessionStorage
 * (docs/console.md#auth-model); the access token lives in memory only.
 */
const REFRESH_KEY = 'jangteo.console.refreshToken';
const SELLER_KEY = 'jangteo.console.actingSellerId';
/** Refresh when this share of the access token's life is left (at least 5 s before it ends). */
const REFRESH_AHEAD = 0.2;

let state: SessionState = { status: 'restoring' };
let accessToken: string | null = null;
let expiresAt = 0;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let refreshing: Promise<boolean> | null = null;
const listeners = new Set<() => void>();

function set(next: SessionState) {
  state = next;
  for (const listener of listeners) listener();
}

function keep(tokens: TokenPair) {
  accessToken = tokens.accessToken;
  expiresAt = Date.now() + tokens.expiresIn * 1000;
  sessionStorage.setItem(REFRESH_KEY, tokens.refreshToken);
  clearTimeout(refreshTimer);
  const ahead = Math.max(tokens.expiresIn * REFRESH_AHEAD, Math.min(5, tokens.expiresIn / 2));
  refreshTimer = setTimeout(() => void refresh(), (tokens.expiresIn - ahead) * 1000);
}

function forget(reason?: string) {
  accessToken = null;
  expiresAt = 0;
  clearTimeout(refreshTimer);
  sessionStorage.removeItem(REFRESH_KEY);
  sessionStorage.removeItem(SELLER_KEY);
  set({ status: 'signedOut', reason });
}

/** A manager acts for the seller it chose; with one seller that one; sellers and admins for nobody else. */
function actingSellerOf(me: Me): string | null {
  if (me.role !== 'MANAGER') return null;
  const sellers = me.managedSellers ?? [];
  const chosen = sessionStorage.getItem(SELLER_KEY);
  if (chosen && sellers.some((s) => s.sellerId === chosen)) return chosen;
  return sellers[0]?.sellerId ?? null;
}

async function loadMe(): Promise<void> {
  const { data } = await getApiV1Me({ throwOnError: true });
  set({ status: 'signedIn', me: data, actingSellerId: actingSellerOf(data) });
}

/** Spends the refresh token once for a new pair; concurrent callers share the one call. */
function refresh(): Promise<boolean> {
  refreshing ??= (async () => {
    const refreshToken = sessionStorage.getItem(REFRESH_KEY);
    if (!refreshToken) return false;
    const { data } = await postApiV1AuthRefresh({ body: { refreshToken } });
    if (!data) {
      forget('세션이 만료되었습니다. 다시 로그인하세요.');
      return false;
    }
    keep(data);
    return true;
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

export const session = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  get: () => state,
  /** The bearer token for the next call: refreshed first when it is about to end. */
  async accessToken(): Promise<string | null> {
    if (accessToken && Date.now() > expiresAt - 2000) await refresh();
    return accessToken;
  },
  actingSellerId: () => (state.status === 'signedIn' ? state.actingSellerId : null),
  refresh,
  /** On page load: a refresh token of this tab signs in again without a password. */
  async restore(): Promise<void> {
    if (!sessionStorage.getItem(REFRESH_KEY)) return set({ status: 'signedOut' });
    try {
      if (await refresh()) await loadMe();
    } catch {
      forget();
    }
  },
  async signIn(email: string, password: string): Promise<string | null> {
    const { data, error } = await postApiV1AuthLogin({ body: { email, password } });
    if (!data) return (error as { detail?: string } | undefined)?.detail ?? '로그인하지 못했습니다.';
    keep(data);
    await loadMe();
    return null;
  },
  async signOut(): Promise<void> {
    const refreshToken = sessionStorage.getItem(REFRESH_KEY);
    if (refreshToken) await postApiV1AuthLogout({ body: { refreshToken } }).catch(() => undefined);
    forget();
  },
  chooseSeller(sellerId: string) {
    if (state.status !== 'signedIn') return;
    sessionStorage.setItem(SELLER_KEY, sellerId);
    set({ ...state, actingSellerId: sellerId });
  },
  /** The API refused the token for good (revoked, refresh reused): back to 로그인. */
  expired: () => forget('세션이 만료되었습니다. 다시 로그인하세요.'),
};
