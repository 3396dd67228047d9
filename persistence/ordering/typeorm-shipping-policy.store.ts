import { In, type DataSource } from 'typeorm';
import type { ShippingPolicyStore } from '../../domain/ordering/ports';
import type { ShippingPolicy, ZipRange } from '../../domain/ordering/shipping-policy';
import { ShippingPolicyEntity, type ShippingPolicyRow } from './shipping-policy.entity';

const toPolicy = (row: ShippingPolicyRow): ShippingPolicy => ({
  baseFee: Number(row.baseFee),
  freeShippingOver: row.freeShippingOver === null ? null : Number(row.freeShippingOver),
  remoteAreaFee: Number(row.remoteAreaFee),
  jejuFee: Number(row.jejuFee),
  remoteZipRanges: row.remoteZipRanges ? (JSON.parse(row.remoteZipRanges) as ZipRange[]) : null,
  ...(row.returnShippingFee === null ? {} : { returnShippingFee: Number(row.returnShippingFee) }),
});

/** One row per seller who set a policy; the others get the platform default. */
export class TypeOrmShippingPolicyStore implements ShippingPolicyStore {
  constructor(private readonly dataSource: DataSource) {}

  async find(sellerId: string): Promise<ShippingPolicy | null> {
    const row = await this.dataSource.manager.findOneBy(ShippingPolicyEntity, { sellerId });
    return row ? toPolicy(row) : null;
  }

  async findMany(sellerIds: string[]): Promise<Map<string, ShippingPolicy>> {
    if (sellerIds.length === 0) return new Map();
    const rows = await this.dataSource.manager.findBy(ShippingPolicyEntity, { sellerId: In(sellerIds) });
    return new Map(rows.map((row) => [row.sellerId, toPolicy(row)]));
  }

  async save(sellerId: string, policy: ShippingPolicy, actorId: string, at: Date): Promise<void> {
    await this.dataSource.manager.upsert(
      ShippingPolicyEntity,
      {
        sellerId,
        baseFee: policy.baseFee,
        freeShippingOver: policy.freeShippingOver,
        remoteAreaFee: policy.remoteAreaFee,
        jejuFee: policy.jejuFee,
        remoteZipRanges: policy.remoteZipRanges ? JSON.stringify(policy.remoteZipRanges) : null,
        returnShippingFee: policy.returnShippingFee ?? null,
        updatedBy: actorId,
        updatedAt: at,
      },
      ['sellerId'],
    );
  }
}
