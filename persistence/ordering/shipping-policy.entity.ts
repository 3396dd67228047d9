import { EntitySchema } from 'typeorm';
import { bigint, nullableText, ref, time } from '../entity-columns';

export interface ShippingPolicyRow {
  sellerId: string;
  baseFee: number;
  freeShippingOver: number | null;
  remoteAreaFee: number;
  jejuFee: number;
  /** JSON list of `{from, to}`; null: the default 도서산간 ranges. */
  remoteZipRanges: string | null;
  /** Null: the base fee (docs/ordering.md#refunds-with-shipping). */
  returnShippingFee: number | null;
  updatedBy: string;
  updatedAt: Date;
}

export const ShippingPolicyEntity = new EntitySchema<ShippingPolicyRow>({
  name: 'SellerShippingPolicy',
  tableName: 'seller_shipping_policies',
  columns: {
    sellerId: { ...ref('seller_id'), primary: true },
    baseFee: bigint('base_fee'),
    freeShippingOver: { ...bigint('free_shipping_over'), nullable: true },
    remoteAreaFee: bigint('remote_area_fee'),
    jejuFee: bigint('jeju_fee'),
    remoteZipRanges: nullableText('remote_zip_ranges'),
    returnShippingFee: { ...bigint('return_shipping_fee'), nullable: true },
    updatedBy: ref('updated_by'),
    updatedAt: time('updated_at'),
  },
});
