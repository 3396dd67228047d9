import { bankAccount, maskAccountNumber } from '../../domain/identity/bank-account';
import type { BusinessNumber } from '../../domain/identity/business-number';
import { Email } from '../../domain/identity/email';
import { IdentityErrorCode } from '../../domain/identity/identity-errors';
import { normalisePermissions, type ManagerAssignment } from '../../domain/identity/manager-assignment';
import { personName } from '../../domain/identity/person-name';
import { PhoneNumber } from '../../domain/identity/phone-number';
import type { ManagerPermission } from '../../domain/identity/role';
import {
  businessAddress,
  companyName,
  mailOrderNumber,
  type SellerProfile,
} from '../../domain/identity/seller-profile';
import type { User } from '../../domain/identity/user';
import { DomainError } from '../../domain/shared/domain-error';
import type { IdentityDeps } from './identity-deps';

export interface ManagerView {
  managerId: string;
  email: string | null;
  name: string | null;
  permissions: ManagerPermission[];
  assignedAt: Date;
}

export interface DuplicateBusinessNumber {
  businessNumber: BusinessNumber;
  sellers: { sellerId: string; companyName: string; status: string | null; createdAt: Date }[];
}

/** Unset leaves the value, null clears it, a string is checked by `create`. */
function changed<T>(
  raw: string | null | undefined,
  current: T | null | undefined,
  create: (v: string) => T,
): T | null {
  if (raw === undefined) return current ?? null;
  return raw === null ? null : create(raw);
}

/** Seller profiles and the managers a seller assigns. Who may call is decided by the routes' access checks. */
export class SellersService {
  constructor(private readonly deps: IdentityDeps) {}

  async profile(sellerId: string): Promise<SellerProfile> {
    const profile = await this.deps.sellerProfiles.findBySellerId(sellerId);
    const seller = await this.deps.users.findAccess(sellerId);
    if (!profile || !seller || seller.status !== 'ACTIVE')
      throw new DomainError(IdentityErrorCode.SELLER_NOT_FOUND, 'No such seller.');
    return profile;
  }

  async updateProfile(
    sellerId: string,
    changes: {
      companyName?: string;
      representative?: string;
      contactPhone?: string | null;
      settlementAccount?: { bankCode: string; accountNumber: string; holder: string };
      mailOrderNumber?: string | null;
      businessAddress?: string | null;
      customerServicePhone?: string | null;
    },
  ): Promise<SellerProfile> {
    const current = await this.profile(sellerId);
    const updated: SellerProfile = {
      ...current,
      companyName:
        changes.companyName !== undefined
          ? companyName(changes.companyName, 'json.companyName')
          : current.companyName,
      representative:
        changes.representative !== undefined
          ? personName(changes.representative, 'json.representative')
          : current.representative,
      contactPhone:
        changes.contactPhone === undefined
          ? current.contactPhone
          : changes.contactPhone === null
            ? null
            : PhoneNumber.create(changes.contactPhone, 'json.contactPhone'),
      settlementAccount: changes.settlementAccount
        ? bankAccount(changes.settlementAccount, 'json.settlementAccount')
        : current.settlementAccount,
      mailOrderNumber: changed(changes.mailOrderNumber, current.mailOrderNumber, (v) =>
        mailOrderNumber(v, 'json.mailOrderNumber'),
      ),
      businessAddress: changed(changes.businessAddress, current.businessAddress, (v) =>
        businessAddress(v, 'json.businessAddress'),
      ),
      customerServicePhone: changed(changes.customerServicePhone, current.customerServicePhone, (v) =>
        PhoneNumber.create(v, 'json.customerServicePhone'),
      ),
      updatedAt: this.deps.now(),
    };
    const events = this.deps.events;
    if (events && updated.companyName !== current.companyName)
      await events.transactions.run(async (tx) => {
        await this.deps.sellerProfiles.save(updated, tx);
        await events.outbox.append(
          [
            {
              id: this.deps.newId(),
              type: 'identity.seller.changed',
              aggregateType: 'seller',
              aggregateId: sellerId,
              occurredAt: updated.updatedAt,
              payload: { sellerId },
            },
          ],
          tx,
        );
      });
    else await this.deps.sellerProfiles.save(updated);
    await this.deps.sellerProfileChanged?.(sellerId);
    this.deps.logger.info(
      {
        sellerId,
        settlementAccount: updated.settlementAccount
          ? maskAccountNumber(updated.settlementAccount.accountNumber)
          : null,
      },
      'seller profile updated',
    );
    return updated;
  }

