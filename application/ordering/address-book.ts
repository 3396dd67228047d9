import {
  addressBookFull,
  addressNotFound,
  MAX_SAVED_ADDRESSES,
  readSavedAddress,
  type SavedAddress,
} from '../../domain/ordering/address-book';
import type { AddressBookStore } from '../../domain/ordering/ports';
import type { UnitOfWork } from '../../domain/shared/unit-of-work';

/**
 * A buyer's address book (docs/ordering.md#address-book): at most ten addresses, exactly one of
 * them the default while any exist (the first saved becomes it; deleting it passes the role to the
 * newest remaining one).
 */
export class AddressBookService {
  constructor(
    private readonly deps: {
      transactions: UnitOfWork;
      store: AddressBookStore;
      now: () => Date;
      newId: () => string;
    },
  ) {}

  list(userId: string): Promise<SavedAddress[]> {
    return this.deps.store.list(userId);
  }

  async find(userId: string, addressId: string): Promise<SavedAddress> {
    const saved = await this.deps.store.find(userId, addressId);
    if (!saved) throw addressNotFound(addressId);
    return saved;
  }

  async add(userId: string, body: Record<string, unknown>): Promise<SavedAddress> {
    const input = readSavedAddress(body);
    return this.deps.transactions.run(async (tx) => {
      await this.deps.store.lockBook(userId, tx);
      const existing = await this.deps.store.list(userId, tx);
      if (existing.length >= MAX_SAVED_ADDRESSES) throw addressBookFull();
      const now = this.deps.now();
      const saved: SavedAddress = {
        id: this.deps.newId(),
        userId,
        label: input.label,
        address: input.address,
        isDefault: input.isDefault || existing.length === 0,
        createdAt: now,
        updatedAt: now,
      };
      await this.deps.store.save(saved, tx);
      if (saved.isDefault) await this.deps.store.makeDefault(userId, saved.id, tx);
      return saved;
    });
  }

  /** Replaces the address; `isDefault: true` makes it the default (false on the default changes nothing). */
  async replace(userId: string, addressId: string, body: Record<string, unknown>): Promise<SavedAddress> {
    const input = readSavedAddress(body);
    return this.deps.transactions.run(async (tx) => {
      const current = await this.deps.store.find(userId, addressId, tx);
      if (!current) throw addressNotFound(addressId);
      const saved: SavedAddress = {
        ...current,
        label: input.label,
        address: input.address,
        isDefault: current.isDefault || input.isDefault,
        updatedAt: this.deps.now(),
      };
      await this.deps.store.save(saved, tx);
      if (saved.isDefault) await this.deps.store.makeDefault(userId, saved.id, tx);
      return saved;
    });
  }

  async remove(userId: string, addressId: string): Promise<void> {
    await this.deps.transactions.run(async (tx) => {
      const current = await this.deps.store.find(userId, addressId, tx);
      if (!current || !(await this.deps.store.remove(userId, addressId, tx)))
        throw addressNotFound(addressId);
      if (!current.isDefault) return;
      const [newest] = (await this.deps.store.list(userId, tx)).sort(
        (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id),
      );
      if (newest) await this.deps.store.makeDefault(userId, newest.id, tx);
    });
  }
}
