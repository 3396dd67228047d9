import type { ManagerPermission, Role } from './role';
import type { Principal } from './principal';

/**
 * What a call wants to do for a seller. `permission: null` marks an owner-only action (profile,
 * bank account, manager assignment) that is never delegated to managers.
 */
export interface SellerAction {
  sellerId: string;
  permission: ManagerPermission | null;
  /** Whether platform admins may do it too (operations, CS). Default true. */
  adminMay?: boolean;
}

export type AccessDecision =
  | { allowed: true; actingAs: 'SELLER' | 'MANAGER' | 'ADMIN'; sellerId: string }
  | {
      allowed: false;
      reason:
        | 'NOT_A_SELLER_ROLE'
        | 'OTHER_SELLER'
        | 'NOT_ASSIGNED'
        | 'ACCESS_REVOKED'
        | 'MISSING_PERMISSION'
        | 'OWNER_ONLY'
        | 'ADMIN_NOT_ALLOWED';
    };

/**
 * The one rule that decides whether a principal may act for a seller: the seller itself always;
 * an admin unless the action excludes admins; a manager only for a seller that assigned it and
 * only with the granted permission; nobody else.
 */
export function authorize(principal: Principal, action: SellerAction): AccessDecision {
  switch (principal.role) {
    case 'SELLER':
      return principal.userId === action.sellerId
        ? { allowed: true, actingAs: 'SELLER', sellerId: action.sellerId }
        : { allowed: false, reason: 'OTHER_SELLER' };
    case 'ADMIN':
      return action.adminMay === false
        ? { allowed: false, reason: 'ADMIN_NOT_ALLOWED' }
        : { allowed: true, actingAs: 'ADMIN', sellerId: action.sellerId };
    case 'MANAGER': {
      const grant = principal.grants.find((g) => g.sellerId === action.sellerId);
      if (!grant)
        return {
          allowed: false,
          reason: principal.revokedSellerIds?.includes(action.sellerId) ? 'ACCESS_REVOKED' : 'NOT_ASSIGNED',
        };
      if (action.permission === null) return { allowed: false, reason: 'OWNER_ONLY' };
      return grant.permissions.includes(action.permission)
        ? { allowed: true, actingAs: 'MANAGER', sellerId: action.sellerId }
        : { allowed: false, reason: 'MISSING_PERMISSION' };
    }
    default:
      return { allowed: false, reason: 'NOT_A_SELLER_ROLE' };
  }
}

/** Whether the principal has one of the roles. */
export function hasRole(principal: Principal, roles: readonly Role[]): boolean {
  return roles.includes(principal.role);
}

/**
 * The seller a seller-scoped call (`/seller/...`) acts for when the path does not say: a seller acts
 * for itself; a manager names the seller (X-Seller-Id) unless it serves exactly one; an admin must name it.
 */
export function resolveActingSeller(principal: Principal, requested: string | undefined): string | undefined {
  if (requested) return requested;
  if (principal.role === 'SELLER') return principal.userId;
  if (principal.role === 'MANAGER' && principal.grants.length === 1) return principal.grants[0]!.sellerId;
  // A manager every seller revoked still gets "access revoked" for its one former seller, not "name a seller".
  if (
    principal.role === 'MANAGER' &&
    principal.grants.length === 0 &&
    principal.revokedSellerIds?.length === 1
  )
    return principal.revokedSellerIds[0];
  return undefined;
}
