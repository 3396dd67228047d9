import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  bigintColumn,
  createTable,
  idColumn,
  intColumn,
  refColumn,
  stringColumn,
  textColumn,
  timestampColumn,
} from './portable-columns';

const STATUSES =
  "'PENDING_PAYMENT', 'PAID', 'PREPARING', 'SHIPPED', 'DELIVERED', 'PURCHASE_CONFIRMED', 'CANCELLED', 'PAYMENT_FAILED', 'RETURN_REQUESTED', 'RETURNED'";

/**
 * Ordering: carts (one line per variant, with the price when added), orders (amounts in whole won,
 * the shipping address encrypted, the buyer's Idempotency-Key unique per buyer), one part per seller,
 * the lines priced at placement, and the status history every change writes.
 * Product, variant, seller and user ids are plain references into other contexts (no foreign keys).
 */
export class Ordering1732470000000 implements MigrationInterface {
  name = 'Ordering1732470000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTable(
      queryRunner,
      new Table({
        name: 'cart_items',
        columns: [
          idColumn(),
          refColumn('user_id'),
          refColumn('variant_id'),
          refColumn('product_id'),
          intColumn('quantity'),
          bigintColumn('price_when_added'),
          timestampColumn(queryRunner, 'added_at'),
          timestampColumn(queryRunner, 'updated_at'),
        ],
        indices: [
          { name: 'ux_cart_items_user_variant', columnNames: ['user_id', 'variant_id'], isUnique: true },
        ],
        checks: [
          { name: 'ck_cart_items_quantity', expression: 'quantity >= 1' },
          { name: 'ck_cart_items_price', expression: 'price_when_added > 0' },
        ],
      }),
    );
    await createTable(
      queryRunner,
      new Table({
        name: 'orders',
        columns: [
          idColumn(),
          stringColumn('order_number', 20),
          refColumn('user_id'),
          stringColumn('status', 20),
          bigintColumn('total_amount'),
          bigintColumn('points_amount'),
          bigintColumn('payable_amount'),
          stringColumn('payment_method', 20),
          stringColumn('payment_provider', 20, true),
          // AES-256-GCM ciphertext of the address JSON (recipient, phone, zip code, lines); NULL once erased.
          textColumn(queryRunner, 'shipping_address', true),
          timestampColumn(queryRunner, 'personal_data_erased_at', true),
          stringColumn('idempotency_key', 100, true),
          stringColumn('request_hash', 64, true),
          timestampColumn(queryRunner, 'placed_at'),
          timestampColumn(queryRunner, 'payment_due_at'),
          timestampColumn(queryRunner, 'updated_at'),
          intColumn('version', { default: 1 }),
        ],
        indices: [
          { name: 'ux_orders_order_number', columnNames: ['order_number'], isUnique: true },
          // The durable half of Idempotency-Key: one order per buyer and key (NULL keys never collide).
          {
            name: 'ux_orders_user_idempotency_key',
            columnNames: ['user_id', 'idempotency_key'],
            isUnique: true,
          },
          { name: 'ix_orders_user', columnNames: ['user_id', 'id'] },
          { name: 'ix_orders_status_due', columnNames: ['status', 'payment_due_at'] },
        ],
        checks: [
          { name: 'ck_orders_status', expression: `status IN (${STATUSES})` },
          {
            name: 'ck_orders_amounts',
            expression:
              'total_amount > 0 AND points_amount >= 0 AND payable_amount >= 0 AND points_amount + payable_amount = total_amount',
          },
        ],
      }),
    );
    await createTable(
      queryRunner,
      new Table({
        name: 'order_parts',
        columns: [
          idColumn(),
          refColumn('order_id'),
          refColumn('seller_id'),
          stringColumn('status', 20),
          bigintColumn('subtotal'),
          timestampColumn(queryRunner, 'placed_at'),
          timestampColumn(queryRunner, 'updated_at'),
        ],
        indices: [
          { name: 'ux_order_parts_order_seller', columnNames: ['order_id', 'seller_id'], isUnique: true },
          { name: 'ix_order_parts_seller', columnNames: ['seller_id', 'order_id'] },
        ],
        checks: [
          { name: 'ck_order_parts_status', expression: `status IN (${STATUSES})` },
          { name: 'ck_order_parts_subtotal', expression: 'subtotal > 0' },
        ],
      }),
    );
    await createTable(
      queryRunner,
      new Table({
        name: 'order_lines',
        columns: [
          idColumn(),
          refColumn('order_id'),
          refColumn('seller_id'),
          refColumn('product_id'),
          refColumn('variant_id'),
          stringColumn('product_name', 300),
          stringColumn('options', 1000),
          bigintColumn('unit_price'),
          intColumn('quantity'),
          bigintColumn('line_amount'),
          intColumn('position'),
        ],
        indices: [{ name: 'ix_order_lines_order', columnNames: ['order_id', 'seller_id', 'position'] }],
        checks: [
          {
            name: 'ck_order_lines_amounts',
            expression: 'unit_price > 0 AND quantity >= 1 AND line_amount = unit_price * quantity',
          },
        ],
      }),
    );
    await createTable(
      queryRunner,
      new Table({
        name: 'order_history',
        columns: [
          idColumn(),
          refColumn('order_id'),
          // Timeline order: 0.. for placement, then version × 1000 + i per transition (the version guard serialises them).
          intColumn('seq'),
          refColumn('seller_id', true),
          stringColumn('from_status', 20, true),
          stringColumn('to_status', 20),
          stringColumn('command', 30),
          refColumn('actor_id', true),
          stringColumn('reason', 500, true),
          // Set by a workflow activity so a retried transition is recorded once.
          stringColumn('transition_key', 120, true),
          timestampColumn(queryRunner, 'at'),
        ],
        indices: [
          { name: 'ux_order_history_order_seq', columnNames: ['order_id', 'seq'], isUnique: true },
          {
            name: 'ux_order_history_transition',
            columnNames: ['order_id', 'transition_key'],
            isUnique: true,
          },
        ],
        checks: [{ name: 'ck_order_history_to_status', expression: `to_status IN (${STATUSES})` }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['order_history', 'order_lines', 'order_parts', 'orders', 'cart_items'])
      await queryRunner.dropTable(table);
  }
}
