import type { EntitySchema } from 'typeorm';
import { notificationEntities } from './notification/notification.entities';
import { identityEntities } from './identity/identity-entities';

/** Every entity schema the data source maps; contexts add theirs here. */
export const entities: EntitySchema[] = [...identityEntities, ...notificationEntities];
