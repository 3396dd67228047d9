import type { EntitySchema } from 'typeorm';
import { StockLevelEntity } from './stock-level.entity';
import { StockReservationEntity } from './stock-reservation.entity';
import { WaitlistEntryEntity } from './waitlist-entry.entity';

export const inventoryEntities = [
  StockLevelEntity,
  StockReservationEntity,
  WaitlistEntryEntity,
] as EntitySchema[];
