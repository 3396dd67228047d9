import type { Email } from './email';
import type { PhoneNumber } from './phone-number';
import type { Role, UserStatus } from './role';

/** An account. Personal data is held in the domain as plain values; persistence encrypts it. */
export interface User {
  id: string;
  role: Role;
  status: UserStatus;
  /** Null once withdrawn (personal data erased). */
  email: Email | null;
  name: string | null;
  phone: PhoneNumber | null;
  passwordHash: string | null;
  createdAt: Date;
  updatedAt: Date;
  withdrawnAt: Date | null;
}

export function newUser(input: {
  id: string;
  role: Role;
  email: Email;
  name: string;
  phone: PhoneNumber;
  passwordHash: string;
  now: Date;
}): User {
  return {
    id: input.id,
    role: input.role,
    status: 'ACTIVE',
    email: input.email,
    name: input.name,
    phone: input.phone,
    passwordHash: input.passwordHash,
    createdAt: input.now,
    updatedAt: input.now,
    withdrawnAt: null,
  };
}

/** Withdrawal: the account stays as a tombstone (ids referenced by kept records), its personal data does not. */
export function withdrawn(user: User, now: Date): User {
  return {
    ...user,
    status: 'WITHDRAWN',
    email: null,
    name: null,
    phone: null,
    passwordHash: null,
    updatedAt: now,
    withdrawnAt: now,
  };
}

export function isActive(user: User): boolean {
  return user.status === 'ACTIVE';
}
