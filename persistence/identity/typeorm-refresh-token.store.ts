import { IsNull, type DataSource, type Repository } from 'typeorm';
import type { RefreshTokenStore, SessionAccess } from '../../domain/identity/ports';
import type { Role, UserStatus } from '../../domain/identity/role';
import type {
  RefreshTokenFamily,
  RefreshTokenRecord,
  RevocationReason,
} from '../../domain/identity/refresh-token';
import {
  RefreshTokenEntity,
  RefreshTokenFamilyEntity,
  type RefreshTokenFamilyRow,
  type RefreshTokenRow,
} from './refresh-token.entity';

export class TypeOrmRefreshTokenStore implements RefreshTokenStore {
  private readonly families: Repository<RefreshTokenFamilyRow>;
  private readonly tokens: Repository<RefreshTokenRow>;

  constructor(private readonly dataSource: DataSource) {
    this.families = dataSource.getRepository(RefreshTokenFamilyEntity);
    this.tokens = dataSource.getRepository(RefreshTokenEntity);
  }

  async createFamily(family: RefreshTokenFamily): Promise<void> {
    await this.families.insert(family);
  }

  async findFamily(familyId: string): Promise<RefreshTokenFamily | null> {
    const row = await this.families.findOneBy({ id: familyId });
    return row ? { ...row, revokedReason: row.revokedReason as RevocationReason | null } : null;
  }

  async sessionAccess(userId: string, familyId: string): Promise<SessionAccess> {
    const rows = (await this.dataSource.query(
      `SELECT u.role, u.status, f.id AS family_id
         FROM users u
         LEFT JOIN refresh_token_families f ON f.id = ? AND f.user_id = u.id AND f.revoked_at IS NULL
        WHERE u.id = ?`,
      [familyId, userId],
    )) as Array<{ role: string; status: string; family_id: string | null }>;
    const row = rows[0];
    if (!row) return { account: null, live: false };
    return {
      account: { role: row.role as Role, status: row.status as UserStatus },
      live: row.family_id !== null,
    };
  }

  async insertToken(token: RefreshTokenRecord & { secretHash: string; createdAt: Date }): Promise<void> {
    await this.tokens.insert(token);
  }

  async findToken(tokenId: string): Promise<(RefreshTokenRecord & { secretHash: string }) | null> {
    return this.tokens.findOneBy({ id: tokenId });
  }

  async markUsed(tokenId: string, at: Date): Promise<boolean> {
    // Conditional update: of two concurrent refreshes with one token, exactly one wins.
    const result = await this.tokens.update({ id: tokenId, usedAt: IsNull() }, { usedAt: at });
    return (result.affected ?? 0) === 1;
  }

  async revokeFamily(familyId: string, at: Date, reason: RevocationReason): Promise<void> {
    await this.families.update(
      { id: familyId, revokedAt: IsNull() },
      { revokedAt: at, revokedReason: reason },
    );
  }

  async revokeAllFamiliesOf(userId: string, at: Date, reason: RevocationReason): Promise<void> {
    await this.families.update({ userId, revokedAt: IsNull() }, { revokedAt: at, revokedReason: reason });
  }
}
