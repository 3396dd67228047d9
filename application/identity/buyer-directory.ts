import { Email } from '../../domain/identity/email';
import { PhoneNumber } from '../../domain/identity/phone-number';
import type { UserRepository } from '../../domain/identity/ports';
import type { BuyerDirectory } from '../../domain/ordering/ports';

/**
 * Accounts found by exact e-mail or phone through their keyed hashes (docs/identity.md). A hash
 * finds only the whole normalised value: there is no prefix or partial search of personal data.
 */
export function buyerDirectory(
  users: Pick<UserRepository, 'findByEmail' | 'findByPhone'>,
  fields: { email: string; phone: string } = { email: 'query.buyerEmail', phone: 'query.buyerPhone' },
): BuyerDirectory {
  return {
    async userIdsByEmail(email) {
      const user = await users.findByEmail(Email.create(email, fields.email));
      return user ? [user.id] : [];
    },
    async userIdsByPhone(phone) {
      return (await users.findByPhone(PhoneNumber.create(phone, fields.phone))).map((user) => user.id);
    },
  };
}
