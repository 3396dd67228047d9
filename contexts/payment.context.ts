import { createPaymentActivities } from '../activities/payment/payment.activities';
import { createPointsActivities } from '../activities/payment/points.activities';
import { createDeadLetterRoutes } from '../api/payment/dead-letters.routes';
import { paymentDeadLetterRetrier } from '../api/payment/payment-dead-letter-retrier';
import { refundDeadLetterRetrier } from '../api/payment/refund-dead-letter-retrier';
import { createPaymentWebhookRoutes } from '../api/payment/payment-webhook.routes';
import { PaymentWebhooks } from '../api/payment/payment-webhooks';
import { createPointsRoutes } from '../api/payment/points.routes';
import type { DeadLetterKind, DeadLetterRetrier } from '../domain/dead-letter/dead-letter';
import type { PointsBalancePort } from '../domain/ordering/ports';
import { DEFAULT_POINTS_SETTINGS } from '../domain/payment';
import { TypeOrmDeadLetterRepository } from '../persistence/dead-letter/typeorm-dead-letter.repository';
import { TypeOrmPaymentRepository } from '../persistence/payment/typeorm-payment.repository';
import { TypeOrmPointsLedger } from '../persistence/payment/typeorm-points.ledger';
import { TypeOrmRefundRecords } from '../persistence/payment/typeorm-refund.records';
import { opened, type ContextInfra, type HttpWiring, type Routes } from './context-infra';

export interface PaymentContextDeps {
  /** The stored order's status: a parked payment is retried only while its order awaits payment. */
  orderStatusOf?: (orderId: string) => Promise<string | null>;
  /** How other contexts' dead letters are retried (settlement payouts…); payments' own is built here. */
  deadLetterRetriers?: Partial<Record<DeadLetterKind, DeadLetterRetrier>>;
  /** Whether a member exists (an admin grants points only to one). */
  userExists?: (userId: string) => Promise<boolean>;
}

export interface PaymentContext {
  points: TypeOrmPointsLedger;
  /** Each refund and whether its money is back (GET /orders/{id} shows them). */
  refunds: TypeOrmRefundRecords;
  /** What ordering asks before splitting an order between points and a PG. */
  pointsBalance: PointsBalancePort;
  routes(http: HttpWiring): Routes;
  activities(): ReturnType<typeof createPaymentActivities> & ReturnType<typeof createPointsActivities>;
}

/** Payments through the PGs, the buyer's points, and the operators' dead letters (every context parks there). */
export function createPaymentContext(infra: ContextInfra, deps: PaymentContextDeps = {}): PaymentContext {
  const { dataSource, newId, now } = infra;
  const payments = new TypeOrmPaymentRepository(dataSource);
  const pointsSettings = infra.points ?? DEFAULT_POINTS_SETTINGS;
  const points = new TypeOrmPointsLedger({
    dataSource,
    newId,
    now,
    validityDays: pointsSettings.validityDays,
  });
  const pointsDeps = { points, settings: pointsSettings, now };
  const deadLetters = new TypeOrmDeadLetterRepository(dataSource);
  const refunds = new TypeOrmRefundRecords(dataSource);
  return {
    points,
    refunds,
    pointsBalance: { availablePoints: async (userId) => (await points.balance(userId)).available },
    routes: ({ authenticate }) => [
      createPaymentWebhookRoutes({
        webhooks: new PaymentWebhooks({
          payments,
          gateways: infra.vendors.paymentGateways,
          temporal: infra.temporal,
          newId,
          now,
        }),
      }),
      createPointsRoutes({
        ...pointsDeps,
        authenticate,
        userExists: deps.userExists ?? (async () => true),
      }),
      createDeadLetterRoutes({
        deadLetters,
        authenticate,
        now,
        retriers: {
          ...deps.deadLetterRetriers,
          payment: paymentDeadLetterRetrier({ temporal: infra.temporal, orderStatusOf: deps.orderStatusOf }),
          refund: refundDeadLetterRetrier({ temporal: infra.temporal }),
        },
      }),
    ],
    activities: () => {
      const gateways = opened(infra.vendors.paymentGateways, 'paymentGateways');
      return {
        ...createPointsActivities(pointsDeps),
        ...createPaymentActivities({
          payments,
          points,
          deadLetters,
          refunds,
          gateway: (provider) => gateways.gateway(provider),
          countDeadLetter: (kind) => infra.metrics?.deadLetters.inc({ kind }),
          countPaymentAttempt: (pg, outcome) => infra.metrics?.paymentAttempts.inc({ pg, outcome }),
          countRefund: (outcome) => infra.metrics?.refunds.inc({ outcome }),
          logger: infra.logger,
          newId,
          now,
        }),
      };
    },
  };
}
