import { Table, TableCheck, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  bigintColumn,
  createTable,
  idColumn,
  isMariaDb,
  refColumn,
  stringColumn,
  timestampColumn,
} from './portable-columns';

const OLD_TYPES = "type IN ('EARN', 'HOLD', 'CAPTURE', 'RELEASE', 'REFUND')";
const TYPES =
  "type IN ('EARN', 'HOLD', 'CAPTURE', 'RELEASE', 'REFUND', 'ADMIN_GRANT', 'ADMIN_DEDUCT', 'EXPIRE', 'CLAWBACK')";

/**
 * Points that expire (docs/payments.md#points): `points_lots` (each credit, what is left of it, its
 * expiry), the expiry a hold's points keep when given back, and the new ledger entry types with a
 * reason. Balances from before lots existed become one lot each that never expires: their earning
 * dates were not kept, and expiring them on a guess would take points buyers were promised.
 */
export class PointsLots1732501000000 implements MigrationInterface {
  name = 'PointsLots1732501000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTable(
      queryRunner,
      new Table({
        name: 'points_lots',
        columns: [
          idColumn(),
          refColumn('user_id'),
          bigintColumn('amount'),
          bigintColumn('remaining'),
          timestampColumn(queryRunner, 'expires_at', true),
          timestampColumn(queryRunner, 'created_at'),
        ],
        indices: [
          { name: 'ix_points_lots_user', columnNames: ['user_id', 'remaining'] },
          { name: 'ix_points_lots_expiry', columnNames: ['expires_at', 'remaining'] },
        ],
        checks: [
          {
            name: 'ck_points_lots_amounts',
            expression: 'amount > 0 AND remaining >= 0 AND remaining <= amount',
          },
        ],
      }),
    );
    await queryRunner.addColumn(
      'points_holds',
      new TableColumn(timestampColumn(queryRunner, 'expires_at', true)),
    );
    await this.ledgerTypes(queryRunner, OLD_TYPES, TYPES, 16);
    await queryRunner.addColumn('points_ledger', new TableColumn(stringColumn('reason', 200, true)));
    await queryRunner.query(
      `INSERT INTO points_lots (id, user_id, amount, remaining, expires_at, created_at)
       SELECT user_id, user_id, available, available, NULL, updated_at FROM points_accounts WHERE available > 0`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('points_ledger', 'reason');
    await this.ledgerTypes(queryRunner, TYPES, OLD_TYPES, 10);
    await queryRunner.dropColumn('points_holds', 'expires_at');
    await queryRunner.dropTable('points_lots');
  }

  private async ledgerTypes(queryRunner: QueryRunner, from: string, to: string, length: number) {
    if (isMariaDb(queryRunner)) {
      await queryRunner.query('ALTER TABLE `points_ledger` DROP CONSTRAINT `ck_points_ledger_type`');
      await queryRunner.query(`ALTER TABLE \`points_ledger\` MODIFY \`type\` varchar(${length}) NOT NULL`);
      await queryRunner.query(
        `ALTER TABLE \`points_ledger\` ADD CONSTRAINT \`ck_points_ledger_type\` CHECK (${to})`,
      );
      return;
    }
    await queryRunner.dropCheckConstraint(
      'points_ledger',
      new TableCheck({ name: 'ck_points_ledger_type', expression: from }),
    );
    await queryRunner.changeColumn('points_ledger', 'type', new TableColumn(stringColumn('type', length)));
    await queryRunner.createCheckConstraint(
      'points_ledger',
      new TableCheck({ name: 'ck_points_ledger_type', expression: to }),
    );
  }
}
