import type { DataSource, EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { CartItem } from '../../domain/ordering/cart';
import { execute, sqlTime } from '../inventory/sql';
import { CartItemEntity } from './ordering.entities';

/** Cart lines, one per consumer and variant (unique), oldest first. */
export class TypeOrmCartRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(userId: string, manager: EntityManager = this.dataSource.manager): Promise<CartItem[]> {
    return manager.find(CartItemEntity, { where: { userId }, order: { addedAt: 'ASC', id: 'ASC' } });
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

  /** Throws a unique violation when the variant is already in the cart (a concurrent add). */
  async insert(item: CartItem): Promise<void> {
    await this.dataSource.manager.insert(CartItemEntity, item);
  }

  async setQuantity(itemId: string, quantity: number, at: Date): Promise<void> {
    await execute(
      this.dataSource.manager,
      'UPDATE cart_items SET quantity = ?, updated_at = ? WHERE id = ?',
      [quantity, sqlTime(at), itemId],
    );
  }

  /** Adds to the quantity of an existing line in one statement (two concurrent adds both count). */
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

  /** The ordered lines leave the cart in the transaction that stores the order. */
  async removeVariants(userId: string, variantIds: string[], manager: EntityManager): Promise<void> {
    if (variantIds.length === 0) return;
    await manager.delete(CartItemEntity, { userId, variantId: In(variantIds) });
  }

  async clear(userId: string): Promise<void> {
    await this.dataSource.manager.delete(CartItemEntity, { userId });
  }
}
