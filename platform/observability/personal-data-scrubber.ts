/**
 * Removes personal data from what leaves the process for an error tracker (docs/observability.md#error-tracking):
 * request bodies, cookies and headers go whole; keys that name personal data are redacted wherever
 * they appear; any string is rid of e-mail addresses, Korean mobile numbers, card numbers (Luhn),
 * 주민등록번호, query-string values and Hangul text (names and addresses are written in it).
 */
export const REDACTED = '[redacted]';

const PERSONAL_KEY =
  /mail|phone|mobile|(^|_)tel$|address|recipient|receiver|buyer|card|passw|secret|token|cookie|authorization|api[-_]?key|resident|rrn|birth|account|^(name|username|full_?name|real_?name)$/i;
/** camelCase names of people: buyerName, recipientName… (not fileName-like keys of the SDK's own structure). */
const PERSON_NAME_KEY = /^(buyer|recipient|receiver|customer|user|member|sender|depositor|holder|owner)Name$/;
/** Parts of a Sentry event the SDK fills with facts about the process, redacted by pattern only. */
const SDK_PARTS = new Set([
  'sdk',
  'modules',
  'debug_meta',
  'contexts',
  'exception',
  'threads',
  'server_name',
]);
const KEPT_HEADERS = new Set(['content-type', 'accept', 'content-length']);

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const KOREAN_MOBILE = /(?<![\d])(?:\+82[- ]?|0)1[016789][- .]?\d{3,4}[- .]?\d{4}(?!\d)/g;
const RESIDENT_NUMBER = /(?<!\d)\d{6}[- ]?[1-8]\d{6}(?!\d)/g;
/** Card numbers start with 3–6 (international brands) or 9 (domestic); epoch timestamps do not. */
const CARD_CANDIDATE = /(?<!\d)[3-69](?:[ -]?\d){12,18}(?!\d)/g;
const QUERY_VALUE = /([?&][^=&#\s?]+)=[^&#\s]*/g;
const HANGUL =
  /[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7A3]+(?:\s+[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7A3]+)*/g;

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

export function scrubText(text: string): string {
  return text
    .replace(EMAIL, REDACTED)
    .replace(RESIDENT_NUMBER, REDACTED)
    .replace(KOREAN_MOBILE, REDACTED)
    .replace(CARD_CANDIDATE, (match) => (luhn(match.replace(/\D/g, '')) ? REDACTED : match))
    .replace(QUERY_VALUE, `$1=${REDACTED}`)
    .replace(HANGUL, REDACTED);
}

/** A deep copy with every string scrubbed and, with `byKey`, values under personal keys redacted. */
export function scrubValue(value: unknown, byKey = true, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object' || depth > 20) return value;
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, byKey, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const personal = byKey && (PERSONAL_KEY.test(key) || PERSON_NAME_KEY.test(key));
    copy[key] =
      personal && item !== null && item !== undefined ? REDACTED : scrubValue(item, byKey, depth + 1);
  }
  return copy;
}

interface ScrubbableEvent {
  request?: {
    data?: unknown;
    cookies?: unknown;
    headers?: Record<string, string>;
    query_string?: unknown;
    env?: unknown;
    url?: string;
  };
  user?: { id?: string | number };
}

/** What a Sentry `beforeSend` returns: the event without personal data. */
export function scrubEvent<E extends ScrubbableEvent>(event: E): E {
  const request = event.request;
  const shaped: ScrubbableEvent = { ...event };
  if (request) {
    const headers = Object.fromEntries(
      Object.entries(request.headers ?? {}).filter(([name]) => KEPT_HEADERS.has(name.toLowerCase())),
    );
    shaped.request = {
      ...request,
      headers,
      data: request.data === undefined ? undefined : REDACTED,
      cookies: undefined,
      env: undefined,
      query_string: request.query_string === undefined ? undefined : REDACTED,
      url: request.url?.replace(/\?.*$/, ''),
    };
  }
  if (event.user) shaped.user = event.user.id === undefined ? undefined : { id: event.user.id };
  return Object.fromEntries(
    Object.entries(shaped).map(([key, value]) => [key, scrubValue(value, !SDK_PARTS.has(key))]),
  ) as unknown as E;
}
