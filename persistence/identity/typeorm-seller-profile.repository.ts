import type { DataSource, Repository } from 'typeorm';
import type { BankAccount } from '../../domain/identity/bank-account';
import { BusinessNumber } from '../../domain/identity/business-number';
import { PhoneNumber } from '../../domain/identity/phone-number';
import type { PiiCipher, SellerProfileRepository } from '../../domain/identity/ports';
import type { SellerProfile } from '../../domain/identity/seller-profile';
import { SellerProfileEntity, type SellerProfileRow } from './seller-profile.entity';

export class TypeOrmSellerProfileRepository implements SellerProfileRepository {
  private readonly rows: Repository<SellerProfileRow>;

  constructor(
    dataSource: DataSource,
    private readonly cipher: PiiCipher,
  ) {
    this.rows = dataSource.getRepository(SellerProfileEntity);
  }

  async save(profile: SellerProfile): Promise<void> {
    const c = this.cipher;
    await this.rows.save({
      sellerId: profile.sellerId,
      businessNumber: profile.businessNumber.value,
      companyName: profile.companyName,
      representativeCiphertext: profile.representative !== null ? c.encrypt(profile.representative) : null,
      contactPhoneCiphertext: profile.contactPhone ? c.encrypt(profile.contactPhone.value) : null,
      settlementAccountCiphertext: profile.settlementAccount
        ? c.encrypt(JSON.stringify(profile.settlementAccount))
        : null,
      createdAt: profile.createdAt,
      updatedAt: profile.updatedAt,
    });
  }

  async findBySellerId(sellerId: string): Promise<SellerProfile | null> {
    const row = await this.rows.findOneBy({ sellerId });
    if (!row) return null;
    const c = this.cipher;
    return {
      sellerId: row.sellerId,
      businessNumber: BusinessNumber.create(row.businessNumber),
      companyName: row.companyName,
      representative: row.representativeCiphertext ? c.decrypt(row.representativeCiphertext) : null,
      contactPhone: row.contactPhoneCiphertext
        ? PhoneNumber.create(c.decrypt(row.contactPhoneCiphertext))
        : null,
      settlementAccount: row.settlementAccountCiphertext
        ? (JSON.parse(c.decrypt(row.settlementAccountCiphertext)) as BankAccount)
        : null,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }
}
