import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { PaymentGateways } from '../../integrations/payment/payment-vendors';
import { TypeOrmDeadLetterRepository } from '../../persistence/dead-letter/typeorm-dead-letter.repository';
import { TypeOrmPaymentRepository } from '../../persistence/payment/typeorm-payment.repository';
import { TypeOrmPointsLedger } from '../../persistence/payment/typeorm-points.ledger';
import type { AppEnv } from '../app-env';
import type { Authenticate } from '../middleware/authenticate';
import type { DeadLetterKind, DeadLetterRetrier } from '../../domain/dead-letter/dead-letter';
import { createDeadLetterRoutes } from './dead-letters.routes';
import { paymentDeadLetterRetrier } from './payment-dead-letter-retrier';
import { createPaymentWebhookRoutes } from './payment-webhook.routes';
import { PaymentWebhooks } from './payment-webhooks';
import { createPointsRoutes } from './points.routes';

/** The payment context's HTTP side: PG webhooks, the buyer's points, the operators' dead letters. */
export function createPaymentModule(input: {
  dataSource: DataSource;
  gateways?: PaymentGateways;
  temporalClient: () => Client;
  authenticate: Authenticate;
  newId: () => string;
  now?: () => Date;
  orderStatusOf?: (orderId: string) => Promise<string | null>;
  /** How other contexts' dead letters are retried (settlement payouts…); payments' own is built here. */
  deadLetterRetriers?: Partial<Record<DeadLetterKind, DeadLetterRetrier>>;
}): { routes: OpenAPIHono<AppEnv>[]; points: TypeOrmPointsLedger } {
  const now = input.now ?? (() => new Date());
  const payments = new TypeOrmPaymentRepository(input.dataSource);
  const points = new TypeOrmPointsLedger({ dataSource: input.dataSource, newId: input.newId, now });
  const webhooks = new PaymentWebhooks({
    payments,
    gateways: input.gateways,
    temporal: input.temporalClient,
    newId: input.newId,
    now,
  });
  return {
    points,
    routes: [
      createPaymentWebhookRoutes({ webhooks }),
      createPointsRoutes({ points, authenticate: input.authenticate }),
      createDeadLetterRoutes({
        deadLetters: new TypeOrmDeadLetterRepository(input.dataSource),
        authenticate: input.authenticate,
        now,
        retriers: {
          ...input.deadLetterRetriers,
          payment: paymentDeadLetterRetrier({
            temporal: input.temporalClient,
            orderStatusOf: input.orderStatusOf,
          }),
        },
      }),
    ],
  };
}
