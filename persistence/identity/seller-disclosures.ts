import type { DataSource } from 'typeorm';
import type { SellerDisclosure, SellerDisclosures } from '../../domain/catalog/ports';
import { BusinessNumber } from '../../domain/identity/business-number';
import type { PiiCipher } from '../../domain/identity/ports';
import { PhoneNumber } from '../../domain/identity/phone-number';
import type { KeyValueStore } from '../../platform/cache/key-value-store';
import { SellerProfileEntity } from './seller-profile.entity';

/** Short: a change from another process (whose `forget` this one never hears) shows within a minute. */
const DISCLOSURE_TTL_MS = 60 * 1000;
const keyOf = (sellerId: string) => `identity:seller-disclosure:${sellerId}`;

/**
 * Identity's published read of a seller's 표시사항 for product pages, cached apart from the product
 * detail so a profile change retires one key instead of every product of the seller
 * (docs/identity.md#seller-disclosure). A failing cache is skipped, never an error for the page.
 */
export class KeyValueSellerDisclosures implements SellerDisclosures {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: PiiCipher,
    private readonly kv: KeyValueStore,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  async disclosureOf(sellerId: string): Promise<SellerDisclosure | null> {
    const cached = await this.kv.get(keyOf(sellerId)).catch((error: unknown) => {
      this.onError(error);
      return null;
    });
    if (cached) return JSON.parse(cached) as SellerDisclosure;
    const disclosure = await this.load(sellerId);
    if (disclosure)
      await this.kv
        .set(keyOf(sellerId), JSON.stringify(disclosure), DISCLOSURE_TTL_MS)
        .catch((error: unknown) => this.onError(error));
    return disclosure;
  }

  async forget(sellerId: string): Promise<void> {
    await this.kv.delete(keyOf(sellerId)).catch((error: unknown) => this.onError(error));
  }

  private async load(sellerId: string): Promise<SellerDisclosure | null> {
    const row = await this.dataSource.manager.findOneBy(SellerProfileEntity, { sellerId });
    if (!row) return null;
    return {
      sellerId,
      companyName: row.companyName,
      representative: row.representativeCiphertext ? this.cipher.decrypt(row.representativeCiphertext) : null,
      businessNumber: BusinessNumber.create(row.businessNumber).formatted(),
      mailOrderNumber: row.mailOrderNumber,
      businessAddress: row.businessAddress,
      customerServicePhone: row.customerServicePhone
        ? PhoneNumber.create(row.customerServicePhone).formatted()
        : null,
    };
  }
}
