import { createSettlementActivities } from '../activities/settlement/settlement.activities';
import { createAdminSettlementRoutes } from '../api/settlement/admin-settlements.routes';
import { createSellerSettlementRoutes } from '../api/settlement/seller-settlements.routes';
import { createSettlementStatementRoutes } from '../api/settlement/settlement-statement.routes';
import type { IdentityDeps } from '../application/identity/identity-deps';
import type { DeadLetterRetrier } from '../domain/dead-letter/dead-letter';
import { PLATFORM_FEE_RATE_BPS } from '../domain/settlement';
import { TypeOrmDeadLetterRepository } from '../persistence/dead-letter/typeorm-dead-letter.repository';
import { IdentitySellerDirectory } from '../persistence/settlement/identity-seller-directory';
import { TypeOrmSettlementStore } from '../persistence/settlement/typeorm-settlement.store';
import { settlementDeadLetterRetrier } from '../workflows/settlement/settlement-payout.starter';
import { opened, type ContextInfra, type HttpWiring, type Routes } from './context-infra';

export interface SettlementContext {
  store: TypeOrmSettlementStore;
  /** How the operators' desk retries a parked payout (payment's dead-letter routes call it). */
  deadLetterRetrier: DeadLetterRetrier;
  routes(http: HttpWiring): Routes;
  activities(): ReturnType<typeof createSettlementActivities>;
}

/** Weekly settlement: sellers' statements, the operators' desk, payouts and tax invoices. */
export function createSettlementContext(
  infra: ContextInfra,
  deps: {
    /** Identity's repositories: sellers' bank accounts and business details. */
    identity: Pick<IdentityDeps, 'users' | 'sellerProfiles'>;
  },
): SettlementContext {
  const { dataSource, newId, now } = infra;
  // Settlement lists tolerate replication lag (infra.reads); payouts and statements read the primary.
  const store = new TypeOrmSettlementStore(dataSource, infra.reads);
  return {
    store,
    deadLetterRetrier: settlementDeadLetterRetrier({ temporal: infra.temporal }),
    routes: ({ authenticate }) => [
      createSellerSettlementRoutes({ store, authenticate }),
      createSettlementStatementRoutes({
        store,
        companyNameOf: async (sellerId) =>
          (await deps.identity.sellerProfiles.findBySellerId(sellerId))?.companyName ?? null,
        authenticate,
      }),
      createAdminSettlementRoutes({ store, temporal: infra.temporal, authenticate, newId, now }),
    ],
    activities: () => {
      const logger = infra.logger.child({ context: 'settlement' });
      const vendors = opened(infra.vendors.settlementVendors, 'settlementVendors');
      return createSettlementActivities({
        store,
        deadLetterParking: {
          deadLetters: new TypeOrmDeadLetterRepository(dataSource),
          countDeadLetter: (kind) => infra.metrics?.deadLetters.inc({ kind }),
          logger,
          newId,
          now,
        },
        sellers: new IdentitySellerDirectory(deps.identity.sellerProfiles, deps.identity.users),
        payouts: vendors.payouts,
        taxInvoices: vendors.taxInvoices,
        invoicer: vendors.invoicer,
        feeRateBps: PLATFORM_FEE_RATE_BPS,
        logger,
        newId,
        now,
      });
    },
  };
}
