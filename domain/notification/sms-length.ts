/**
 * NHN Cloud SMS encodes in EUC-KR: ASCII takes one byte, Hangul and other Korean-charset characters
 * two. An SMS is at most 90 bytes; longer text goes as LMS (title ≤ 40 bytes, body ≤ 2,000 bytes).
 */
export const SMS_MAX_BYTES = 90;
export const LMS_TITLE_MAX_BYTES = 40;
export const LMS_BODY_MAX_BYTES = 2000;

export function eucKrByteLength(text: string): number {
  let bytes = 0;
  for (const char of text) bytes += char.codePointAt(0)! < 0x80 ? 1 : 2;
  return bytes;
}

/** Characters outside the Basic Multilingual Plane (emoji) and emoji selectors cannot be sent. */
export function hasUnsendableCharacters(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code > 0xffff || code === 0xfe0f || code === 0x200d) return true;
  }
  return false;
}

export function smsTypeFor(body: string): 'SMS' | 'LMS' {
  return eucKrByteLength(body) <= SMS_MAX_BYTES ? 'SMS' : 'LMS';
}

/** Cuts text to at most `maxBytes` EUC-KR bytes without splitting a character. */
export function truncateToEucKrBytes(text: string, maxBytes: number): string {
  let bytes = 0;
  let out = '';
  for (const char of text) {
    const size = char.codePointAt(0)! < 0x80 ? 1 : 2;
    if (bytes + size > maxBytes) break;
    bytes += size;
    out += char;
  }
  return out;
}
