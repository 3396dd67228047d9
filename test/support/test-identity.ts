import { createHash } from 'node:crypto';
import type { IdentitySettings } from '../../config/identity-secrets';
import { parseVersionedKeys } from '../../platform/crypto/encryption-keys';

const derive = (label: string) => createHash('sha256').update(`jangteo-test:${label}`).digest();

/**
 * One fixed key set for every suite: test files run in parallel against one database, and a row
 * written by one suite must decrypt in another (an admin listing sees every user).
 */
export function testIdentitySettings(): IdentitySettings {
  return {
    jwtSecret: derive('jwt'),
    accessTokenTtlSeconds: 15 * 60,
    refreshTokenTtlSeconds: 14 * 86400,
    piiKeys: parseVersionedKeys(`test:${derive('pii').toString('base64')}`),
    piiHashKey: derive('pii-hash'),
    bootstrapAdmin: { email: 'admin@jangteo.test', password: 'Test-Admin-Password-42' },
  };
}
