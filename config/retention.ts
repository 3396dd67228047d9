import { z } from 'zod';
import { DEFAULT_RETENTION, type RetentionSettings } from '../domain/retention/retention';

const wholeNumber = (fallback: number, min: number, max: number, why: string) =>
  z.coerce.number().int('must be a whole number').min(min, why).max(max).default(fallback);

/** RETENTION_*: what the daily data-retention run deletes (docs/retention.md). */
export const retentionSection = {
  // 전자상거래법 시행령 제6조: contract, payment and delivery records are kept 5 years; never less.
  RETENTION_ORDER_YEARS: wholeNumber(
    DEFAULT_RETENTION.orderYears,
    5,
    100,
    'must be at least 5 (전자상거래법)',
  ),
  RETENTION_NOTIFICATION_DAYS: wholeNumber(DEFAULT_RETENTION.notificationDays, 1, 3650, 'must be at least 1'),
  RETENTION_DRY_RUN: z.enum(['true', 'false']).default('false'),
  RETENTION_BATCH_SIZE: wholeNumber(DEFAULT_RETENTION.batchSize, 1, 5000, 'must be at least 1'),
};

export function retentionConfig(env: {
  RETENTION_ORDER_YEARS: number;
  RETENTION_NOTIFICATION_DAYS: number;
  RETENTION_DRY_RUN: 'true' | 'false';
  RETENTION_BATCH_SIZE: number;
}): RetentionSettings {
  return {
    orderYears: env.RETENTION_ORDER_YEARS,
    notificationDays: env.RETENTION_NOTIFICATION_DAYS,
    dryRun: env.RETENTION_DRY_RUN === 'true',
    batchSize: env.RETENTION_BATCH_SIZE,
  };
}
