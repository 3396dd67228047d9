import { createHash, timingSafeEqual } from 'node:crypto';
import { inicisAuthSignatureInput, inicisSortedQuery } from './inicis-auth-signature';

/**
 * KG Inicis hashes (docs/vendors/inicis.md): hex SHA-256 for INIStdPay (`signature`, `verification`, `mKey`,
 * the approval's `authSignature`), hex SHA-512 for INIAPI's `hashData`.
 */
const hex = (algorithm: 'sha256' | 'sha512', input: string) =>
  createHash(algorithm).update(input, 'utf8').digest('hex');

export const inicisSignatures = {
  /** Payment request form: `signature = sha256("oid=..&price=..&timestamp=..")`. */
  requestSignature: (p: { oid: string; price: number; timestamp: string }) =>
    hex('sha256', inicisSortedQuery({ oid: p.oid, price: String(p.price), timestamp: p.timestamp })),
  /** Payment request form: `verification = sha256("oid=..&price=..&signKey=..&timestamp=..")`. */
  requestVerification: (p: { oid: string; price: number; timestamp: string }, signKey: string) =>
    hex('sha256', inicisSortedQuery({ oid: p.oid, price: String(p.price), signKey, timestamp: p.timestamp })),
  /** `mKey = sha256(signKey)`, sent in the browser form instead of the key itself. */
  mKey: (signKey: string) => hex('sha256', signKey),
  /** Approval / net-cancel request: `signature = sha256("authToken=..&timestamp=..")`. */
  approvalSignature: (p: { authToken: string; timestamp: string }) =>
    hex('sha256', inicisSortedQuery({ authToken: p.authToken, timestamp: p.timestamp })),
  /** Approval / net-cancel request: `verification = sha256("authToken=..&signKey=..&timestamp=..")`. */
  approvalVerification: (p: { authToken: string; timestamp: string }, signKey: string) =>
    hex('sha256', inicisSortedQuery({ authToken: p.authToken, signKey, timestamp: p.timestamp })),
  /** The approval answer's `authSignature`, ordered by the last digit of the request timestamp. */
  authSignature: (p: { mid: string; tstamp: string; MOID: string; TotPrice: string }) =>
    hex('sha256', inicisAuthSignatureInput(p)),
  /** INIAPI v1 refund: `sha512(INIAPIKey + type + paymethod + timestamp + clientIp + mid + tid [+ price + confirmPrice])`. */
  refundHashData: (
    p: {
      type: 'Refund' | 'PartialRefund';
      paymethod: string;
      timestamp: string;
      clientIp: string;
      mid: string;
      tid: string;
      price?: number;
      confirmPrice?: number;
    },
    iniapiKey: string,
  ) =>
    hex(
      'sha512',
      `${iniapiKey}${p.type}${p.paymethod}${p.timestamp}${p.clientIp}${p.mid}${p.tid}` +
        (p.type === 'PartialRefund' ? `${p.price}${p.confirmPrice}` : ''),
    ),
};

export function sameHex(expected: string, received: unknown): boolean {
  if (typeof received !== 'string') return false;
  const left = Buffer.from(expected.toLowerCase(), 'utf8');
  const right = Buffer.from(received.toLowerCase(), 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** INIAPI's `timestamp`: YYYYMMDDhhmmss in Korea time. */
export function iniapiTimestamp(at: Date): string {
  return new Date(at.getTime() + 9 * 3600_000).toISOString().replace(/\D/g, '').slice(0, 14);
}
