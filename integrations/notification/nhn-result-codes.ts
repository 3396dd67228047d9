import type { FailureReason, ProviderFallbackState, ResultClass } from '../../domain/notification';

/**
 * NHN Cloud result codes → Jangteo result classes (docs/vendors/nhn-bizmessage.md; NHN SMS error-code
 * table). Unknown codes are final with an alert: a new code should reach an operator, not loop.
 */
export interface Classified {
  classification: ResultClass;
  reason?: FailureReason;
  alert?: boolean;
  duplicate?: boolean;
}

const OK: Classified = { classification: 'ok' };
const final = (reason: FailureReason, alert = false): Classified => ({
  classification: 'final',
  reason,
  ...(alert && { alert }),
});
const transient = (reason: FailureReason): Classified => ({ classification: 'transient', reason });

/** AlimTalk API `header.resultCode` and per-recipient `sendResults[].resultCode`. */
export function classifyAlimTalkApiCode(code: number): Classified {
  if (code === 0) return OK;
  if (code === -1005) return { classification: 'ok', duplicate: true };
  if (code === -9999) return transient('PROVIDER_ERROR');
  if (code === -429) return transient('RATE_LIMITED'); // simulator / gateway throttling
  if (code === -4019 || code === -5000) return final('INVALID_RECIPIENT');
  if ([-1000, -1001, -1002, -1003, -1006, -2017, -1027, -3005].includes(code))
    return final('CONFIGURATION', true);
  if (
    code === 4 ||
    (code <= -2000 && code >= -2005) ||
    (code <= -3000 && code >= -3050) ||
    [-2019, -2025, -2026, -8008].includes(code)
  ) {
    return final('INVALID_REQUEST');
  }
  return final('INVALID_REQUEST', true);
}

/** Kakao delivery result (`resultCode` of a look-up or webhook hook), a string such as "1000". */
export function classifyKakaoDeliveryCode(code: string | number | undefined | null): Classified {
  const value = String(code ?? '');
  if (value === '1000') return OK;
  if (['3018', '3019', '3020', '3021', '3008'].includes(value)) return final('CHANNEL_UNAVAILABLE');
  if (['3015', '3016'].includes(value)) return final('INVALID_REQUEST', true);
  if (['3005', '3006', '3012', '2001', '3000', '3010'].includes(value)) return transient('PROVIDER_ERROR');
  const numeric = Number(value);
  if (numeric >= 1001 && numeric <= 1030) return final('CONFIGURATION', true);
  return final('CHANNEL_UNAVAILABLE');
}

/** NHN SMS v3.0 `header.resultCode` and `sendResultList[].resultCode`. */
export function classifySmsApiCode(code: number): Classified {
  if (code === 0) return OK;
  if (code === -9999 || code === -2021) return transient('PROVIDER_ERROR');
  if (code === -429) return transient('RATE_LIMITED');
  if (code === -2018 || code === -2019) return final('INVALID_RECIPIENT');
  if (code === -6001) return final('CHANNEL_UNAVAILABLE');
  if ((code <= -1000 && code >= -1008) || code === -2312 || code === -2313)
    return final('CONFIGURATION', true);
  if (code <= -2000 && code >= -2024) return final('INVALID_REQUEST');
  return final('INVALID_REQUEST', true);
}

export function providerFallbackFrom(resendStatus: unknown): ProviderFallbackState {
  switch (resendStatus) {
    case 'RSC01':
      return 'NOT_TARGET';
    case 'RSC02':
      return 'PENDING';
    case 'RSC03':
      return 'IN_PROGRESS';
    case 'RSC04':
      return 'SENT';
    case 'RSC05':
      return 'FAILED';
    default:
      return 'UNKNOWN';
  }
}

/** NHN reports times in Asia/Seoul as "yyyy-MM-dd HH:mm[:ss]"; no zone in the string. */
export function parseNhnDate(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2})?/.exec(value);
  return match ? new Date(`${match[1]}T${match[2]}${match[3] ?? ':00'}+09:00`) : undefined;
}

export function formatNhnDate(date: Date): string {
  return new Date(date.getTime() + 9 * 3600 * 1000).toISOString().slice(0, 19).replace('T', ' ');
}
