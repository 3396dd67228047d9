import { invalidFields, type FieldIssue } from './ordering-errors';

/** An inclusive range of 5-digit 우편번호, e.g. `{ from: '40200', to: '40240' }` (울릉도). */
export interface ZipRange {
  from: string;
  to: string;
}

/**
 * A seller's shipping policy (배송비 정책), whole won (docs/ordering.md#shipping-fees).
 * `freeShippingOver`: the bundled goods amount at or above which the base fee is waived (null: never).
 * `remoteAreaFee` / `jejuFee`: added per parcel for 도서산간 / 제주, even when shipping is free.
 */
export interface ShippingPolicy {
  baseFee: number;
  freeShippingOver: number | null;
  remoteAreaFee: number;
  jejuFee: number;
  /** The seller's own 도서산간 ranges; absent or null: DEFAULT_REMOTE_ZIP_RANGES. */
  remoteZipRanges?: ZipRange[] | null;
  /** 반품 배송비 (one way) charged on a change-of-mind return; absent or null: baseFee (refund-rules.ts). */
  returnShippingFee?: number | null;
}

/** The platform default for a seller who never set a policy: 3,000원, free from 50,000원, 제주 +3,000원, 도서산간 +5,000원. */
export const DEFAULT_SHIPPING_POLICY: ShippingPolicy = Object.freeze({
  baseFee: 3_000,
  freeShippingOver: 50_000,
  remoteAreaFee: 5_000,
  jejuFee: 3_000,
});

/** 제주특별자치도, all of it (the 제주 fee, not the 도서산간 one). */
export const JEJU_ZIP_RANGE: ZipRange = Object.freeze({ from: '63000', to: '63644' });

/**
 * The islands couriers charge extra for (도서산간), as the ranges Korean malls commonly publish
 * (docs/ordering.md#shipping-fees lists them by area). 제주 is apart: JEJU_ZIP_RANGE.
 */
export const DEFAULT_REMOTE_ZIP_RANGES: readonly ZipRange[] = Object.freeze(
  (
    [
      ['22386', '22388'], // 인천 중구 섬
      ['23004', '23010'], // 인천 강화 섬
      ['23100', '23116'], // 인천 옹진
      ['23124', '23136'], // 인천 옹진
      ['31708', '31708'], // 충남 당진 섬
      ['32133', '32133'], // 충남 태안 섬
      ['33411', '33411'], // 충남 보령 섬
      ['40200', '40240'], // 경북 울릉도
      ['46768', '46771'], // 부산 강서 섬
      ['52570', '52571'], // 경남 사천 섬
      ['53031', '53033'], // 경남 통영 섬
      ['53089', '53104'], // 경남 통영 섬
      ['54000', '54000'], // 전북 군산 섬
      ['56347', '56349'], // 전북 부안 섬
      ['57068', '57069'], // 전남 영광 섬
      ['58760', '58762'], // 전남 목포 섬
      ['58800', '58810'], // 전남 신안
      ['58816', '58818'], // 전남 신안
      ['58826', '58826'], // 전남 신안
      ['58828', '58866'], // 전남 신안
      ['58953', '58958'], // 전남 진도 섬
      ['59102', '59103'], // 전남 완도 섬
      ['59106', '59106'], // 전남 완도 섬
      ['59127', '59127'], // 전남 완도 섬
      ['59129', '59129'], // 전남 완도 섬
      ['59137', '59166'], // 전남 완도 섬
      ['59421', '59421'], // 전남 보성 섬
      ['59531', '59531'], // 전남 고흥 섬
      ['59551', '59551'], // 전남 고흥 섬
      ['59568', '59568'], // 전남 고흥 섬
      ['59650', '59650'], // 전남 고흥 섬
      ['59766', '59766'], // 전남 여수 섬
      ['59781', '59790'], // 전남 여수 섬
    ] as const
  ).map(([from, to]) => Object.freeze({ from, to })),
);

export type ShippingArea = 'MAINLAND' | 'JEJU' | 'REMOTE';

const inRange = (zip: string, range: ZipRange) => zip >= range.from && zip <= range.to;

export function shippingAreaOf(zipCode: string, remoteRanges?: readonly ZipRange[] | null): ShippingArea {
  if (inRange(zipCode, JEJU_ZIP_RANGE)) return 'JEJU';
  return (remoteRanges ?? DEFAULT_REMOTE_ZIP_RANGES).some((r) => inRange(zipCode, r)) ? 'REMOTE' : 'MAINLAND';
}

/**
 * A line as the fee sees it. Product options: `shippingFee` (개별 배송비; absent/null: the seller's
 * policy) and `bundleShipping` (false: 묶음배송 불가, the line ships alone; absent: true).
 */
export interface ShippingLine {
  productId: string;
  lineAmount: number;
  shippingFee?: number | null;
  bundleShipping?: boolean;
}

/**
 * One parcel of a part. BUNDLE: every bundleable line without its own fee, one base fee, waived at
 * the threshold; INDIVIDUAL: a bundleable product with its own fee (its lines together);
 * SEPARATE: a 묶음배송 불가 line (its own fee, or the base fee waived when the line alone reaches the threshold).
 */
export interface ShippingCharge {
  kind: 'BUNDLE' | 'INDIVIDUAL' | 'SEPARATE';
  productIds: string[];
  goodsAmount: number;
  /** Before the area fee; 0 when waived. */
  fee: number;
  /** 제주 / 도서산간 extra of this parcel. */
  areaFee: number;
  freeShipping: boolean;
}

export interface ShippingQuote {
  /** What the part charges for shipping, whole won. */
  fee: number;
  area: ShippingArea;
  breakdown: ShippingCharge[];
  /** Goods to add to the bundle for free shipping: 0 when free already, null when no threshold applies. */
  amountToFreeShipping: number | null;
}

