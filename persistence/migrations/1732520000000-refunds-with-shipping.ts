import { TableCheck, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { isMariaDb, stringColumn, textColumn } from './portable-columns';

const OLD_LINE_KINDS = "kind IN ('SALE', 'REFUND')";
const LINE_KINDS = "kind IN ('SALE', 'SHIPPING_FEE', 'REFUND', 'RETURN_SHIPPING', 'SELLER_COST')";

/**
 * Refunds and settlement with shipping (docs/settlement.md#line-kinds, docs/ordering.md#refunds-with-shipping):
 * payable lines and adjustments get a kind (existing rows: SALE / REFUND), a part's shipping fee is
 * a payable line of its own (unique per order line and kind), statement lines take the new kinds,
 * and a return keeps its reason code, returned lines and the breakdown of its refund.
 */
export class RefundsWithShipping1732520000000 implements MigrationInterface {
  name = 'RefundsWithShipping1732520000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'payable_lines',
      new TableColumn({ ...stringColumn('kind', 16), default: "'SALE'" }),
    );
    await queryRunner.dropIndex('payable_lines', 'ux_payable_lines_order_line');
    await queryRunner.createIndex(
      'payable_lines',
      new TableIndex({
        name: 'ux_payable_lines_order_line',
        columnNames: ['order_line_id', 'kind'],
        isUnique: true,
      }),
    );
    await queryRunner.addColumn(
      'settlement_adjustments',
      new TableColumn({ ...stringColumn('kind', 16), default: "'REFUND'" }),
    );
    await this.lineKinds(queryRunner, OLD_LINE_KINDS, LINE_KINDS, 16);
    await queryRunner.addColumns('order_returns', [
      new TableColumn(stringColumn('reason_code', 20, true)),
      new TableColumn(textColumn(queryRunner, 'returned_line_ids', true)),
      new TableColumn(textColumn(queryRunner, 'refund_breakdown', true)),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumns('order_returns', ['refund_breakdown', 'returned_line_ids', 'reason_code']);
    await queryRunner.query("DELETE FROM settlement_lines WHERE kind NOT IN ('SALE', 'REFUND')");
    await this.lineKinds(queryRunner, LINE_KINDS, OLD_LINE_KINDS, 8);
    await queryRunner.query("DELETE FROM settlement_adjustments WHERE kind <> 'REFUND'");
    await queryRunner.dropColumn('settlement_adjustments', 'kind');
    await queryRunner.query("DELETE FROM payable_lines WHERE kind <> 'SALE'");
    await queryRunner.dropIndex('payable_lines', 'ux_payable_lines_order_line');
    await queryRunner.createIndex(
      'payable_lines',
      new TableIndex({ name: 'ux_payable_lines_order_line', columnNames: ['order_line_id'], isUnique: true }),
    );
    await queryRunner.dropColumn('payable_lines', 'kind');
  }

  private async lineKinds(queryRunner: QueryRunner, from: string, to: string, length: number) {
    if (isMariaDb(queryRunner)) {
      await queryRunner.query('ALTER TABLE `settlement_lines` DROP CONSTRAINT `ck_settlement_lines_kind`');
      await queryRunner.query(`ALTER TABLE \`settlement_lines\` MODIFY \`kind\` varchar(${length}) NOT NULL`);
      await queryRunner.query(
        `ALTER TABLE \`settlement_lines\` ADD CONSTRAINT \`ck_settlement_lines_kind\` CHECK (${to})`,
      );
      return;
    }
    await queryRunner.dropCheckConstraint(
      'settlement_lines',
      new TableCheck({ name: 'ck_settlement_lines_kind', expression: from }),
    );
    await queryRunner.changeColumn('settlement_lines', 'kind', new TableColumn(stringColumn('kind', length)));
    await queryRunner.createCheckConstraint(
      'settlement_lines',
      new TableCheck({ name: 'ck_settlement_lines_kind', expression: to }),
    );
  }
}
