import type { EntitySchema } from 'typeorm';
import { notificationEntities } from './notification/notification.entities';
import { identityEntities } from './identity/identity-entities';
import { catalogEntities } from './catalog/catalog-entities';
import { inventoryEntities } from './inventory/inventory-entities';
import { chatEntities } from './chat/chat.entities';
import { paymentEntities } from './payment/payment.entities';
import { DeadLetterEntity } from './dead-letter/dead-letter.entity';
import { OutboxEventEntity } from './outbox/outbox-event.entity';
import { orderingEntities } from './ordering/ordering.entities';
import { afterSaleEntities } from './ordering/after-sale.entities';
import { shippingEntities } from './shipping/shipping.entities';
import { settlementEntities } from './settlement/settlement.entities';

/** Every entity schema the data source maps; contexts add theirs here. */
export const entities: EntitySchema[] = [
  ...identityEntities,
  ...catalogEntities,
  ...inventoryEntities,
  ...notificationEntities,
  ...chatEntities,
  ...paymentEntities,
  DeadLetterEntity,
  OutboxEventEntity,
  ...orderingEntities,
  ...afterSaleEntities,
  ...shippingEntities,
  ...settlementEntities,
];
