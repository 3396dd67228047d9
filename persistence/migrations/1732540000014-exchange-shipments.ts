import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { refColumn, stringColumn } from './portable-columns';

/**
 * Exchange re-shipments as parcels of their order (docs/shipping.md#parcels): a shipment names the
 * exchange whose replacement it carries (`exchange_id`), and `parcel` ('' for the part's first
 * parcel, else the exchange id) keeps one shipment per (order, seller, parcel) — a unique key on
 * the nullable exchange id would let first parcels repeat, since NULLs never collide. Replacement
 * rows written before this kept the exchange id in `order_id`: they get their order back.
 */
export class ExchangeShipments1732540000014 implements MigrationInterface {
  name = 'ExchangeShipments1732540000014';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('shipments', [
      new TableColumn(refColumn('exchange_id', true)),
      new TableColumn({ ...stringColumn('parcel', 36), default: "''" }),
    ]);
    // order_id last: MariaDB assigns left to right, and the other two must read its old value.
    await queryRunner.query(
      `UPDATE shipments SET exchange_id = order_id, parcel = order_id,
         order_id = (SELECT e.order_id FROM order_exchanges e WHERE e.id = shipments.order_id)
       WHERE order_id IN (SELECT id FROM order_exchanges)`,
    );
    await queryRunner.dropIndex('shipments', 'ux_shipments_order_seller');
    await queryRunner.createIndex(
      'shipments',
      new TableIndex({
        name: 'ux_shipments_order_seller_parcel',
        columnNames: ['order_id', 'seller_id', 'parcel'],
        isUnique: true,
      }),
    );
    await queryRunner.createIndex(
      'shipments',
      new TableIndex({ name: 'ix_shipments_exchange', columnNames: ['exchange_id'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('shipments', 'ix_shipments_exchange');
    await queryRunner.dropIndex('shipments', 'ux_shipments_order_seller_parcel');
    await queryRunner.query('UPDATE shipments SET order_id = exchange_id WHERE exchange_id IS NOT NULL');
    await queryRunner.createIndex(
      'shipments',
      new TableIndex({
        name: 'ux_shipments_order_seller',
        columnNames: ['order_id', 'seller_id'],
        isUnique: true,
      }),
    );
    await queryRunner.dropColumns('shipments', ['parcel', 'exchange_id']);
  }
}
