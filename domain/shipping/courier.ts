/**
 * The couriers a seller can ship with, as the API names them, and what the tracker calls them (SweetTracker
 * `t_code`, docs/vendors/sweettracker.md). The invoice rules are what real client code enforces
 * (docs/vendors/sweettracker.md#invoice-numbers-송장번호): there is no published rule, so only the length is a
 * hard check.
 */
export const COURIER_NAMES = ['CJ', 'LOTTE', 'HANJIN', 'EPOST', 'LOGEN', 'KDEXP', 'DAESIN'] as const;
export type CourierName = (typeof COURIER_NAMES)[number];

export interface CourierProfile {
  name: CourierName;
  /** SweetTracker `t_code`. */
  trackerCode: string;
  label: string;
  /** Lengths (digits) an invoice may have; anything else is refused. */
  acceptedLengths: readonly number[];
  /** The length the courier issues today; another accepted length only earns a warning. */
  usualLengths: readonly number[];
  /** Whether a 12-digit number is checked (as a warning only) against the folklore mod-7 check digit. */
  mod7CheckDigit: boolean;
}

/** 경동 and 대신: no length rule is known (docs/vendors/sweettracker.md), so a wide plausible range. */
const UNKNOWN_RULE_LENGTHS = [10, 11, 12, 13, 14] as const;

export const COURIERS: Readonly<Record<CourierName, CourierProfile>> = {
  CJ: {
    name: 'CJ',
    trackerCode: '04',
    label: 'CJ대한통운',
    acceptedLengths: [10, 12],
    usualLengths: [10, 12],
    mod7CheckDigit: true,
  },
  LOTTE: {
    name: 'LOTTE',
    trackerCode: '08',
    label: '롯데택배',
    acceptedLengths: [10, 11, 12, 13],
    usualLengths: [12],
    mod7CheckDigit: true,
  },
  HANJIN: {
    name: 'HANJIN',
    trackerCode: '05',
    label: '한진택배',
    acceptedLengths: [10, 12],
    usualLengths: [10, 12],
    mod7CheckDigit: true,
  },
  EPOST: {
    name: 'EPOST',
    trackerCode: '01',
    label: '우체국택배',
    acceptedLengths: [13],
    usualLengths: [13],
    mod7CheckDigit: false,
  },
  LOGEN: {
    name: 'LOGEN',
    trackerCode: '06',
    label: '로젠택배',
    acceptedLengths: [11],
    usualLengths: [11],
    mod7CheckDigit: false,
  },
  KDEXP: {
    name: 'KDEXP',
    trackerCode: '23',
    label: '경동택배',
    acceptedLengths: UNKNOWN_RULE_LENGTHS,
    usualLengths: UNKNOWN_RULE_LENGTHS,
    mod7CheckDigit: false,
  },
  DAESIN: {
    name: 'DAESIN',
    trackerCode: '22',
    label: '대신택배',
    acceptedLengths: UNKNOWN_RULE_LENGTHS,
    usualLengths: UNKNOWN_RULE_LENGTHS,
    mod7CheckDigit: false,
  },
};

export function isCourierName(value: unknown): value is CourierName {
  return typeof value === 'string' && (COURIER_NAMES as readonly string[]).includes(value);
}

export function courierByTrackerCode(code: string): CourierProfile | undefined {
  return Object.values(COURIERS).find((c) => c.trackerCode === code);
}
