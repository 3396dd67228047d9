import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_ABUSE_LIMITS } from '../application/shared/abuse-limits';
import { loadEmbeddedConfig } from './embedded.config';
import { ConfigError } from './env';

describe('abuse limits configuration', () => {
  test('defaults when unset; <count>/<duration>, off and the lock settings when given', () => {
    assert.deepEqual(loadEmbeddedConfig({}).abuse, { limits: DEFAULT_ABUSE_LIMITS, trustedProxyHops: 0 });
    const { limits, trustedProxyHops } = loadEmbeddedConfig({
      RATE_LIMIT_SIGNUP: '5/1h',
      RATE_LIMIT_PAYMENT_RETURN: 'off',
      LOGIN_LOCK_AFTER_FAILURES: '3',
      LOGIN_ACCOUNT_LOCK_AFTER_FAILURES: '0',
      LOGIN_LOCK_DURATION: '30m',
      TRUSTED_PROXY_HOPS: '1',
    }).abuse;
    assert.deepEqual(limits.signupPerClient, { limit: 5, windowMs: 3_600_000 });
    assert.equal(limits.paymentReturnPerClient.limit, 0);
    assert.deepEqual(limits.login, {
      failuresPerClient: 3,
      failuresPerAccount: 0,
      failureWindowMs: 1_800_000,
      lockMs: 1_800_000,
    });
    assert.equal(trustedProxyHops, 1);
  });

  test('a malformed limit is refused at start-up, naming the variable', () => {
    assert.throws(
      () => loadEmbeddedConfig({ RATE_LIMIT_LOGIN: 'thirty a minute', LOGIN_LOCK_AFTER_FAILURES: '0' }),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.issues
          .map((issue) => issue.variable)
          .sort()
          .join() === 'LOGIN_LOCK_AFTER_FAILURES,RATE_LIMIT_LOGIN',
    );
  });
});
