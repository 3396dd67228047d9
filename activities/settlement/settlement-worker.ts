import type { IdentitySettings } from '../../config/identity-secrets';
import { PLATFORM_FEE_RATE_BPS } from '../../domain/settlement';
import type { SettlementVendors } from '../../integrations/settlement/settlement-vendors';
import { TypeOrmSellerProfileRepository } from '../../persistence/identity/typeorm-seller-profile.repository';
import { TypeOrmUserRepository } from '../../persistence/identity/typeorm-user.repository';
import { IdentitySellerDirectory } from '../../persistence/settlement/identity-seller-directory';
import { TypeOrmSettlementStore } from '../../persistence/settlement/typeorm-settlement.store';
import { AesGcmPiiCipher } from '../../platform/crypto/aes-gcm-pii-cipher';
import { uuidv7 } from '../../platform/ids';
import type { Infrastructure } from '../../platform/infrastructure';
import type { Logger } from '../../platform/observability/logger';
import type { Metrics } from '../../platform/observability/metrics';
import { TypeOrmDeadLetterRepository } from '../../persistence/dead-letter/typeorm-dead-letter.repository';
import { createSettlementActivities } from './settlement.activities';

/** The settlement task queue's activities over the process's infrastructure and vendor adapters. */
export function settlementActivitiesFor(runtime: {
  infrastructure: Infrastructure;
  identity: IdentitySettings;
  logger: Logger;
  settlementVendors: SettlementVendors;
  /** dead_letters_total is counted here when given. */
  metrics?: Metrics;
}) {
  const { dataSource } = runtime.infrastructure;
  const logger = runtime.logger.child({ context: 'settlement' });
  const cipher = new AesGcmPiiCipher(runtime.identity.piiKeys, runtime.identity.piiHashKey);
  return createSettlementActivities({
    store: new TypeOrmSettlementStore(dataSource),
    deadLetterParking: {
      deadLetters: new TypeOrmDeadLetterRepository(dataSource),
      countDeadLetter: (kind) => runtime.metrics?.deadLetters.inc({ kind }),
      logger,
      newId: uuidv7,
      now: () => new Date(),
    },
    sellers: new IdentitySellerDirectory(
      new TypeOrmSellerProfileRepository(dataSource, cipher),
      new TypeOrmUserRepository(dataSource, cipher),
    ),
    payouts: runtime.settlementVendors.payouts,
    taxInvoices: runtime.settlementVendors.taxInvoices,
    invoicer: runtime.settlementVendors.invoicer,
    feeRateBps: PLATFORM_FEE_RATE_BPS,
    logger,
    newId: uuidv7,
    now: () => new Date(),
  });
}
