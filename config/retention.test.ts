import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { z } from 'zod';
import { ConfigError, parseEnv } from './env';
import { retentionConfig, retentionSection } from './retention';

const load = (env: Record<string, string>) => retentionConfig(parseEnv(z.object(retentionSection), env));

describe('RETENTION_* settings', () => {
  test('default: orders 5 years, notification logs 90 days, deleting, 500 a batch', () => {
    assert.deepEqual(load({}), { orderYears: 5, notificationDays: 90, dryRun: false, batchSize: 500 });
    assert.equal(load({ RETENTION_DRY_RUN: 'true' }).dryRun, true);
  });

  test('orders kept less than the 5 years 전자상거래법 requires are refused at start-up', () => {
    assert.throws(
      () => load({ RETENTION_ORDER_YEARS: '4' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /RETENTION_ORDER_YEARS.*at least 5/);
        return true;
      },
    );
    assert.throws(() => load({ RETENTION_DRY_RUN: 'yes' }), ConfigError);
  });
});
