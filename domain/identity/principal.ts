import type { ManagerPermission, Role } from './role';

/** A seller that assigned a manager, and what the manager may do for it. */
export interface ManagerGrant {
  sellerId: string;
  permissions: readonly ManagerPermission[];
}

/**
 * Who is calling, as the server knows it right now (role and grants come from the database on each
 * request, not from the token, so a revoked manager or a withdrawn account loses access at once).
 */
export interface Principal {
  userId: string;
  role: Role;
  /** The refresh-token family (the sign-in) the access token belongs to. */
  sessionId: string;
  /** Only managers have grants. */
  grants: readonly ManagerGrant[];
  /** Sellers that revoked this manager's assignment (managers only), to say so instead of a bare 403. */
  revokedSellerIds?: readonly string[];
}
