import { IdentityErrorCode } from '../../domain/identity/identity-errors';
import { reactivated, suspended, type User } from '../../domain/identity/user';
import { DomainError } from '../../domain/shared/domain-error';
import type { IdentityDeps } from './identity-deps';

/**
 * Admins suspend and reactivate accounts (docs/identity.md#suspension). Suspending ends every
 * sign-in of the account at once; its live access tokens are refused on their next call because
 * authentication reads the account status per request.
 */
export class SuspensionsService {
  constructor(private readonly deps: IdentityDeps) {}

  async suspend(input: { userId: string; reason: string; adminId: string }): Promise<User> {
    if (input.userId === input.adminId)
      throw new DomainError(
        IdentityErrorCode.CANNOT_SUSPEND_SELF,
        'Admins cannot suspend their own account.',
      );
    const user = await this.existing(input.userId);
    if (user.status === 'SUSPENDED') return user;
    const now = this.deps.now();
    const next = suspended(user, input.reason, now);
    await this.deps.users.update(next);
    await this.deps.refreshTokens.revokeAllFamiliesOf(user.id, now, 'ADMIN');
    this.deps.logger.warn({ userId: user.id, by: input.adminId }, 'account suspended');
    return next;
  }

  async reactivate(input: { userId: string; adminId: string }): Promise<User> {
    const user = await this.existing(input.userId);
    if (user.status === 'ACTIVE') return user;
    const next = reactivated(user, this.deps.now());
    await this.deps.users.update(next);
    this.deps.logger.info({ userId: user.id, by: input.adminId }, 'account reactivated');
    return next;
  }

  private async existing(userId: string): Promise<User> {
    const user = await this.deps.users.findById(userId);
    if (!user) throw new DomainError(IdentityErrorCode.USER_NOT_FOUND, 'No such account.');
    if (user.status === 'WITHDRAWN')
      throw new DomainError(IdentityErrorCode.ACCOUNT_WITHDRAWN, 'This account has been withdrawn.');
    return user;
  }
}
