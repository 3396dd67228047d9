import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { PiiCipher } from '../../domain/identity/ports';
import type { VersionedKey } from './encryption-keys';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM for personal data. A stored value reads `<keyId>:<base64url(iv | tag | ciphertext)>`;
 * the key id picks the decryption key, so values written under an old key stay readable after a
 * rotation. Look-ups use HMAC-SHA256 with a separate key: equal inputs give equal hashes, and
 * without the key nobody can test a guessed email against the table.
 */
export class AesGcmPiiCipher implements PiiCipher {
  private readonly current: VersionedKey;
  private readonly byId: Map<string, Buffer>;

  constructor(
    keys: VersionedKey[],
    private readonly hashKey: Buffer,
  ) {
    if (keys.length === 0) throw new Error('AesGcmPiiCipher needs at least one key');
    if (hashKey.length < 32) throw new Error('the look-up hash key must be at least 32 bytes');
    this.current = keys[0]!;
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${this.current.id}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  decrypt(stored: string): string {
    const colon = stored.indexOf(':');
    const key = colon > 0 ? this.byId.get(stored.slice(0, colon)) : undefined;
    if (!key)
      throw new Error(`no decryption key for value with key id "${stored.slice(0, Math.max(0, colon))}"`);
    const raw = Buffer.from(stored.slice(colon + 1), 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
      'utf8',
    );
  }

  lookupHash(normalised: string): string {
    return createHmac('sha256', this.hashKey).update(normalised, 'utf8').digest('hex');
  }

  /** The id of the key new values are encrypted with. */
  get currentKeyId(): string {
    return this.current.id;
  }

  /** True when the value was written with an older key and should be re-encrypted. */
  needsRotation(stored: string): boolean {
    return !stored.startsWith(`${this.current.id}:`);
  }
}
