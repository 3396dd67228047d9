import type { ManagerPermission } from './role';

/** A seller's grant to a manager. Revoking keeps the row (audit) with `revokedAt` set. */
export interface ManagerAssignment {
  sellerId: string;
  managerId: string;
  permissions: ManagerPermission[];
  assignedAt: Date;
  assignedBy: string;
  revokedAt: Date | null;
  revokedBy: string | null;
}

export function normalisePermissions(permissions: readonly ManagerPermission[]): ManagerPermission[] {
  return [...new Set(permissions)].sort();
}
