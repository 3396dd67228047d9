import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  bigintColumn,
  createTable,
  idColumn,
  intColumn,
  refColumn,
  stringColumn,
  timestampColumn,
} from './portable-columns';

/**
 * Inventory: stock per variant, reservations keyed by order (or hold) reference, and the waiting
 * queue. The CHECK constraints make negative or over-reserved stock impossible in the database
 * itself, whatever the code above it does.
 */
export class Inventory1732420000001 implements MigrationInterface {
  name = 'Inventory1732420000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTable(
      queryRunner,
      new Table({
        name: 'stock_levels',
        columns: [
          { ...refColumn('variant_id'), isPrimary: true },
          refColumn('product_id'),
          bigintColumn('on_hand'),
          bigintColumn('reserved', { default: 0 }),
          intColumn('version', { default: 1 }),
          timestampColumn(queryRunner, 'updated_at'),
        ],
        indices: [{ name: 'ix_stock_levels_product', columnNames: ['product_id'] }],
        checks: [
          { name: 'ck_stock_levels_on_hand', expression: 'on_hand >= 0' },
          { name: 'ck_stock_levels_reserved', expression: 'reserved >= 0' },
          { name: 'ck_stock_levels_sellable', expression: 'reserved <= on_hand' },
        ],
      }),
    );
    await createTable(
      queryRunner,
      new Table({
        name: 'stock_reservations',
        columns: [
          idColumn(),
          stringColumn('reference', 80),
          refColumn('variant_id'),
          bigintColumn('quantity'),
          stringColumn('status', 20),
          timestampColumn(queryRunner, 'created_at'),
          timestampColumn(queryRunner, 'updated_at'),
        ],
        indices: [
          {
            name: 'ux_stock_reservations_reference_variant',
            columnNames: ['reference', 'variant_id'],
            isUnique: true,
          },
          { name: 'ix_stock_reservations_variant', columnNames: ['variant_id', 'status'] },
        ],
        checks: [
          { name: 'ck_stock_reservations_quantity', expression: 'quantity > 0' },
          {
            name: 'ck_stock_reservations_status',
            expression: "status IN ('HELD', 'COMMITTED', 'RELEASED', 'RESTOCKED')",
          },
        ],
      }),
    );
    await createTable(
      queryRunner,
      new Table({
        name: 'waitlist_entries',
        columns: [
          idColumn(),
          refColumn('variant_id'),
          refColumn('user_id'),
          intColumn('quantity'),
          stringColumn('status', 20),
          // 'A' while the entry waits or holds stock, NULL afterwards: one active entry per user and variant.
          stringColumn('active_slot', 1, true),
          refColumn('passed_to_entry_id', true),
          timestampColumn(queryRunner, 'created_at'),
          timestampColumn(queryRunner, 'offered_at', true),
          timestampColumn(queryRunner, 'hold_expires_at', true),
          timestampColumn(queryRunner, 'updated_at'),
        ],
        indices: [
          {
            name: 'ux_waitlist_entries_active',
            columnNames: ['variant_id', 'user_id', 'active_slot'],
            isUnique: true,
          },
          { name: 'ix_waitlist_entries_queue', columnNames: ['variant_id', 'status', 'created_at', 'id'] },
        ],
        checks: [
          { name: 'ck_waitlist_entries_quantity', expression: 'quantity > 0' },
          {
            name: 'ck_waitlist_entries_status',
            expression: "status IN ('WAITING', 'OFFERED', 'CLAIMED', 'EXPIRED', 'CANCELLED')",
          },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['waitlist_entries', 'stock_reservations', 'stock_levels'])
      await queryRunner.dropTable(table);
  }
}
