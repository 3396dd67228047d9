import { IsNull, type DataSource, type Repository } from 'typeorm';
import type { ManagerAssignment } from '../../domain/identity/manager-assignment';
import type { ManagerAssignmentRepository } from '../../domain/identity/ports';
import type { ManagerGrant } from '../../domain/identity/principal';
import type { ManagerPermission } from '../../domain/identity/role';
import type { IdGenerator } from '../../platform/ids';
import { ManagerAssignmentEntity, type ManagerAssignmentRow } from './manager-assignment.entity';

const toDomain = (row: ManagerAssignmentRow): ManagerAssignment => ({
  sellerId: row.sellerId,
  managerId: row.managerId,
  permissions: row.permissions.split(',').filter(Boolean) as ManagerPermission[],
  assignedAt: row.assignedAt,
  assignedBy: row.assignedBy,
  revokedAt: row.revokedAt,
  revokedBy: row.revokedBy,
});

export class TypeOrmManagerAssignmentRepository implements ManagerAssignmentRepository {
  private readonly rows: Repository<ManagerAssignmentRow>;

  constructor(
    dataSource: DataSource,
    private readonly newId: IdGenerator,
  ) {
    this.rows = dataSource.getRepository(ManagerAssignmentEntity);
  }

  async upsert(assignment: ManagerAssignment): Promise<void> {
    const existing = await this.rows.findOneBy({
      sellerId: assignment.sellerId,
      managerId: assignment.managerId,
    });
    const row = {
      sellerId: assignment.sellerId,
      managerId: assignment.managerId,
      permissions: assignment.permissions.join(','),
      assignedAt: assignment.assignedAt,
      assignedBy: assignment.assignedBy,
      revokedAt: assignment.revokedAt,
      revokedBy: assignment.revokedBy,
    };
    if (existing) await this.rows.update({ id: existing.id }, row);
    else await this.rows.insert({ id: this.newId(), ...row });
  }

  async find(sellerId: string, managerId: string): Promise<ManagerAssignment | null> {
    const row = await this.rows.findOneBy({ sellerId, managerId });
    return row ? toDomain(row) : null;
  }

  async listBySeller(sellerId: string): Promise<ManagerAssignment[]> {
    const rows = await this.rows.find({
      where: { sellerId, revokedAt: IsNull() },
      order: { assignedAt: 'ASC' },
    });
    return rows.map(toDomain);
  }

  async activeGrantsOf(managerId: string): Promise<ManagerGrant[]> {
    const rows = await this.rows.find({
      where: { managerId, revokedAt: IsNull() },
      select: { sellerId: true, permissions: true },
    });
    return rows.map((row) => ({
      sellerId: row.sellerId,
      permissions: row.permissions.split(',').filter(Boolean) as ManagerPermission[],
    }));
  }

  async grantsOf(managerId: string): Promise<{ active: ManagerGrant[]; revokedSellerIds: string[] }> {
    const rows = await this.rows.find({
      where: { managerId },
      select: { sellerId: true, permissions: true, revokedAt: true },
    });
    return {
      active: rows
        .filter((row) => row.revokedAt === null)
        .map((row) => ({
          sellerId: row.sellerId,
          permissions: row.permissions.split(',').filter(Boolean) as ManagerPermission[],
        })),
      revokedSellerIds: rows.filter((row) => row.revokedAt !== null).map((row) => row.sellerId),
    };
  }

  async revokeAllOf(userId: string, at: Date, by: string): Promise<void> {
    await this.rows.update({ sellerId: userId, revokedAt: IsNull() }, { revokedAt: at, revokedBy: by });
    await this.rows.update({ managerId: userId, revokedAt: IsNull() }, { revokedAt: at, revokedBy: by });
  }
}
