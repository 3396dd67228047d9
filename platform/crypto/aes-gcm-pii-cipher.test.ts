import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { AesGcmPiiCipher } from './aes-gcm-pii-cipher';
import { Argon2PasswordHasher } from './argon2-password-hasher';
import { parseVersionedKeys } from './encryption-keys';

const key = () => randomBytes(32).toString('base64');
const hashKey = randomBytes(32);

describe('AES-256-GCM personal-data cipher', () => {
  test('round-trips Korean text and never repeats a ciphertext', () => {
    const cipher = new AesGcmPiiCipher(parseVersionedKeys(`v1:${key()}`), hashKey);
    const a = cipher.encrypt('김민지 서울특별시 강남구');
    const b = cipher.encrypt('김민지 서울특별시 강남구');
    assert.notEqual(a, b);
    assert.match(a, /^v1:[A-Za-z0-9_-]+$/);
    assert.equal(cipher.decrypt(a), '김민지 서울특별시 강남구');
    assert.ok(!a.includes('김민지'));
  });

  test('keys rotate: new values use the first key, old values still decrypt by their key id', () => {
    const v1 = `v1:${key()}`;
    const old = new AesGcmPiiCipher(parseVersionedKeys(v1), hashKey);
    const stored = old.encrypt('010-1234-5678');
    const rotated = new AesGcmPiiCipher(parseVersionedKeys(`v2:${key()},${v1}`), hashKey);
    assert.equal(rotated.decrypt(stored), '010-1234-5678');
    assert.match(rotated.encrypt('x'), /^v2:/);
    assert.equal(rotated.needsRotation(stored), true);
    const withoutV1 = new AesGcmPiiCipher(parseVersionedKeys(`v2:${key()}`), hashKey);
    assert.throws(() => withoutV1.decrypt(stored), /key id "v1"/);
  });

  test('a tampered ciphertext does not decrypt', () => {
    const cipher = new AesGcmPiiCipher(parseVersionedKeys(`v1:${key()}`), hashKey);
    const stored = cipher.encrypt('minji@example.com');
    const raw = Buffer.from(stored.slice(3), 'base64url');
    raw[raw.length - 1]! ^= 1;
    assert.throws(() => cipher.decrypt(`v1:${raw.toString('base64url')}`));
  });

  test('the look-up hash is deterministic, keyed, and not the plain value', () => {
    const a = new AesGcmPiiCipher(parseVersionedKeys(`v1:${key()}`), hashKey);
    const b = new AesGcmPiiCipher(parseVersionedKeys(`v1:${key()}`), randomBytes(32));
    assert.equal(a.lookupHash('minji@example.com'), a.lookupHash('minji@example.com'));
    assert.notEqual(a.lookupHash('minji@example.com'), b.lookupHash('minji@example.com'));
    assert.match(a.lookupHash('minji@example.com'), /^[0-9a-f]{64}$/);
  });

  test('key specs are checked', () => {
    assert.throws(() => parseVersionedKeys('v1:short'), /32 bytes/);
    assert.throws(() => parseVersionedKeys(`v1:${key()},v1:${key()}`), /unique/);
    assert.throws(() => parseVersionedKeys(''), /at least one/);
  });
});

describe('argon2id password hashing', () => {
  test('hashes with argon2id and verifies only the right password', async () => {
    const hasher = new Argon2PasswordHasher();
    const hash = await hasher.hash('Correct-Horse-42');
    assert.match(hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.equal(await hasher.verify(hash, 'Correct-Horse-42'), true);
    assert.equal(await hasher.verify(hash, 'Correct-Horse-43'), false);
    assert.equal(await hasher.verify('not a hash', 'x'), false);
  });
});