/**
 * The shipping fee of ONE seller's part (docs/ordering.md#shipping-fees). Pure: the caller groups
 * lines per seller and passes that seller's policy (DEFAULT_SHIPPING_POLICY when none is set).
 */
export function shippingFeeFor(
  policy: ShippingPolicy,
  lines: readonly ShippingLine[],
  zipCode: string,
): ShippingQuote {
  const area = shippingAreaOf(zipCode, policy.remoteZipRanges);
  const areaFee = area === 'JEJU' ? policy.jejuFee : area === 'REMOTE' ? policy.remoteAreaFee : 0;
  const reaches = (amount: number) => policy.freeShippingOver !== null && amount >= policy.freeShippingOver;
  const breakdown: ShippingCharge[] = [];
  const bundle = lines.filter((l) => l.bundleShipping !== false && l.shippingFee == null);
  if (bundle.length > 0) {
    const goodsAmount = sum(bundle.map((l) => l.lineAmount));
    const free = reaches(goodsAmount);
    breakdown.push({
      kind: 'BUNDLE',
      productIds: unique(bundle.map((l) => l.productId)),
      goodsAmount,
      fee: free ? 0 : policy.baseFee,
      areaFee,
      freeShipping: free || policy.baseFee === 0,
    });
  }
  const individual = new Map<string, ShippingLine[]>();
  for (const line of lines) {
    if (line.bundleShipping === false) {
      const own = line.shippingFee ?? null;
      const free = own === null && reaches(line.lineAmount);
      const fee = own ?? (free ? 0 : policy.baseFee);
      breakdown.push({
        kind: 'SEPARATE',
        productIds: [line.productId],
        goodsAmount: line.lineAmount,
        fee,
        areaFee,
        freeShipping: fee === 0,
      });
    } else if (line.shippingFee != null) {
      individual.set(line.productId, [...(individual.get(line.productId) ?? []), line]);
    }
  }
  for (const [productId, group] of individual) {
    const fee = group[0]!.shippingFee!;
    breakdown.push({
      kind: 'INDIVIDUAL',
      productIds: [productId],
      goodsAmount: sum(group.map((l) => l.lineAmount)),
      fee,
      areaFee,
      freeShipping: fee === 0,
    });
  }
  const bundleCharge = breakdown.find((c) => c.kind === 'BUNDLE');
  const amountToFreeShipping =
    bundleCharge && policy.freeShippingOver !== null && policy.baseFee > 0
      ? Math.max(0, policy.freeShippingOver - bundleCharge.goodsAmount)
      : null;
  return {
    fee: sum(breakdown.map((c) => c.fee + c.areaFee)),
    area,
    breakdown,
    amountToFreeShipping,
  };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const unique = (values: string[]) => [...new Set(values)];

/** Highest fee a seller may set (base, area extras, 개별 배송비): a typo guard, not a business rule. */
export const MAX_SHIPPING_FEE = 1_000_000;
const MAX_REMOTE_RANGES = 200;

const feeIssue = (value: unknown, field: string): FieldIssue | null =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_SHIPPING_FEE
    ? null
    : { field, message: `must be whole won 0–${MAX_SHIPPING_FEE.toLocaleString('en-US')}` };

/** Checks a policy body (`PUT /seller/shipping-policy`), naming every wrong field; throws VALIDATION_FAILED. */
export function validateShippingPolicy(raw: Record<string, unknown> | null | undefined): ShippingPolicy {
  const body = raw ?? {};
  const errors: FieldIssue[] = [];
  for (const name of ['baseFee', 'remoteAreaFee', 'jejuFee'] as const) {
    const issue = feeIssue(body[name], `body.${name}`);
    if (issue) errors.push(issue);
  }
  const returnShippingFee = body.returnShippingFee ?? null;
  const returnIssue =
    returnShippingFee === null ? null : feeIssue(returnShippingFee, 'body.returnShippingFee');
  if (returnIssue) errors.push(returnIssue);
  const over = body.freeShippingOver;
  if (
    over !== null &&
    !(typeof over === 'number' && Number.isSafeInteger(over) && over > 0 && over <= 100_000_000)
  )
    errors.push({
      field: 'body.freeShippingOver',
      message: 'must be whole won 1–100,000,000, or null for no free shipping',
    });
  let remoteZipRanges: ZipRange[] | null = null;
  const ranges = body.remoteZipRanges;
  if (ranges !== undefined && ranges !== null) {
    if (!Array.isArray(ranges) || ranges.length > MAX_REMOTE_RANGES)
      errors.push({
        field: 'body.remoteZipRanges',
        message: `must be a list of at most ${MAX_REMOTE_RANGES} {from, to} zip ranges`,
      });
    else {
      remoteZipRanges = [];
      ranges.forEach((range: unknown, i) => {
        const r = (range ?? {}) as Record<string, unknown>;
        const ok = [r.from, r.to].every((z) => typeof z === 'string' && /^\d{5}$/.test(z));
        if (!ok || (r.from as string) > (r.to as string))
          errors.push({
            field: `body.remoteZipRanges.${i}`,
            message: 'must be {from, to}: 5-digit 우편번호, from ≤ to',
          });
        else remoteZipRanges!.push({ from: r.from as string, to: r.to as string });
      });
    }
  }
  if (errors.length > 0) throw invalidFields(errors);
  return {
    baseFee: body.baseFee as number,
    freeShippingOver: over as number | null,
    remoteAreaFee: body.remoteAreaFee as number,
    jejuFee: body.jejuFee as number,
    remoteZipRanges,
    // Left out when unset, so policies stored on orders before this field read the same.
    ...(returnShippingFee === null ? {} : { returnShippingFee: returnShippingFee as number }),
  };
}
