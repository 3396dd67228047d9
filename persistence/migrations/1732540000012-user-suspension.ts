import { TableCheck, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { isMariaDb, stringColumn, timestampColumn } from './portable-columns';

const CHECK = 'ck_users_status';

/**
 * Account suspension by an admin (docs/identity.md#suspension): a SUSPENDED status, when and why.
 * The status CHECK is replaced: TypeORM's MySQL driver cannot drop a CHECK, so MariaDB gets plain
 * SQL; on SQLite TypeORM rebuilds the table with the new CHECK.
 */
export class UserSuspension1732540000012 implements MigrationInterface {
  name = 'UserSuspension1732540000012';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('users', [
      new TableColumn(timestampColumn(queryRunner, 'suspended_at', true)),
      new TableColumn(stringColumn('suspension_reason', 500, true)),
    ]);
    await replaceStatusCheck(queryRunner, "status IN ('ACTIVE', 'SUSPENDED', 'WITHDRAWN')");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("UPDATE users SET status = 'ACTIVE' WHERE status = 'SUSPENDED'");
    await replaceStatusCheck(queryRunner, "status IN ('ACTIVE', 'WITHDRAWN')");
    await queryRunner.dropColumns('users', ['suspension_reason', 'suspended_at']);
  }
}

async function replaceStatusCheck(queryRunner: QueryRunner, expression: string): Promise<void> {
  if (isMariaDb(queryRunner)) {
    await queryRunner.query(`ALTER TABLE \`users\` DROP CONSTRAINT \`${CHECK}\``);
    await queryRunner.query(`ALTER TABLE \`users\` ADD CONSTRAINT \`${CHECK}\` CHECK (${expression})`);
    return;
  }
  await queryRunner.dropCheckConstraint('users', CHECK);
  await queryRunner.createCheckConstraint('users', new TableCheck({ name: CHECK, expression }));
}
