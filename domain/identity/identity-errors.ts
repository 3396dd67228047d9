import { DomainError } from '../shared/domain-error';

/** Stable codes of the identity context; their HTTP statuses live in api/problem-codes.ts. */
export const IdentityErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  EMAIL_ALREADY_REGISTERED: 'EMAIL_ALREADY_REGISTERED',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  LOGIN_LOCKED: 'LOGIN_LOCKED',
  INVALID_REFRESH_TOKEN: 'INVALID_REFRESH_TOKEN',
  REFRESH_TOKEN_REUSED: 'REFRESH_TOKEN_REUSED',
  USER_NOT_FOUND: 'USER_NOT_FOUND',
  NOT_A_MANAGER: 'NOT_A_MANAGER',
  MANAGER_ASSIGNMENT_NOT_FOUND: 'MANAGER_ASSIGNMENT_NOT_FOUND',
  SELLER_NOT_FOUND: 'SELLER_NOT_FOUND',
  ACCOUNT_SUSPENDED: 'ACCOUNT_SUSPENDED',
  CANNOT_SUSPEND_SELF: 'CANNOT_SUSPEND_SELF',
  ACCOUNT_WITHDRAWN: 'ACCOUNT_WITHDRAWN',
} as const;

/** A value a client sent that breaks a rule; `field` names it the way the API does (`body.email`). */
export function invalidField(field: string, message: string): DomainError {
  return new DomainError(IdentityErrorCode.VALIDATION_FAILED, `${field}: ${message}`, {
    errors: [{ field, message }],
  });
}

/** A suspended account is refused sign-in, refresh and every authenticated call. */
export function accountSuspended(): DomainError {
  return new DomainError(
    IdentityErrorCode.ACCOUNT_SUSPENDED,
    'This account has been suspended by an administrator. Contact customer support.',
  );
}
