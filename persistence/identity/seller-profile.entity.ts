import { EntitySchema } from 'typeorm';
import { ref, text, time } from '../entity-columns';

export interface SellerProfileRow {
  sellerId: string;
  businessNumber: string;
  companyName: string;
  representativeCiphertext: string | null;
  contactPhoneCiphertext: string | null;
  settlementAccountCiphertext: string | null;
  mailOrderNumber: string | null;
  businessAddress: string | null;
  customerServicePhone: string | null;
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
    mailOrderNumber: text('mail_order_number', 40, true),
    businessAddress: text('business_address', 200, true),
    customerServicePhone: text('customer_service_phone', 20, true),
    createdAt: time('created_at'),
    updatedAt: time('updated_at'),
  },
});
