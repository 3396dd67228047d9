import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  booleanColumn,
  createTable,
  idColumn,
  intColumn,
  refColumn,
  stringColumn,
  timestampColumn,
} from './portable-columns';

const STATUSES =
  "'AWAITING_INVOICE', 'READY', 'PICKED_UP', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'CANCELLED'";
const TRACKING_STATUSES = "'READY', 'PICKED_UP', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED'";

/**
 * Shipping: one shipment per seller part of an order (its courier, invoice and progress, the stall
 * flag admins read) and the tracking steps the courier reported for each invoice, stored once per
 * step whether it came by webhook or by a look-up. Order, seller and buyer ids are plain references.
 */
export class Shipping1732480000000 implements MigrationInterface {
  name = 'Shipping1732480000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTable(
      queryRunner,
      new Table({
        name: 'shipments',
        columns: [
          idColumn(),
          refColumn('order_id'),
          stringColumn('order_number', 40),
          refColumn('seller_id'),
          refColumn('buyer_user_id'),
          stringColumn('item_summary', 200),
          stringColumn('status', 20),
          stringColumn('courier', 10, true),
          stringColumn('invoice_number', 20, true),
          refColumn('registered_by', true),
          timestampColumn(queryRunner, 'registered_at', true),
          booleanColumn('push_registered', false),
          timestampColumn(queryRunner, 'last_movement_at', true),
          timestampColumn(queryRunner, 'delivered_at', true),
          timestampColumn(queryRunner, 'stalled_at', true),
          timestampColumn(queryRunner, 'cancelled_at', true),
          timestampColumn(queryRunner, 'created_at'),
          timestampColumn(queryRunner, 'updated_at'),
        ],
        indices: [
          { name: 'ux_shipments_order_seller', columnNames: ['order_id', 'seller_id'], isUnique: true },
          { name: 'ix_shipments_seller_status', columnNames: ['seller_id', 'status', 'id'] },
          { name: 'ix_shipments_stalled', columnNames: ['stalled_at'] },
          { name: 'ix_shipments_invoice', columnNames: ['courier', 'invoice_number'] },
        ],
        checks: [
          { name: 'ck_shipments_status', expression: `status IN (${STATUSES})` },
          {
            name: 'ck_shipments_courier',
            expression: "courier IS NULL OR courier IN ('CJ', 'LOTTE', 'HANJIN')",
          },
          {
            name: 'ck_shipments_invoice',
            expression: "status IN ('AWAITING_INVOICE', 'CANCELLED') OR invoice_number IS NOT NULL",
          },
        ],
      }),
    );
    await createTable(
      queryRunner,
      new Table({
        name: 'shipment_events',
        columns: [
          idColumn(),
          refColumn('shipment_id'),
          stringColumn('invoice_number', 20),
          stringColumn('event_key', 120),
          stringColumn('status', 20),
          intColumn('level'),
          timestampColumn(queryRunner, 'occurred_at'),
          stringColumn('location', 100),
          stringColumn('description', 100),
          stringColumn('source', 10),
          timestampColumn(queryRunner, 'received_at'),
        ],
        indices: [
          {
            name: 'ux_shipment_events_step',
            columnNames: ['shipment_id', 'invoice_number', 'event_key'],
            isUnique: true,
          },
        ],
        checks: [
          { name: 'ck_shipment_events_status', expression: `status IN (${TRACKING_STATUSES})` },
          { name: 'ck_shipment_events_level', expression: 'level BETWEEN 1 AND 6' },
          { name: 'ck_shipment_events_source', expression: "source IN ('WEBHOOK', 'POLL')" },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('shipment_events');
    await queryRunner.dropTable('shipments');
  }
}
