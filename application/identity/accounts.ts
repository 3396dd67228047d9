import { BusinessNumber } from '../../domain/identity/business-number';
import { Email } from '../../domain/identity/email';
import { IdentityErrorCode } from '../../domain/identity/identity-errors';
import { Password } from '../../domain/identity/password-policy';
import { personName } from '../../domain/identity/person-name';
import { PhoneNumber } from '../../domain/identity/phone-number';
import type { Role } from '../../domain/identity/role';
import { businessAddress, companyName, mailOrderNumber } from '../../domain/identity/seller-profile';
import { newUser, withdrawn, type User } from '../../domain/identity/user';
import { DomainError } from '../../domain/shared/domain-error';
import type { IdentityDeps } from './identity-deps';

export interface SignupInput {
  email: string;
  password: string;
  name: string;
  phone: string;
  role: Role;
  seller?: {
    businessNumber: string;
    companyName: string;
    representative: string;
    contactPhone?: string;
    mailOrderNumber?: string;
    businessAddress?: string;
    customerServicePhone?: string;
  };
}

export interface SignupAnswer {
  id: string;
  email: string;
  role: Role;
}

/** Accounts: signup, staff creation, profile, withdrawal, and the configured first admin. */
export class AccountsService {
  constructor(private readonly deps: IdentityDeps) {}

