import { EntitySchema } from 'typeorm';
import { ref, text, time } from '../entity-columns';

export interface SellerProfileRow {
  sellerId: string;
  businessNumber: string;
  companyName: string;
  representativeCiphertext: string | null;
  contactPhoneCiphertext: string | null;
  settlementAccountCiphertext: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const SellerProfileEntity = new EntitySchema<SellerProfileRow>({
  name: 'SellerProfile',
  tableName: 'seller_profiles',
  columns: {
    sellerId: { ...ref('seller_id'), primary: true },
    businessNumber: text('business_number', 10),
    companyName: text('company_name', 100),
    representativeCiphertext: text('representative_ciphertext', 512, true),
    contactPhoneCiphertext: text('contact_phone_ciphertext', 256, true),
    settlementAccountCiphertext: text('settlement_account_ciphertext', 1024, true),
    createdAt: time('created_at'),
    updatedAt: time('updated_at'),
  },
});
