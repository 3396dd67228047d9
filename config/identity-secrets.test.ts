import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { loadApiConfig } from './api.config';
import { loadEmbeddedConfig } from './embedded.config';
import { ConfigError } from './env';
import { resolveIdentitySettings } from './identity-secrets';

const dir = mkdtempSync(join(tmpdir(), 'jangteo-identity-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const key = () => randomBytes(32).toString('base64');
const base = { TEMPORAL_ADDRESS: 'temporal:7233' };

describe('identity configuration', () => {
  test('production refuses to start without every identity secret, naming each', () => {
    const config = loadApiConfig({
      ...base,
      NODE_ENV: 'production',
      DATABASE_URL: 'mysql://db/x',
      REDIS_URL: 'redis://r',
      SANDBOX_VENDORS: 'pg,nhn,email,courier,banking,popbill',
    });
    assert.throws(
      () =>
        resolveIdentitySettings(config.identity, {
          nodeEnv: 'production',
          devSecretsPath: join(dir, 'never.json'),
        }),
      (error: unknown) =>
        error instanceof ConfigError &&
        JSON.stringify(error.issues.map((i) => i.variable)) ===
          JSON.stringify([
            'JWT_SECRET',
            'PII_ENCRYPTION_KEYS',
            'PII_HASH_KEY',
            'ADMIN_EMAIL',
            'ADMIN_PASSWORD',
          ]),
    );
  });

  test('configured values are used as given, with versioned keys and durations', () => {
    const config = loadApiConfig({
      ...base,
      JWT_SECRET: 'x'.repeat(40),
      ACCESS_TOKEN_TTL: '10m',
      REFRESH_TOKEN_TTL: '7d',
      PII_ENCRYPTION_KEYS: `v2:${key()},v1:${key()}`,
      PII_HASH_KEY: key(),
      ADMIN_EMAIL: 'ops@jangteo.kr',
      ADMIN_PASSWORD: 'Very-Strong-Admin-1',
    });
    const settings = resolveIdentitySettings(config.identity, { nodeEnv: 'production' });
    assert.equal(settings.accessTokenTtlSeconds, 600);
    assert.equal(settings.refreshTokenTtlSeconds, 7 * 86400);
    assert.deepEqual(
      settings.piiKeys.map((k) => k.id),
      ['v2', 'v1'],
    );
    assert.equal(settings.bootstrapAdmin.email, 'ops@jangteo.kr');
  });

  test('defaults: 15-minute access tokens, 14-day refresh tokens', () => {
    const config = loadEmbeddedConfig({});
    assert.equal(config.identity.ACCESS_TOKEN_TTL, 900);
    assert.equal(config.identity.REFRESH_TOKEN_TTL, 14 * 86400);
  });

  test('bad values are named', () => {
    assert.throws(
      () =>
        loadApiConfig({
          ...base,
          PII_ENCRYPTION_KEYS: 'v1:c2hvcnQ=',
          PII_HASH_KEY: 'c2hvcnQ=',
          JWT_SECRET: 'short',
          ACCESS_TOKEN_TTL: 'soon',
        }),
      (error: unknown) =>
        error instanceof ConfigError &&
        ['ACCESS_TOKEN_TTL', 'JWT_SECRET', 'PII_ENCRYPTION_KEYS', 'PII_HASH_KEY'].every((v) =>
          error.issues.some((i) => i.variable === v),
        ),
    );
  });

  test('a local run generates strong secrets once and keeps them for the next start', () => {
    const path = join(dir, 'dev-secrets.json');
    const first = resolveIdentitySettings(loadEmbeddedConfig({}).identity, {
      nodeEnv: 'development',
      devSecretsPath: path,
    });
    const second = resolveIdentitySettings(loadEmbeddedConfig({}).identity, {
      nodeEnv: 'development',
      devSecretsPath: path,
    });
    assert.deepEqual(second.jwtSecret, first.jwtSecret);
    assert.deepEqual(second.piiKeys, first.piiKeys);
    assert.deepEqual(second.piiHashKey, first.piiHashKey);
    assert.equal(first.bootstrapAdmin.email, 'admin@jangteo.local');
    assert.ok(first.jwtSecret.length >= 32);
    assert.equal(first.piiKeys[0]!.key.length, 32);
    assert.equal(statSync(path).mode & 0o777, 0o600);
    const stored = JSON.parse(readFileSync(path, 'utf8')) as { adminPassword: string };
    assert.equal(stored.adminPassword, first.bootstrapAdmin.password);
    // A configured variable still wins over the file.
    const overridden = resolveIdentitySettings(
      loadEmbeddedConfig({ ADMIN_EMAIL: 'me@example.com' }).identity,
      { nodeEnv: 'development', devSecretsPath: path },
    );
    assert.equal(overridden.bootstrapAdmin.email, 'me@example.com');
  });
});
