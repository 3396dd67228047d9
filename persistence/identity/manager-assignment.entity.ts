import { EntitySchema } from 'typeorm';
import { id, ref, text, time } from '../entity-columns';

export interface ManagerAssignmentRow {
  id: string;
  sellerId: string;
  managerId: string;
  permissions: string;
  assignedAt: Date;
  assignedBy: string;
  revokedAt: Date | null;
  revokedBy: string | null;
}

export const ManagerAssignmentEntity = new EntitySchema<ManagerAssignmentRow>({
  name: 'ManagerAssignment',
  tableName: 'manager_assignments',
  columns: {
    id,
    sellerId: ref('seller_id'),
    managerId: ref('manager_id'),
    permissions: text('permissions', 200),
    assignedAt: time('assigned_at'),
    assignedBy: ref('assigned_by'),
    revokedAt: time('revoked_at', true),
    revokedBy: ref('revoked_by', true),
  },
});