  /** 사업자등록번호 held by more than one seller account, with those accounts (an admin's check). */
  async duplicateBusinessNumbers(): Promise<DuplicateBusinessNumber[]> {
    const groups = await this.deps.sellerProfiles.sharedBusinessNumbers();
    const result: DuplicateBusinessNumber[] = [];
    for (const group of groups) {
      const sellers = [];
      for (const profile of group.profiles) {
        const user = await this.deps.users.findAccess(profile.sellerId);
        sellers.push({
          sellerId: profile.sellerId,
          companyName: profile.companyName,
          status: user?.status ?? null,
          createdAt: profile.createdAt,
        });
      }
      result.push({ businessNumber: group.businessNumber, sellers });
    }
    return result;
  }

  /** Ids of the seller accounts in any group above, for a flag on the admin's account list. */
  async sellersSharingBusinessNumber(): Promise<Set<string>> {
    const groups = await this.deps.sellerProfiles.sharedBusinessNumbers();
    return new Set(groups.flatMap((g) => g.profiles.map((p) => p.sellerId)));
  }

  async assignManager(
    sellerId: string,
    target: { managerId?: string; email?: string },
    permissions: ManagerPermission[],
    by: string,
  ): Promise<{ assignment: ManagerAssignment; manager: User; created: boolean }> {
    await this.profile(sellerId);
    const manager = target.managerId
      ? await this.deps.users.findById(target.managerId)
      : await this.deps.users.findByEmail(Email.create(target.email ?? '', 'json.email'));
    if (!manager || manager.status !== 'ACTIVE')
      throw new DomainError(IdentityErrorCode.USER_NOT_FOUND, 'No active account matches that manager.');
    if (manager.role !== 'MANAGER') {
      throw new DomainError(
        IdentityErrorCode.NOT_A_MANAGER,
        'Only MANAGER accounts (created by an admin) can act for a seller.',
      );
    }
    const existing = await this.deps.managerAssignments.find(sellerId, manager.id);
    const assignment: ManagerAssignment = {
      sellerId,
      managerId: manager.id,
      permissions: normalisePermissions(permissions),
      assignedAt: this.deps.now(),
      assignedBy: by,
      revokedAt: null,
      revokedBy: null,
    };
    await this.deps.managerAssignments.upsert(assignment);
    this.deps.logger.info(
      { sellerId, managerId: manager.id, permissions: assignment.permissions, by },
      'manager assigned',
    );
    return { assignment, manager, created: !existing || existing.revokedAt !== null };
  }

  async revokeManager(sellerId: string, managerId: string, by: string): Promise<void> {
    const existing = await this.deps.managerAssignments.find(sellerId, managerId);
    if (!existing || existing.revokedAt) {
      throw new DomainError(
        IdentityErrorCode.MANAGER_ASSIGNMENT_NOT_FOUND,
        'This manager is not assigned to this seller.',
      );
    }
    await this.deps.managerAssignments.upsert({ ...existing, revokedAt: this.deps.now(), revokedBy: by });
    this.deps.logger.info({ sellerId, managerId, by }, 'manager revoked');
  }

  async listManagers(sellerId: string): Promise<ManagerView[]> {
    const assignments = await this.deps.managerAssignments.listBySeller(sellerId);
    const views: ManagerView[] = [];
    for (const a of assignments) {
      const manager = await this.deps.users.findById(a.managerId);
      views.push({
        managerId: a.managerId,
        email: manager?.email?.value ?? null,
        name: manager?.name ?? null,
        permissions: a.permissions,
        assignedAt: a.assignedAt,
      });
    }
    return views;
  }
}
