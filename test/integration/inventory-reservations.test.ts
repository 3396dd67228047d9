import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DataSource } from 'typeorm';
import { DomainError } from '../../domain/shared/domain-error';
import type { InventoryService } from '../../application/inventory/inventory';
import { createInventory } from '../../contexts/inventory.context';
import { TypeOrmUnitOfWork } from '../../persistence/inventory/typeorm-unit-of-work';
import { uuidv7 } from '../../platform/ids';
import { openTestDataSource } from '../support/database';

const code = (expected: string) => (error: unknown) =>
  error instanceof DomainError && error.code === expected;

describe('inventory: the functions ordering calls', () => {
  let dataSource: DataSource;
  let inventory: InventoryService;
  const productId = uuidv7();
  const [a, b] = [uuidv7(), uuidv7()].sort();
  const stockOf = async (variantId: string) => {
    const level = await inventory.level(variantId);
    return { onHand: level.onHand, reserved: level.reserved };
  };

  before(async () => {
    dataSource = await openTestDataSource();
    inventory = createInventory({
      dataSource,
      now: () => new Date(),
      newId: uuidv7,
      onError: () => undefined,
    });
    await inventory.createStock([
      { variantId: a!, productId, onHand: 10 },
      { variantId: b!, productId, onHand: 2 },
    ]);
  });

  after(async () => {
    await dataSource.query('DELETE FROM stock_reservations WHERE variant_id IN (?, ?)', [a, b]);
    await dataSource.query('DELETE FROM stock_levels WHERE product_id = ?', [productId]);
    await dataSource.destroy();
  });

  test('reserve is idempotent per order id; quantities are summed per SKU', async () => {
    const orderId = uuidv7();
    const lines = [
      { variantId: a!, quantity: 2 },
      { variantId: a!, quantity: 1 },
    ];
    const first = await inventory.reserve(orderId, lines);
    assert.deepEqual(first.lines, [{ variantId: a, quantity: 3 }]);
    const again = await inventory.reserve(orderId, lines);
    assert.equal(again.repeated, true);
    assert.deepEqual(await stockOf(a!), { onHand: 10, reserved: 3 });
    await assert.rejects(
      inventory.reserve(orderId, [{ variantId: a!, quantity: 4 }]),
      code('RESERVATION_MISMATCH'),
    );
    await inventory.release(orderId);
  });

  test('an order is reserved whole or not at all: one short SKU leaves every other untouched', async () => {
    const orderId = uuidv7();
    // Two lines of b add up to 3 while 2 are sellable: checking line by line would have let it through.
    await assert.rejects(
      inventory.reserve(orderId, [
        { variantId: a!, quantity: 1 },
        { variantId: b!, quantity: 2 },
        { variantId: b!, quantity: 1 },
      ]),
      (error: unknown) =>
        code('OUT_OF_STOCK')(error) &&
        (error as DomainError).details.variantId === b &&
        (error as DomainError).details.sellable === 2,
    );
    assert.deepEqual(await stockOf(a!), { onHand: 10, reserved: 0 });
    assert.deepEqual(await stockOf(b!), { onHand: 2, reserved: 0 });
    const [rows] = await dataSource.query(
      'SELECT COUNT(*) AS n FROM stock_reservations WHERE reference = ?',
      [orderId],
    );
    assert.equal(Number(rows.n), 0);
  });

  test('commit deducts the units once; release gives held units back once; restock is keyed too', async () => {
    const paid = uuidv7();
    await inventory.reserve(paid, [{ variantId: a!, quantity: 4 }]);
    await inventory.commit(paid);
    await inventory.commit(paid);
    assert.deepEqual(await stockOf(a!), { onHand: 6, reserved: 0 });
    await inventory.release(paid);
    assert.deepEqual(
      await stockOf(a!),
      { onHand: 6, reserved: 0 },
      'a paid order is not released (it is restocked)',
    );

    const unpaid = uuidv7();
    await inventory.reserve(unpaid, [{ variantId: a!, quantity: 2 }]);
    await inventory.release(unpaid);
    await inventory.release(unpaid);
    assert.deepEqual(await stockOf(a!), { onHand: 6, reserved: 0 });
    await assert.rejects(inventory.commit(unpaid), code('RESERVATION_MISMATCH'));
    await assert.rejects(inventory.commit(uuidv7()), code('RESERVATION_NOT_FOUND'));
    assert.equal((await inventory.release(uuidv7())).lines.length, 0, 'releasing nothing does nothing');

    await inventory.restock(`${paid}:return`, [{ variantId: a!, quantity: 4 }]);
    await inventory.restock(`${paid}:return`, [{ variantId: a!, quantity: 4 }]);
    assert.deepEqual(await stockOf(a!), { onHand: 10, reserved: 0 });
  });

  test('a reservation joins the caller’s transaction and rolls back with it', async () => {
    const orderId = uuidv7();
    const transactions = new TypeOrmUnitOfWork(dataSource);
    await assert.rejects(
      transactions.run(async (tx) => {
        await inventory.reserve(orderId, [{ variantId: a!, quantity: 5 }], { tx });
        throw new Error('the order could not be stored');
      }),
      /could not be stored/,
    );
    assert.deepEqual(await stockOf(a!), { onHand: 10, reserved: 0 });
    await transactions.run((tx) => inventory.reserve(orderId, [{ variantId: a!, quantity: 5 }], { tx }));
    assert.deepEqual(await stockOf(a!), { onHand: 10, reserved: 5 });
    await inventory.release(orderId);
  });

  test('a seller may not set the count below what orders hold; concurrent edits settle on one value', async () => {
    const orderId = uuidv7();
    await inventory.reserve(orderId, [{ variantId: b!, quantity: 2 }]);
    await assert.rejects(inventory.setOnHand(b!, 1), code('STOCK_BELOW_RESERVED'));
    await assert.rejects(inventory.setOnHand(b!, -1), code('VALIDATION_FAILED'));
    const results = await Promise.allSettled([5, 6, 7, 8].map((n) => inventory.setOnHand(b!, n)));
    assert.ok(results.every((r) => r.status === 'fulfilled' || code('STOCK_CONFLICT')(r.reason)));
    const level = await inventory.level(b!);
    assert.ok([5, 6, 7, 8].includes(level.onHand));
    assert.equal(level.reserved, 2);
    await inventory.release(orderId);
    await inventory.setOnHand(b!, 2);
  });

  test('unknown variants and bad quantities are refused', async () => {
    await assert.rejects(
      inventory.reserve(uuidv7(), [{ variantId: uuidv7(), quantity: 1 }]),
      code('VARIANT_NOT_FOUND'),
    );
    await assert.rejects(
      inventory.reserve(uuidv7(), [{ variantId: a!, quantity: 0 }]),
      code('VALIDATION_FAILED'),
    );
    await assert.rejects(inventory.reserve(uuidv7(), []), code('VALIDATION_FAILED'));
  });
});
