import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { authorize, resolveActingSeller, type SellerAction } from '../../domain/identity/access-policy';
import type { Principal } from '../../domain/identity/principal';
import type { ManagerPermission, Role } from '../../domain/identity/role';
import type { AppEnv } from '../app-env';
import { ProblemError } from '../problem';

/** The seller a request acts for, and in which capacity; set by requireSellerAccess. */
export interface SellerAccess {
  sellerId: string;
  actingAs: 'SELLER' | 'MANAGER' | 'ADMIN';
}

/** The authenticated caller (after `authenticate`); 401 when the route forgot to authenticate. */
export function principalOf(c: Context<AppEnv>): Principal {
  const principal = c.get('principal');
  if (!principal) throw new ProblemError('UNAUTHENTICATED', 'Sign in first.');
  return principal;
}

export function sellerAccessOf(c: Context<AppEnv>): SellerAccess {
  const access = c.get('sellerAccess');
  if (!access) throw new Error('requireSellerAccess did not run before this handler');
  return access;
}

/** Only these roles may call the route (403 otherwise). Runs after authenticate. */
export function requireRole(...roles: Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const principal = principalOf(c);
    if (!roles.includes(principal.role)) {
      throw new ProblemError('FORBIDDEN', `This call is for ${roles.join(' or ')} accounts.`);
    }
    await next();
  });
}

/** Reads the seller id from a path parameter (`/sellers/{sellerId}/...`). */
export const sellerIdFromPath =
  (param = 'sellerId') =>
  (c: Context<AppEnv>): string | undefined =>
    c.req.param(param);

/** Reads the seller id from `X-Seller-Id` (managers of several sellers, admins on `/seller/...` routes). */
export const sellerIdFromHeader = (c: Context<AppEnv>): string | undefined =>
  c.req.header('x-seller-id') || undefined;

/**
 * The one authorization check for anything done for a seller: the seller itself, an admin (unless
 * `adminMay: false`), or a manager the seller assigned with `permission`. `permission: null` marks
 * owner-only actions managers never get. Puts the acting seller in the context (sellerAccessOf).
 */
export function requireSellerAccess(
  permission: ManagerPermission | null,
  sellerIdFrom: (c: Context<AppEnv>) => string | undefined = sellerIdFromHeader,
  options: Pick<SellerAction, 'adminMay'> = {},
) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const principal = principalOf(c);
    const sellerId = resolveActingSeller(principal, sellerIdFrom(c));
    if (!sellerId)
      throw new ProblemError('SELLER_REQUIRED', 'Name the seller you act for with the X-Seller-Id header.');
    checkSellerAccess(c, sellerId, permission, options);
    await next();
  });
}

/**
 * The same check for a seller known only inside the handler (e.g. the seller of a return request):
 * throws FORBIDDEN, else records the acting seller.
 */
export function checkSellerAccess(
  c: Context<AppEnv>,
  sellerId: string,
  permission: ManagerPermission | null,
  options: Pick<SellerAction, 'adminMay'> = {},
): SellerAccess {
  const decision = authorize(principalOf(c), { sellerId, permission, adminMay: options.adminMay });
  if (!decision.allowed) {
    if (decision.reason === 'ACCESS_REVOKED')
      throw new ProblemError(
        'MANAGER_ACCESS_REVOKED',
        'The seller revoked your access as its manager; ask the seller to assign you again.',
        { sellerId },
      );
    throw new ProblemError('FORBIDDEN', 'You may not do this for this seller.', {
      reason: decision.reason,
    });
  }
  const access = { sellerId, actingAs: decision.actingAs };
  c.set('sellerAccess', access);
  return access;
}
