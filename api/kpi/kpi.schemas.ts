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

const count = (description: string) => z.number().int().openapi({ description });

const kpiDay = z
  .object({
    day: z.string().openapi({ description: 'the Seoul day (YYYY-MM-DD)', example: '2026-12-01' }),
    visitors: count('view sessions that opened a product page that day'),
    ordersPaid: count('orders whose payment was recorded that day'),
    revenue: count("those orders' totals in won"),
    conversionRate: kpiFigure.openapi({ description: "the day's buyers ÷ its visitors" }),
    averageOrderValue: kpiFigure.openapi({ description: "the day's revenue ÷ its paid orders" }),
    paymentSuccessRate: kpiFigure.openapi({
      description: 'PG attempts started that day: approved ÷ answered, all PGs together',
    }),
    cancellationRate: kpiFigure.openapi({ description: "the day's cancellations ÷ its paid orders" }),
    returnRate: kpiFigure.openapi({ description: "the day's returns ÷ its paid orders" }),
  })
  .openapi('KpiDay', {
    description:
      'One Seoul day; a rate is null when the day has no denominator (a day not rolled up counts zeros)',
  });

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
    daily: z.array(kpiDay).openapi({
      description: 'every day of the range, oldest first; no repurchase rate (it is a range figure)',
    }),
  })
  .openapi('KpiReport');

export const kpiRollupResponse = z
  .object({ workflowId: z.string(), from: z.string(), to: z.string() })
  .openapi('KpiRollupStarted');
