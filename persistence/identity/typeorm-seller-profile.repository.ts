import { In, type DataSource, type Repository } from 'typeorm';
import type { BankAccount } from '../../domain/identity/bank-account';
import { BusinessNumber } from '../../domain/identity/business-number';
import { PhoneNumber } from '../../domain/identity/phone-number';
import type { PiiCipher, SellerProfileRepository } from '../../domain/identity/ports';
import type { SellerProfile } from '../../domain/identity/seller-profile';
import type { Transaction } from '../../domain/shared/unit-of-work';
import { managerOf } from '../inventory/typeorm-unit-of-work';
import { SellerProfileEntity, type SellerProfileRow } from './seller-profile.entity';

export class TypeOrmSellerProfileRepository implements SellerProfileRepository {
  private readonly rows: Repository<SellerProfileRow>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: PiiCipher,
  ) {
    this.rows = dataSource.getRepository(SellerProfileEntity);
  }

  async save(profile: SellerProfile, tx?: Transaction): Promise<void> {
    const c = this.cipher;
    const rows = tx ? managerOf(this.dataSource, tx).getRepository(SellerProfileEntity) : this.rows;
    await rows.save({
      sellerId: profile.sellerId,
      businessNumber: profile.businessNumber.value,
      companyName: profile.companyName,
      representativeCiphertext: profile.representative !== null ? c.encrypt(profile.representative) : null,
      contactPhoneCiphertext: profile.contactPhone ? c.encrypt(profile.contactPhone.value) : null,
      settlementAccountCiphertext: profile.settlementAccount
        ? c.encrypt(JSON.stringify(profile.settlementAccount))
        : null,
      mailOrderNumber: profile.mailOrderNumber ?? null,
      businessAddress: profile.businessAddress ?? null,
      customerServicePhone: profile.customerServicePhone?.value ?? null,
      createdAt: profile.createdAt,
      updatedAt: profile.updatedAt,
    });
  }

  async sharedBusinessNumbers(): Promise<{ businessNumber: BusinessNumber; profiles: SellerProfile[] }[]> {
    const numbers = await this.rows
      .createQueryBuilder('p')
      .select('p.businessNumber', 'businessNumber')
      .groupBy('p.businessNumber')
      .having('COUNT(*) > 1')
      .orderBy('p.businessNumber')
      .getRawMany<{ businessNumber: string }>();
    if (numbers.length === 0) return [];
    const rows = await this.rows.find({
      where: { businessNumber: In(numbers.map((n) => n.businessNumber)) },
      order: { businessNumber: 'ASC', createdAt: 'ASC', sellerId: 'ASC' },
    });
    return numbers.map(({ businessNumber }) => ({
      businessNumber: BusinessNumber.create(businessNumber),
      profiles: rows.filter((r) => r.businessNumber === businessNumber).map((r) => this.toProfile(r)),
    }));
  }

  async findBySellerId(sellerId: string): Promise<SellerProfile | null> {
    const row = await this.rows.findOneBy({ sellerId });
    return row ? this.toProfile(row) : null;
  }

  private toProfile(row: SellerProfileRow): SellerProfile {
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
      mailOrderNumber: row.mailOrderNumber,
      businessAddress: row.businessAddress,
      customerServicePhone: row.customerServicePhone ? PhoneNumber.create(row.customerServicePhone) : null,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }
}
