import type { DataSource } from 'typeorm';
import type { ShippingAddress } from '../../domain/ordering/checkout';
import type { SavedAddress } from '../../domain/ordering/address-book';
import type { AddressBookStore } from '../../domain/ordering/ports';
import type { PiiCipher } from '../../domain/identity/ports';
import type { Transaction } from '../../domain/shared/unit-of-work';
import { execute, select, sqlTime } from '../inventory/sql';
import { managerOf } from '../inventory/typeorm-unit-of-work';

interface AddressRow {
  id: string;
  user_id: string;
  address: string;
  is_default: number | boolean | string;
  created_at: Date | string;
  updated_at: Date | string;
}

/** What the one ciphertext of a saved address holds: the label is the buyer's words, personal too. */
interface StoredAddress {
  label: string | null;
  address: ShippingAddress;
}

const asDate = (value: Date | string): Date =>
  value instanceof Date ? value : new Date(value.replace(' ', 'T') + (value.endsWith('Z') ? '' : 'Z'));

const COLUMNS = 'id, user_id, address, is_default, created_at, updated_at';

/** `user_addresses`: one AES-256-GCM ciphertext per address (like `orders.shipping_address`). */
export class TypeOrmAddressBookStore implements AddressBookStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: PiiCipher,
  ) {}

  async lockBook(userId: string, tx: Transaction): Promise<void> {
    const manager = managerOf(this.dataSource, tx);
    // SQLite has one writer at a time already; MariaDB locks the owner's row.
    if (manager.connection.options.type === 'better-sqlite3') return;
    await select(manager, 'SELECT id FROM users WHERE id = ? FOR UPDATE', [userId]);
  }

  async list(userId: string, tx?: Transaction): Promise<SavedAddress[]> {
    const rows = await select<AddressRow>(
      managerOf(this.dataSource, tx),
      `SELECT ${COLUMNS} FROM user_addresses WHERE user_id = ? ORDER BY id`,
      [userId],
    );
    return rows.map((row) => this.toSaved(row));
  }

  async find(userId: string, addressId: string, tx?: Transaction): Promise<SavedAddress | null> {
    const [row] = await select<AddressRow>(
      managerOf(this.dataSource, tx),
      `SELECT ${COLUMNS} FROM user_addresses WHERE user_id = ? AND id = ?`,
      [userId, addressId],
    );
    return row ? this.toSaved(row) : null;
  }

  async save(saved: SavedAddress, tx: Transaction): Promise<void> {
    const manager = managerOf(this.dataSource, tx);
    const stored: StoredAddress = { label: saved.label, address: saved.address };
    const ciphertext = this.cipher.encrypt(JSON.stringify(stored));
    const updated = await execute(
      manager,
      'UPDATE user_addresses SET address = ?, updated_at = ? WHERE id = ? AND user_id = ?',
      [ciphertext, sqlTime(saved.updatedAt), saved.id, saved.userId],
    );
    if (updated === 1) return;
    await execute(
      manager,
      'INSERT INTO user_addresses (id, user_id, address, is_default, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?)',
      [saved.id, saved.userId, ciphertext, sqlTime(saved.createdAt), sqlTime(saved.updatedAt)],
    );
  }

  async makeDefault(userId: string, addressId: string, tx: Transaction): Promise<void> {
    await execute(
      managerOf(this.dataSource, tx),
      'UPDATE user_addresses SET is_default = CASE WHEN id = ? THEN 1 ELSE 0 END WHERE user_id = ?',
      [addressId, userId],
    );
  }

  async remove(userId: string, addressId: string, tx: Transaction): Promise<boolean> {
    return (
      (await execute(
        managerOf(this.dataSource, tx),
        'DELETE FROM user_addresses WHERE user_id = ? AND id = ?',
        [userId, addressId],
      )) === 1
    );
  }

  removeAllOf(userId: string): Promise<number> {
    return execute(this.dataSource.manager, 'DELETE FROM user_addresses WHERE user_id = ?', [userId]);
  }

  private toSaved(row: AddressRow): SavedAddress {
    const stored = JSON.parse(this.cipher.decrypt(row.address)) as StoredAddress;
    return {
      id: row.id,
      userId: row.user_id,
      label: stored.label,
      address: stored.address,
      isDefault: Number(row.is_default) === 1 || row.is_default === true,
      createdAt: asDate(row.created_at),
      updatedAt: asDate(row.updated_at),
    };
  }
}
