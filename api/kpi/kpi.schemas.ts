import { z } from '@hono/zod-openapi';
import { isSeoulDay } from '../../domain/kpi/seoul-day';

const day = (description: string) =>
  z
    .string()
    .refine(isSeoulDay, 'must be a calendar day written YYYY-MM-DD')
    .openapi({ description, example: '2026-12-01', format: 'date' });

export const kpiRangeQuery = z
  .object({
    from: day('first day (Asia/Seoul), included; default 6 days before `to`').optional(),
    to: day('last day (Asia/Seoul), included; default today in Seoul').optional(),
  })
  .strict();

export const kpiRangeBody = z
  .object({ from: day('first day (Asia/Seoul), included'), to: day('last day (Asia/Seoul), included') })
  .strict()
  .openapi('KpiRollupRequest');

const figureFields = {
  value: z
    .number()
    .nullable()
    .openapi({ description: 'numerator ÷ denominator; null when the denominator is 0' }),
  target: z.number().nullable().openapi({ description: "the requirement's target; null where none is set" }),
  met: z
    .boolean()
    .nullable()
    .openapi({ description: 'whether the value reaches the target; null without either' }),
  numerator: z.number().int(),
  denominator: z.number().int(),
};
const figure = (name: string) => z.object(figureFields).openapi(name);
const kpiFigure = figure('KpiFigure');

export const kpiReportResponse = z
  .object({
    from: z.string(),
    to: z.string(),
    conversionRate: kpiFigure.openapi({ description: 'buyer-days ÷ visitor-days (docs/kpis.md)' }),
    averageOrderValue: kpiFigure.openapi({ description: 'revenue in won ÷ paid orders' }),
    repurchaseRate: kpiFigure.openapi({ description: 'buyers with ≥ 2 paid orders in the range ÷ buyers' }),
    paymentSuccessRate: z
      .object({
        ...figureFields,
        byPg: z.array(z.object({ provider: z.string(), ...figureFields })),
      })
      .openapi('KpiPaymentSuccess', { description: 'PG attempts approved ÷ PG attempts answered' }),
    cancellationRate: kpiFigure.openapi({ description: 'orders with a paid part cancelled ÷ paid orders' }),
    returnRate: kpiFigure.openapi({ description: 'orders with a part returned ÷ paid orders' }),
  })
  .openapi('KpiReport');

export const kpiRollupResponse = z
  .object({ workflowId: z.string(), from: z.string(), to: z.string() })
  .openapi('KpiRollupStarted');
