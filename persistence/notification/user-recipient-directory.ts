import type { UserRepository } from '../../domain/identity/ports';
import type { Contact, RecipientDirectory } from '../../domain/notification';

/** Contacts come from identity's own repository (decrypted on demand); a withdrawn user has none. */
export class UserRecipientDirectory implements RecipientDirectory {
  constructor(private readonly users: UserRepository) {}

  async contactOf(userId: string): Promise<Contact | null> {
    const user = await this.users.findById(userId);
    if (!user || user.status !== 'ACTIVE') return null;
    return {
      ...(user.phone && { phone: user.phone.value }),
      ...(user.email && { email: user.email.value }),
      ...(user.name && { name: user.name }),
    };
  }
}
