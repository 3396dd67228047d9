import { Email } from '../../domain/identity/email';
import type { PiiCipher } from '../../domain/identity/ports';
import { PhoneNumber } from '../../domain/identity/phone-number';
import type { Role, UserStatus } from '../../domain/identity/role';
import type { User } from '../../domain/identity/user';
import type { UserRow } from './user.entity';

/** Rows hold ciphertexts and keyed hashes; the domain sees plain values. */
export class UserMapper {
  constructor(private readonly cipher: PiiCipher) {}

  toRow(user: User): UserRow {
    const c = this.cipher;
    return {
      id: user.id,
      role: user.role,
      status: user.status,
      emailCiphertext: user.email ? c.encrypt(user.email.value) : null,
      // A suspended account keeps its address: still found by it, and nobody else can sign up with it.
      emailHash: user.email && user.status !== 'WITHDRAWN' ? c.lookupHash(user.email.value) : null,
      nameCiphertext: user.name !== null ? c.encrypt(user.name) : null,
      phoneCiphertext: user.phone ? c.encrypt(user.phone.value) : null,
      phoneHash: user.phone ? c.lookupHash(user.phone.value) : null,
      passwordHash: user.passwordHash,
      createdAt: user.createdAt,
      updatedAt: user.updatedAt,
      withdrawnAt: user.withdrawnAt,
      suspendedAt: user.suspendedAt,
      suspensionReason: user.suspensionReason,
    };
  }

  toDomain(row: UserRow): User {
    const c = this.cipher;
    return {
      id: row.id,
      role: row.role as Role,
      status: row.status as UserStatus,
      email: row.emailCiphertext ? Email.create(c.decrypt(row.emailCiphertext)) : null,
      name: row.nameCiphertext ? c.decrypt(row.nameCiphertext) : null,
      phone: row.phoneCiphertext ? PhoneNumber.create(c.decrypt(row.phoneCiphertext)) : null,
      passwordHash: row.passwordHash,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      withdrawnAt: row.withdrawnAt,
      suspendedAt: row.suspendedAt,
      suspensionReason: row.suspensionReason,
    };
  }
}
