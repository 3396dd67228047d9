import type { PaymentGateways } from '../../integrations/payment/payment-vendors';
import { TypeOrmDeadLetterRepository } from '../../persistence/dead-letter/typeorm-dead-letter.repository';
import { TypeOrmPaymentRepository } from '../../persistence/payment/typeorm-payment.repository';
import { TypeOrmPointsLedger } from '../../persistence/payment/typeorm-points.ledger';
import { uuidv7 } from '../../platform/ids';
import type { Infrastructure } from '../../platform/infrastructure';
import type { Logger } from '../../platform/observability/logger';
import type { Metrics } from '../../platform/observability/metrics';
import { createPaymentActivities } from './payment.activities';

/** The payment task queue's activities over the process's infrastructure and PG adapters. */
export function paymentActivitiesFor(runtime: {
  infrastructure: Infrastructure;
  logger: Logger;
  paymentGateways: PaymentGateways;
  metrics?: Metrics;
}) {
  const { dataSource } = runtime.infrastructure;
  const now = () => new Date();
  return createPaymentActivities({
    payments: new TypeOrmPaymentRepository(dataSource),
    points: new TypeOrmPointsLedger({ dataSource, newId: uuidv7, now }),
    deadLetters: new TypeOrmDeadLetterRepository(dataSource),
    gateway: (provider) => runtime.paymentGateways.gateway(provider),
    countDeadLetter: (kind) => runtime.metrics?.deadLetters.inc({ kind }),
    logger: runtime.logger,
    newId: uuidv7,
    now,
  });
}
