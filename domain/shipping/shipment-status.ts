/**
 * A seller part's parcel: waiting for the seller's invoice, then the courier's progress, which only
 * ever moves forward (a late or replayed tracking event never takes it back).
 */
export const TRACKING_STATUSES = [
  'READY',
  'PICKED_UP',
  'IN_TRANSIT',
  'OUT_FOR_DELIVERY',
  'DELIVERED',
] as const;
export type TrackingStatus = (typeof TRACKING_STATUSES)[number];

export const SHIPMENT_STATUSES = ['AWAITING_INVOICE', ...TRACKING_STATUSES, 'CANCELLED'] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

/** Parts the seller still has to hand to a courier. */
export const TO_SHIP_STATUSES: readonly ShipmentStatus[] = ['AWAITING_INVOICE'];
/** Parcels on their way: an invoice is registered and the buyer does not have it yet. */
export const IN_TRANSIT_STATUSES: readonly ShipmentStatus[] = [
  'READY',
  'PICKED_UP',
  'IN_TRANSIT',
  'OUT_FOR_DELIVERY',
];

export function isTrackingStatus(value: unknown): value is TrackingStatus {
  return typeof value === 'string' && (TRACKING_STATUSES as readonly string[]).includes(value);
}

/** Position on the way to the buyer (READY 0 … DELIVERED 4). */
export function trackingRank(status: TrackingStatus): number {
  return TRACKING_STATUSES.indexOf(status);
}

/** The further of two statuses: what a shipment shows after both were reported, in any order. */
export function furthest(a: TrackingStatus, b: TrackingStatus): TrackingStatus {
  return trackingRank(b) > trackingRank(a) ? b : a;
}

/** Tracking statuses a shipment may still move from to reach `status` (for guarded writes). */
export function trackingStatusesBefore(status: TrackingStatus): TrackingStatus[] {
  return TRACKING_STATUSES.slice(0, trackingRank(status));
}

/**
 * SweetTracker's `level` (docs/vendors/sweettracker.md#levels): 1 배송준비중, 2 집화완료, 3 배송중, 4 지점 도착, 5 배송출발,
 * 6 배송완료. Anything else (0, 7+, missing) is not a step we can place.
 */
export function statusOfTrackerLevel(level: number): TrackingStatus | null {
  switch (level) {
    case 1:
      return 'READY';
    case 2:
      return 'PICKED_UP';
    case 3:
    case 4:
      return 'IN_TRANSIT';
    case 5:
      return 'OUT_FOR_DELIVERY';
    case 6:
      return 'DELIVERED';
    default:
      return null;
  }
}

/** Korean labels for the buyer's timeline and messages. */
export const SHIPMENT_STATUS_LABELS: Readonly<Record<ShipmentStatus, string>> = {
  AWAITING_INVOICE: '발송 준비',
  READY: '배송 준비중',
  PICKED_UP: '집화 완료',
  IN_TRANSIT: '배송중',
  OUT_FOR_DELIVERY: '배송 출발',
  DELIVERED: '배송 완료',
  CANCELLED: '배송 취소',
};
