import type { CourierTracking } from '../../integrations/shipping/courier-vendors';
import { TypeOrmShipmentRepository } from '../../persistence/shipping/typeorm-shipment.repository';
import { uuidv7 } from '../../platform/ids';
import type { Infrastructure } from '../../platform/infrastructure';
import type { Logger } from '../../platform/observability/logger';
import { createShippingActivities } from './shipping.activities';

/** The shipping task queue's activities over the process's infrastructure and courier tracker. */
export function shippingActivitiesFor(runtime: {
  infrastructure: Infrastructure;
  logger: Logger;
  courierTracking: CourierTracking;
}) {
  return createShippingActivities({
    shipments: new TypeOrmShipmentRepository(runtime.infrastructure.dataSource, uuidv7),
    tracker: runtime.courierTracking.tracker,
    callbackUrl: runtime.courierTracking.callbackUrl,
    logger: runtime.logger,
    newId: uuidv7,
    now: () => new Date(),
  });
}
