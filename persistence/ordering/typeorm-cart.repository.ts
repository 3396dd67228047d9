import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import type { CartItem } from '../../domain/ordering/cart';
import type { CartRepository } from '../../domain/ordering/ports';
import type { Transaction } from '../../domain/shared/unit-of-work';
import { execute, sqlTime } from '../inventory/sql';
import { managerOf } from '../inventory/typeorm-unit-of-work';
import { isUniqueViolation } from '../unique-violation';
import { CartItemEntity } from './ordering.entities';

/** Cart lines, one per consumer and variant (unique), oldest first. */
export class TypeOrmCartRepository implements CartRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(userId: string): Promise<CartItem[]> {
    return this.dataSource.manager.find(CartItemEntity, {
      where: { userId },
      order: { addedAt: 'ASC', id: 'ASC' },
    });
  }

  async find(userId: string, itemId: string): Promise<CartItem | null> {
    return this.dataSource.manager.findOneBy(CartItemEntity, { id: itemId, userId });
  }

  async findByVariant(userId: string, variantId: string): Promise<CartItem | null> {
    return this.dataSource.manager.findOneBy(CartItemEntity, { userId, variantId });
  }

  count(userId: string): Promise<number> {
    return this.dataSource.manager.countBy(CartItemEntity, { userId });
  }

  async insert(item: CartItem): Promise<boolean> {
    try {
      await this.dataSource.manager.insert(CartItemEntity, item);
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async setQuantity(itemId: string, quantity: number, at: Date): Promise<void> {
    await execute(
      this.dataSource.manager,
      'UPDATE cart_items SET quantity = ?, updated_at = ? WHERE id = ?',
      [quantity, sqlTime(at), itemId],
    );
  }

  async addQuantity(itemId: string, quantity: number, at: Date): Promise<void> {
    await execute(
      this.dataSource.manager,
      'UPDATE cart_items SET quantity = quantity + ?, updated_at = ? WHERE id = ?',
      [quantity, sqlTime(at), itemId],
    );
  }

  async remove(userId: string, itemId: string): Promise<boolean> {
    return (
      (await execute(this.dataSource.manager, 'DELETE FROM cart_items WHERE id = ? AND user_id = ?', [
        itemId,
        userId,
      ])) === 1
    );
  }

  async removeVariants(userId: string, variantIds: string[], tx: Transaction): Promise<void> {
    if (variantIds.length === 0) return;
    await managerOf(this.dataSource, tx).delete(CartItemEntity, { userId, variantId: In(variantIds) });
  }

  async clear(userId: string): Promise<void> {
    await this.dataSource.manager.delete(CartItemEntity, { userId });
  }
}
