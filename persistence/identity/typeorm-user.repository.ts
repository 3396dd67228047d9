import type { DataSource, Repository } from 'typeorm';
import type { Email } from '../../domain/identity/email';
import { IdentityErrorCode } from '../../domain/identity/identity-errors';
import type { PhoneNumber } from '../../domain/identity/phone-number';
import type { PiiCipher, UserPage, UserRepository } from '../../domain/identity/ports';
import type { Role, UserStatus } from '../../domain/identity/role';
import type { User } from '../../domain/identity/user';
import { DomainError } from '../../domain/shared/domain-error';
import { isUniqueViolation } from '../unique-violation';
import { UserMapper } from './user.mapper';
import { UserEntity, type UserRow } from './user.entity';

export class TypeOrmUserRepository implements UserRepository {
  private readonly rows: Repository<UserRow>;
  private readonly mapper: UserMapper;

  constructor(
    dataSource: DataSource,
    private readonly cipher: PiiCipher,
  ) {
    this.rows = dataSource.getRepository(UserEntity);
    this.mapper = new UserMapper(cipher);
  }

  async create(user: User): Promise<void> {
    try {
      await this.rows.insert(this.mapper.toRow(user));
    } catch (error) {
      if (isUniqueViolation(error))
        throw new DomainError(
          IdentityErrorCode.EMAIL_ALREADY_REGISTERED,
          'An account with this email already exists',
        );
      throw error;
    }
  }

  async findById(id: string): Promise<User | null> {
    const row = await this.rows.findOneBy({ id });
    return row ? this.mapper.toDomain(row) : null;
  }

  async findAccess(id: string): Promise<{ role: Role; status: UserStatus } | null> {
    const row = await this.rows.findOne({ where: { id }, select: { role: true, status: true } });
    return row ? { role: row.role as Role, status: row.status as UserStatus } : null;
  }

  async findByEmail(email: Email): Promise<User | null> {
    const row = await this.rows.findOneBy({ emailHash: this.cipher.lookupHash(email.value) });
    return row ? this.mapper.toDomain(row) : null;
  }

  async findByPhone(phone: PhoneNumber): Promise<User[]> {
    const rows = await this.rows.findBy({ phoneHash: this.cipher.lookupHash(phone.value), status: 'ACTIVE' });
    return rows.map((row) => this.mapper.toDomain(row));
  }

  async update(user: User): Promise<void> {
    const { id, ...changes } = this.mapper.toRow(user);
    await this.rows.update({ id }, changes);
  }

  async list(filter: { role?: Role; cursor?: string; limit: number }): Promise<UserPage> {
    const query = this.rows
      .createQueryBuilder('u')
      .orderBy('u.id', 'ASC')
      .take(filter.limit + 1);
    if (filter.role) query.andWhere('u.role = :role', { role: filter.role });
    if (filter.cursor) query.andWhere('u.id > :cursor', { cursor: filter.cursor });
    const rows = await query.getMany();
    const page = rows.slice(0, filter.limit);
    return {
      items: page.map((row) => this.mapper.toDomain(row)),
      nextCursor: rows.length > filter.limit ? page.at(-1)!.id : null,
    };
  }
}
