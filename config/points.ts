import { z } from 'zod';
import {
  DEFAULT_POINTS_EARN_RATE_BPS,
  DEFAULT_POINTS_VALIDITY_DAYS,
  type PointsSettings,
} from '../domain/payment/points-earning';

/** POINTS_*: what a purchase earns and how long points last (docs/payments.md#points). */
export const pointsSection = {
  POINTS_EARN_RATE_BPS: z.coerce
    .number()
    .int('must be a whole number of basis points')
    .min(0)
    .max(10_000, 'must be at most 10000 (100 %)')
    .default(DEFAULT_POINTS_EARN_RATE_BPS),
  POINTS_VALIDITY_DAYS: z.coerce
    .number()
    .int('must be a whole number of days')
    .min(1, 'must be at least 1')
    .max(3650)
    .default(DEFAULT_POINTS_VALIDITY_DAYS),
};

export function pointsConfig(env: {
  POINTS_EARN_RATE_BPS: number;
  POINTS_VALIDITY_DAYS: number;
}): PointsSettings {
  return { earnRateBps: env.POINTS_EARN_RATE_BPS, validityDays: env.POINTS_VALIDITY_DAYS };
}
