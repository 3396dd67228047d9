import type { WaitlistStore } from '../../domain/inventory/ports';
import type { PersonalDataEraser } from '../../domain/identity/ports';
import type { WaitlistService } from './waitlist';

/**
 * Withdrawal: the user leaves every waiting queue (a hold goes back on sale and to the next in
 * line), then every entry of theirs is deleted: what they waited for says nothing the platform
 * must keep. Running it again changes nothing.
 */
export class WaitlistPersonalDataEraser implements PersonalDataEraser {
  readonly name = 'waitlist';

  constructor(
    private readonly waitlist: Pick<WaitlistService, 'leave'>,
    private readonly entries: Pick<WaitlistStore, 'activeVariantsOf' | 'deleteEntriesOf'>,
  ) {}

  async erasePersonalData(userId: string): Promise<void> {
    for (const variantId of await this.entries.activeVariantsOf(userId))
      await this.waitlist.leave(variantId, userId);
    await this.entries.deleteEntriesOf(userId);
  }
}
