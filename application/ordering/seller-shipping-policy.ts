import type { ShippingPolicyStore } from '../../domain/ordering/ports';
import {
  DEFAULT_REMOTE_ZIP_RANGES,
  DEFAULT_SHIPPING_POLICY,
  validateShippingPolicy,
  type ShippingPolicy,
  type ZipRange,
} from '../../domain/ordering/shipping-policy';

export interface ShippingPolicyView {
  baseFee: number;
  freeShippingOver: number | null;
  remoteAreaFee: number;
  jejuFee: number;
  /** The 도서산간 ranges in force (the default list unless the seller set its own). */
  remoteZipRanges: ZipRange[];
  /** 반품 배송비 kept on a change-of-mind return; null: the base fee. */
  returnShippingFee: number | null;
  /** True while the seller never set a policy: the platform default applies. */
  isDefault: boolean;
}

const view = (policy: ShippingPolicy, isDefault: boolean): ShippingPolicyView => ({
  baseFee: policy.baseFee,
  freeShippingOver: policy.freeShippingOver,
  remoteAreaFee: policy.remoteAreaFee,
  jejuFee: policy.jejuFee,
  remoteZipRanges: [...(policy.remoteZipRanges ?? DEFAULT_REMOTE_ZIP_RANGES)],
  returnShippingFee: policy.returnShippingFee ?? null,
  isDefault,
});

/** A seller's shipping policy: read (the platform default until set) and replaced as a whole. */
export class SellerShippingPolicies {
  constructor(private readonly deps: { store: ShippingPolicyStore; now: () => Date }) {}

  async get(sellerId: string): Promise<ShippingPolicyView> {
    const policy = await this.deps.store.find(sellerId);
    return policy ? view(policy, false) : view(DEFAULT_SHIPPING_POLICY, true);
  }

  async set(
    sellerId: string,
    body: Parameters<typeof validateShippingPolicy>[0],
    actorId: string,
  ): Promise<ShippingPolicyView> {
    const policy = validateShippingPolicy(body);
    await this.deps.store.save(sellerId, policy, actorId, this.deps.now());
    return view(policy, false);
  }
}
