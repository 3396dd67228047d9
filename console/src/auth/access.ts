import type { ConsoleRoute } from '../app/routes';
import type { SessionState } from './session';

type SignedIn = Extract<SessionState, { status: 'signedIn' }>;

/** Where a role lands after 로그인. */
export const landingOf = (session: SignedIn) => (session.me.role === 'ADMIN' ? '/admin' : '/seller');

/** The permissions a manager holds from the seller it acts for; null for sellers and admins (all). */
export function grantsOf(session: SignedIn): ReadonlySet<string> | null {
  if (session.me.role !== 'MANAGER') return null;
  const grant = session.me.managedSellers?.find((s) => s.sellerId === session.actingSellerId);
  return new Set(grant?.permissions ?? []);
}

/** Whether the signed-in account may use a screen (the API decides again on every call). */
export function mayUse(session: SignedIn, route: Pick<ConsoleRoute, 'area' | 'permission'>): boolean {
  const role = session.me.role;
  if (route.area === 'admin') return role === 'ADMIN';
  if (role === 'SELLER') return true;
  if (role !== 'MANAGER' || !session.actingSellerId) return false;
  return !route.permission || grantsOf(session)!.has(route.permission);
}
