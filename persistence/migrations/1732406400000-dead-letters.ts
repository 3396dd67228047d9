import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  createTable,
  idColumn,
  intColumn,
  stringColumn,
  textColumn,
  timestampColumn,
} from './portable-columns';

/** Work that exhausted its retries (payments, notifications, jobs), parked for an operator to retry or resolve. */
export class DeadLetters1732406400000 implements MigrationInterface {
  name = 'DeadLetters1732406400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTable(
      queryRunner,
      new Table({
        name: 'dead_letters',
        columns: [
          idColumn(),
          stringColumn('kind', 40),
          stringColumn('reference', 120),
          stringColumn('status', 20),
          stringColumn('workflow_id', 200, true),
          stringColumn('run_id', 64, true),
          textColumn(queryRunner, 'input'),
          textColumn(queryRunner, 'last_error'),
          intColumn('attempts', { default: 0 }),
          timestampColumn(queryRunner, 'created_at'),
          timestampColumn(queryRunner, 'resolved_at', true),
          stringColumn('resolved_by', 36, true),
        ],
        indices: [
          { name: 'ix_dead_letters_status_created', columnNames: ['status', 'created_at'] },
          { name: 'ux_dead_letters_kind_reference', columnNames: ['kind', 'reference'], isUnique: true },
        ],
        checks: [{ name: 'ck_dead_letters_status', expression: "status IN ('OPEN', 'RETRIED', 'RESOLVED')" }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('dead_letters');
  }
}
