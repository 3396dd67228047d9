import { recordTransition } from '../../application/ordering/record-transition';
import { createCatalogInventory } from '../../persistence/catalog/catalog-module';
import { TypeOrmUnitOfWork } from '../../persistence/inventory/typeorm-unit-of-work';
import { TypeOrmAfterSaleStore } from '../../persistence/ordering/typeorm-after-sale.store';
import { TypeOrmOrderRepository } from '../../persistence/ordering/typeorm-order.repository';
import { LocalDiskImageStorage } from '../../integrations/storage/local-disk-image-storage.adapter';
import type { IdentitySettings } from '../../config/identity-secrets';
import { AesGcmPiiCipher } from '../../platform/crypto/aes-gcm-pii-cipher';
import { uuidv7 } from '../../platform/ids';
import type { Infrastructure } from '../../platform/infrastructure';
import type { Logger } from '../../platform/observability/logger';
import { TemporalRestockHoldStarter } from '../../workflows/inventory/restock-hold.starter';
import { createOrderingActivities } from './ordering.activities';
import { TemporalOrderLifecycleStarter } from '../../workflows/ordering/order-lifecycle.starter';

/** The ordering task queue's activities (OrderLifecycle's steps) over the process's infrastructure. */
export function orderingActivitiesFor(runtime: {
  infrastructure: Infrastructure;
  logger: Logger;
  identity: IdentitySettings;
  imageStorageDir?: string;
}) {
  const { dataSource } = runtime.infrastructure;
  const logger = runtime.logger.child({ context: 'ordering' });
  const cipher = new AesGcmPiiCipher(runtime.identity.piiKeys, runtime.identity.piiHashKey);
  const orders = new TypeOrmOrderRepository(dataSource, cipher, uuidv7);
  const transactions = new TypeOrmUnitOfWork(dataSource);
  // Released and restocked units go back on sale through the catalog (sold-out status, waiting queue).
  const { inventory } = createCatalogInventory({
    dataSource,
    kv: runtime.infrastructure.kv,
    images: new LocalDiskImageStorage(runtime.imageStorageDir ?? 'var/images'),
    newId: uuidv7,
    holdStarter: new TemporalRestockHoldStarter(() => runtime.infrastructure.temporal.client),
    onError: (error, what) => logger.error({ err: error }, `${what} failed`),
  });
  return createOrderingActivities({
    recordTransition: (orderId, request) => recordTransition({ transactions, orders }, orderId, request),
    awaitingPaymentBefore: (cutoff, limit) => orders.awaitingPaymentBefore(cutoff, limit),
    lifecycles: new TemporalOrderLifecycleStarter(() => runtime.infrastructure.temporal.client),
    now: () => new Date(),
    inventory,
    afterSale: new TypeOrmAfterSaleStore(dataSource),
    logger,
  });
}
