import type { BankAccount } from '../../domain/identity/bank-account';
import type { SellerProfileRepository, UserRepository } from '../../domain/identity/ports';
import type { InvoiceeDetails, SellerDirectory } from '../../domain/settlement';

/**
 * What settlement reads about a seller, through identity's own repositories (they decrypt). Only
 * settlement activities call it, so the bank account and the representative never leave them.
 */
export class IdentitySellerDirectory implements SellerDirectory {
  constructor(
    private readonly profiles: SellerProfileRepository,
    private readonly users: UserRepository,
  ) {}

  async payoutAccountOf(sellerId: string): Promise<BankAccount | null> {
    return (await this.profiles.findBySellerId(sellerId))?.settlementAccount ?? null;
  }

  async invoiceeOf(sellerId: string): Promise<InvoiceeDetails | null> {
    const profile = await this.profiles.findBySellerId(sellerId);
    if (!profile) return null;
    const user = await this.users.findById(sellerId);
    return {
      corpNum: profile.businessNumber.value,
      corpName: profile.companyName,
      // Erased on withdrawal; the invoice still names the business.
      ceoName: profile.representative ?? profile.companyName,
      email: user?.status === 'ACTIVE' ? (user.email?.value ?? null) : null,
    };
  }
}
