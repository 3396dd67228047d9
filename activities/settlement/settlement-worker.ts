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
import { createSettlementActivities } from './settlement.activities';

/** The settlement task queue's activities over the process's infrastructure and vendor adapters. */
export function settlementActivitiesFor(runtime: {
  infrastructure: Infrastructure;
  identity: IdentitySettings;
  logger: Logger;
  settlementVendors: SettlementVendors;
}) {
  const { dataSource } = runtime.infrastructure;
  const cipher = new AesGcmPiiCipher(runtime.identity.piiKeys, runtime.identity.piiHashKey);
  return createSettlementActivities({
    store: new TypeOrmSettlementStore(dataSource),
    sellers: new IdentitySellerDirectory(
      new TypeOrmSellerProfileRepository(dataSource, cipher),
      new TypeOrmUserRepository(dataSource, cipher),
    ),
    payouts: runtime.settlementVendors.payouts,
    taxInvoices: runtime.settlementVendors.taxInvoices,
    invoicer: runtime.settlementVendors.invoicer,
    feeRateBps: PLATFORM_FEE_RATE_BPS,
    logger: runtime.logger.child({ context: 'settlement' }),
    newId: uuidv7,
    now: () => new Date(),
  });
}