  /**
   * Public sign-up. A registered e-mail gets the very answer a new one gets (a fresh id that names
   * no account), and its owner a mail, so the call does not tell who has an account
   * (docs/security.md). Both paths hash the password, so they also take the same time.
   */
  async register(input: SignupInput): Promise<SignupAnswer> {
    try {
      const user = await this.signup(input);
      return { id: user.id, email: user.email!.value, role: input.role };
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== IdentityErrorCode.EMAIL_ALREADY_REGISTERED)
        throw error;
      const email = Email.create(input.email, 'json.email');
      void this.noticeSignupAttempt(email).catch((failure: unknown) =>
        this.deps.logger.error({ err: failure, email: email.masked() }, 'signup attempt notice not sent'),
      );
      return { id: this.deps.newId(), email: email.value, role: input.role };
    }
  }

  private async noticeSignupAttempt(email: Email): Promise<void> {
    const { users, rates, abuseLimits, notices, logger } = this.deps;
    const owner = await users.findByEmail(email);
    if (!owner) return;
    logger.info({ userId: owner.id }, 'signup attempted with a registered e-mail');
    const verdict = await rates.hit(`signup:notice:${owner.id}`, abuseLimits.signupNoticesPerAccount);
    if (verdict.allowed && notices) await notices.signupAttempted(owner.id, this.deps.now());
  }

  async signup(input: SignupInput, createdBy?: string): Promise<User> {
    const { users, sellerProfiles, passwords, logger } = this.deps;
    const email = Email.create(input.email, 'json.email');
    const password = Password.create(input.password, { email: email.value }, 'json.password');
    const name = personName(input.name, 'json.name');
    const phone = PhoneNumber.create(input.phone, 'json.phone');
    const sellerInput = input.role === 'SELLER' ? this.sellerOf(input) : undefined;
    const now = this.deps.now();
    const user = newUser({
      id: this.deps.newId(),
      role: input.role,
      email,
      name,
      phone,
      passwordHash: await passwords.hash(password.plaintext),
      now,
    });
    await users.create(user);
    if (sellerInput) {
      await sellerProfiles.save({
        sellerId: user.id,
        ...sellerInput,
        settlementAccount: null,
        createdAt: now,
        updatedAt: now,
      });
    }
    logger.info({ userId: user.id, role: user.role, email: email.masked(), createdBy }, 'account created');
    return user;
  }

  async getActive(userId: string): Promise<User> {
    const user = await this.deps.users.findById(userId);
    if (!user || user.status !== 'ACTIVE')
      throw new DomainError(IdentityErrorCode.USER_NOT_FOUND, 'No such account.');
    return user;
  }

  async updateMe(userId: string, changes: { name?: string; phone?: string }): Promise<User> {
    const user = await this.getActive(userId);
    const updated: User = {
      ...user,
      name: changes.name !== undefined ? personName(changes.name, 'json.name') : user.name,
      phone: changes.phone !== undefined ? PhoneNumber.create(changes.phone, 'json.phone') : user.phone,
      updatedAt: this.deps.now(),
    };
    await this.deps.users.update(updated);
    return updated;
  }

  /**
   * Withdrawal (회원 탈퇴). Other contexts' erasers run first (each idempotent), then identity erases
   * its own personal data, ends every sign-in and revokes manager assignments; the account row stays
   * as an anonymous tombstone because kept records (orders, 5 years) reference its id. The email is
   * free for a new signup at once. If anything fails midway the account is still active, so the
   * user can simply retry.
   */
  async withdraw(userId: string): Promise<void> {
    const { users, sellerProfiles, managerAssignments, refreshTokens, personalDataErasers, logger } =
      this.deps;
    const user = await this.getActive(userId);
    const now = this.deps.now();
    for (const eraser of personalDataErasers) await eraser.erasePersonalData(user.id, now);
    if (user.role === 'SELLER') {
      const profile = await sellerProfiles.findBySellerId(user.id);
      if (profile) {
        // Business number and company name are business records (tax invoices); the rest is personal.
        await sellerProfiles.save({
          ...profile,
          representative: null,
          contactPhone: null,
          settlementAccount: null,
          businessAddress: null,
          customerServicePhone: null,
          updatedAt: now,
        });
        await this.deps.sellerProfileChanged?.(user.id);
      }
    }
    await managerAssignments.revokeAllOf(user.id, now, user.id);
    await refreshTokens.revokeAllFamiliesOf(user.id, now, 'WITHDRAWAL');
    await users.update(withdrawn(user, now));
    logger.info(
      { userId: user.id, erasers: personalDataErasers.map((e) => e.name) },
      'account withdrawn, personal data erased',
    );
  }

  /**
   * Makes sure the configured first admin exists. Idempotent: an existing account with that email is
   * left as it is (its password is not reset), so every API start may call it.
   */
  async ensureBootstrapAdmin(admin: { email: string; password: string }): Promise<'created' | 'exists'> {
    const email = Email.create(admin.email, 'ADMIN_EMAIL');
    const existing = await this.deps.users.findByEmail(email);
    if (existing) {
      if (existing.role !== 'ADMIN')
        this.deps.logger.warn(
          { userId: existing.id },
          'ADMIN_EMAIL belongs to a non-admin account; no admin created',
        );
      return 'exists';
    }
    try {
      await this.signup(
        {
          email: admin.email,
          password: admin.password,
          name: '관리자',
          phone: '02-2100-0000',
          role: 'ADMIN',
        },
        'bootstrap',
      );
      return 'created';
    } catch (error) {
      // Two API processes starting together: the other one created it.
      if (error instanceof DomainError && error.code === IdentityErrorCode.EMAIL_ALREADY_REGISTERED)
        return 'exists';
      throw error;
    }
  }

  private sellerOf(input: SignupInput) {
    if (!input.seller) {
      throw new DomainError(
        IdentityErrorCode.VALIDATION_FAILED,
        'json.seller: is required when role is SELLER',
        {
          errors: [{ field: 'json.seller', message: 'is required when role is SELLER' }],
        },
      );
    }
    return {
      businessNumber: BusinessNumber.create(input.seller.businessNumber, 'json.seller.businessNumber'),
      companyName: companyName(input.seller.companyName, 'json.seller.companyName'),
      representative: personName(input.seller.representative, 'json.seller.representative'),
      contactPhone: input.seller.contactPhone
        ? PhoneNumber.create(input.seller.contactPhone, 'json.seller.contactPhone')
        : null,
      mailOrderNumber: input.seller.mailOrderNumber
        ? mailOrderNumber(input.seller.mailOrderNumber, 'json.seller.mailOrderNumber')
        : null,
      businessAddress: input.seller.businessAddress
        ? businessAddress(input.seller.businessAddress, 'json.seller.businessAddress')
        : null,
      customerServicePhone: input.seller.customerServicePhone
        ? PhoneNumber.create(input.seller.customerServicePhone, 'json.seller.customerServicePhone')
        : null,
    };
  }
}
