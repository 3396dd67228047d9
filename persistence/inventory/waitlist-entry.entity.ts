import { EntitySchema } from 'typeorm';
import { id, int, ref, text, time } from '../entity-columns';

export interface WaitlistEntryRow {
  id: string;
  variantId: string;
  userId: string;
  quantity: number;
  status: string;
  activeSlot: string | null;
  passedToEntryId: string | null;
  createdAt: Date;
  offeredAt: Date | null;
  holdExpiresAt: Date | null;
  updatedAt: Date;
}

export const WaitlistEntryEntity = new EntitySchema<WaitlistEntryRow>({
  name: 'WaitlistEntry',
  tableName: 'waitlist_entries',
  columns: {
    id,
    variantId: ref('variant_id'),
    userId: ref('user_id'),
    quantity: int('quantity'),
    status: text('status', 20),
    activeSlot: text('active_slot', 1, true),
    passedToEntryId: ref('passed_to_entry_id', true),
    createdAt: time('created_at'),
    offeredAt: time('offered_at', true),
    holdExpiresAt: time('hold_expires_at', true),
    updatedAt: time('updated_at'),
  },
});
