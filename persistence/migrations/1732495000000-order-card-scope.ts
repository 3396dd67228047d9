import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Orders remember whether the buyer pays with an overseas card (it picks the PG's international window). */
export class OrderCardScope1732495000000 implements MigrationInterface {
  name = 'OrderCardScope1732495000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'orders',
      new TableColumn({ name: 'card_scope', type: 'varchar', length: '10', isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('orders', 'card_scope');
  }
}
