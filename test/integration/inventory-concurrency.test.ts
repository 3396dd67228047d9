import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createConnection, type Connection } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { DomainError } from '../../domain/shared/domain-error';
import { createDataSource } from '../../persistence/data-source';
import type { InventoryService } from '../../application/inventory/inventory';
import { createInventory } from '../../contexts/inventory.context';
import { uuidv7 } from '../../platform/ids';
import { TEST_DATABASE_URL } from '../support/services';

const CONCURRENT_ORDERS = 220;
const STOCK = 50;

describe('inventory under concurrent reservations (MariaDB)', () => {
  let dataSource: DataSource;
  let sampler: Connection;
  let inventory: InventoryService;
  const variantId = uuidv7();
  const productId = uuidv7();

  before(async () => {
    // 60 pooled connections: the reservations really run side by side in separate sessions.
    dataSource = await createDataSource(
      { kind: 'mariadb', url: TEST_DATABASE_URL },
      { poolSize: 60 },
    ).initialize();
    sampler = await createConnection(TEST_DATABASE_URL);
    inventory = createInventory({
      dataSource,
      now: () => new Date(),
      newId: uuidv7,
      onError: () => undefined,
    });
    await inventory.createStock([{ variantId, productId, onHand: STOCK }]);
  });

  after(async () => {
    await dataSource.query('DELETE FROM stock_reservations WHERE variant_id = ?', [variantId]);
    await dataSource.query('DELETE FROM stock_levels WHERE variant_id = ?', [variantId]);
    await sampler.end();
    await dataSource.destroy();
  });

  test(`${CONCURRENT_ORDERS} orders race for ${STOCK} units: exactly ${STOCK} win, the rest get OUT_OF_STOCK, sellable never dips below zero`, async () => {
    let sampling = true;
    const samples: number[] = [];
    const sampling$ = (async () => {
      while (sampling) {
        const [rows] = await sampler.query(
          'SELECT on_hand - reserved AS sellable FROM stock_levels WHERE variant_id = ?',
          [variantId],
        );
        samples.push(Number((rows as { sellable: number }[])[0]!.sellable));
      }
    })();

    const outcomes = await Promise.allSettled(
      Array.from({ length: CONCURRENT_ORDERS }, () =>
        inventory.reserve(uuidv7(), [{ variantId, quantity: 1 }]),
      ),
    );
    sampling = false;
    await sampling$;

    const won = outcomes.filter((o) => o.status === 'fulfilled').length;
    const refused = outcomes.filter((o) => o.status === 'rejected');
    assert.equal(won, STOCK);
    assert.equal(refused.length, CONCURRENT_ORDERS - STOCK);
    for (const outcome of refused) {
      const error = (outcome as PromiseRejectedResult).reason;
      assert.ok(error instanceof DomainError, String(error));
      assert.equal(error.code, 'OUT_OF_STOCK');
    }
    assert.ok(samples.length > 10, `sampled ${samples.length} times while the race ran`);
    assert.ok(Math.min(...samples) >= 0, `lowest sellable sampled: ${Math.min(...samples)}`);
    const level = await inventory.level(variantId);
    assert.deepEqual([level.onHand, level.reserved], [STOCK, STOCK]);
    const [held] = await dataSource.query(
      "SELECT COUNT(*) AS n FROM stock_reservations WHERE variant_id = ? AND status = 'HELD'",
      [variantId],
    );
    assert.equal(Number(held.n), STOCK);
  });

  test('the database itself refuses stock below zero or more reserved than on hand (CHECK constraints)', async () => {
    await assert.rejects(
      dataSource.query('UPDATE stock_levels SET reserved = on_hand + 1 WHERE variant_id = ?', [variantId]),
      /CONSTRAINT `ck_stock_levels_sellable` failed/,
    );
    await assert.rejects(
      dataSource.query('UPDATE stock_levels SET on_hand = -1, reserved = 0 WHERE variant_id = ?', [
        variantId,
      ]),
      /CONSTRAINT `ck_stock_levels_(on_hand|sellable)` failed/,
    );
    await assert.rejects(
      dataSource.query('UPDATE stock_levels SET reserved = -1 WHERE variant_id = ?', [variantId]),
      /CONSTRAINT `ck_stock_levels_reserved` failed/,
    );
  });
});
