import { LocalDiskImageStorage } from '../../integrations/storage/local-disk-image-storage.adapter';
import { createCatalogInventory } from '../../persistence/catalog/catalog-module';
import { uuidv7 } from '../../platform/ids';
import type { Infrastructure } from '../../platform/infrastructure';
import type { Logger } from '../../platform/observability/logger';
import { createInventoryActivities } from './inventory.activities';
import { TemporalRestockHoldStarter } from '../../workflows/inventory/restock-hold.starter';

/** The inventory task queue's activities over the process's shared infrastructure. */
export function inventoryActivitiesFor(runtime: {
  infrastructure: Infrastructure;
  logger: Logger;
  imageStorageDir?: string;
}) {
  const logger = runtime.logger.child({ context: 'inventory' });
  const { waitlist, catalog } = createCatalogInventory({
    dataSource: runtime.infrastructure.dataSource,
    kv: runtime.infrastructure.kv,
    images: new LocalDiskImageStorage(runtime.imageStorageDir ?? 'var/images'),
    newId: uuidv7,
    holdStarter: new TemporalRestockHoldStarter(() => runtime.infrastructure.temporal.client),
    onError: (error, what) => logger.error({ err: error }, `${what} failed`),
  });
  return createInventoryActivities({
    waitlist,
    async describeVariant(productId, variantId) {
      const product = await catalog.browsing.productDetail(productId);
      const variant = product?.variants.find((v) => v.id === variantId);
      if (!product || !variant) return null;
      return {
        productName: product.name,
        optionLabel:
          Object.entries(variant.options)
            .map(([k, v]) => `${k}: ${v}`)
            .join(' / ') || '기본',
      };
    },
  });
}
