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
  /** Set while an admin has the account suspended (docs/identity.md#suspension). */
  suspendedAt: Date | null;
  suspensionReason: string | null;
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
    suspendedAt: null,
    suspensionReason: null,
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
    suspendedAt: null,
    suspensionReason: null,
  };
}

export function isActive(user: User): boolean {
  return user.status === 'ACTIVE';
}

/** Suspension by an admin: the account keeps its data and cannot act until reactivated. */
export function suspended(user: User, reason: string, now: Date): User {
  return { ...user, status: 'SUSPENDED', suspendedAt: now, suspensionReason: reason, updatedAt: now };
}

export function reactivated(user: User, now: Date): User {
  return { ...user, status: 'ACTIVE', suspendedAt: null, suspensionReason: null, updatedAt: now };
}
