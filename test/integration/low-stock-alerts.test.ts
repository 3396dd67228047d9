import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DataSource } from 'typeorm';
import type { InventoryService } from '../../application/inventory/inventory';
import { createInventory } from '../../contexts/inventory.context';
import type { LowStockCrossing } from '../../domain/inventory/low-stock';
import { TypeOrmLowStockStore } from '../../persistence/inventory/typeorm-low-stock.store';
import { uuidv7 } from '../../platform/ids';
import { openTestDataSource } from '../support/database';

/** Low stock is told once per fall, at the sale that leaves the variant at or below its threshold. */
describe('inventory: low-stock alerts at commit (MariaDB)', () => {
  let dataSource: DataSource;
  let inventory: InventoryService;
  let store: TypeOrmLowStockStore;
  const told: LowStockCrossing[] = [];
  const productId = uuidv7();
  const [a, b] = [uuidv7(), uuidv7()];

  before(async () => {
    dataSource = await openTestDataSource();
    store = new TypeOrmLowStockStore(dataSource);
    inventory = createInventory({
      dataSource,
      now: () => new Date(),
      newId: uuidv7,
      onError: () => undefined,
      lowStock: { store, listener: { lowStock: async (crossings) => void told.push(...crossings) } },
    });
    await inventory.createStock([
      { variantId: a, productId, onHand: 6 },
      { variantId: b, productId, onHand: 20 },
    ]);
  });

  after(async () => {
    await dataSource.query('DELETE FROM low_stock_watches WHERE variant_id IN (?, ?)', [a, b]);
    await dataSource.query('DELETE FROM stock_reservations WHERE variant_id IN (?, ?)', [a, b]);
    await dataSource.query('DELETE FROM stock_levels WHERE product_id = ?', [productId]);
    await dataSource.destroy();
  });

  const sell = async (variantId: string, quantity: number) => {
    const orderId = uuidv7();
    await inventory.reserve(orderId, [{ variantId, quantity }]);
    await inventory.commit(orderId);
  };
  const toldOf = (variantId: string) => told.filter((t) => t.variantId === variantId);

  test('a threshold of 3 alerts once when a sale leaves 3, not again at 2; a restock re-arms it', async () => {
    await sell(b, 1);
    assert.deepEqual(toldOf(b), [], 'a variant without a threshold is not watched');
    await store.setThreshold(a, 3, new Date());
    await sell(a, 2);
    assert.deepEqual(toldOf(a), [], '4 left: above the threshold');
    await sell(a, 1);
    assert.deepEqual(
      toldOf(a).map((t) => [t.sellable, t.threshold]),
      [[3, 3]],
    );
    await sell(a, 1);
    assert.equal(toldOf(a).length, 1, 'still low: told once');

    await inventory.setOnHand(a, 10);
    await sell(a, 1);
    assert.equal(toldOf(a).length, 1, '9 left: re-armed, nothing told');
    await sell(a, 6);
    assert.deepEqual(
      toldOf(a).map((t) => t.sellable),
      [3, 3],
    );
  });

  test('a seller’s threshold replaces the default; two sales committing at once alert once', async () => {
    await store.setThreshold(b, 10, new Date());
    await sell(b, 4);
    assert.deepEqual(toldOf(b), []);
    await Promise.all([sell(b, 3), sell(b, 3)]);
    assert.equal(toldOf(b).length, 1, '9 left after both: told once');
    assert.equal(toldOf(b)[0]!.threshold, 10);
    assert.ok(toldOf(b)[0]!.sellable <= 10);
  });
});
