import { Table, type QueryRunner, type TableColumnOptions } from 'typeorm';

/**
 * Column builders for migrations that run unchanged on MariaDB and SQLite. They pick the precise
 * MariaDB type (millisecond datetimes, BIGINT money, long text) and its SQLite equivalent.
 */
export function isMariaDb(queryRunner: QueryRunner): boolean {
  const type = queryRunner.connection.options.type;
  return type === 'mysql' || type === 'mariadb';
}

export const idColumn = (name = 'id'): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '36',
  isPrimary: name === 'id',
});

export const refColumn = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '36',
  isNullable: nullable,
});

export const stringColumn = (name: string, length: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});

/** Whole won, and other integer quantities that must not overflow 32 bits. */
export const bigintColumn = (
  name: string,
  options: { nullable?: boolean; default?: number } = {},
): TableColumnOptions => ({
  name,
  type: 'bigint',
  isNullable: options.nullable ?? false,
  default: options.default,
});

export const intColumn = (
  name: string,
  options: { nullable?: boolean; default?: number } = {},
): TableColumnOptions => ({
  name,
  type: 'int',
  isNullable: options.nullable ?? false,
  default: options.default,
});

export const textColumn = (queryRunner: QueryRunner, name: string, nullable = false): TableColumnOptions => ({
  name,
  type: isMariaDb(queryRunner) ? 'longtext' : 'text',
  isNullable: nullable,
});

export const timestampColumn = (
  queryRunner: QueryRunner,
  name: string,
  nullable = false,
): TableColumnOptions =>
  isMariaDb(queryRunner)
    ? { name, type: 'datetime', precision: 3, isNullable: nullable }
    : { name, type: 'datetime', isNullable: nullable };

export const booleanColumn = (name: string, defaultValue: boolean): TableColumnOptions => ({
  name,
  type: 'boolean',
  default: defaultValue,
});

/**
 * Creates a table with its CHECK constraints on both databases. TypeORM's MySQL driver drops the
 * `checks` of a Table, so on MariaDB they are added afterwards; SQLite takes them in CREATE TABLE.
 */
export async function createTable(queryRunner: QueryRunner, table: Table): Promise<void> {
  if (!isMariaDb(queryRunner)) {
    await queryRunner.createTable(table);
    return;
  }
  const checks = table.checks;
  await queryRunner.createTable(new Table({ ...table, checks: [] }));
  for (const check of checks) {
    await queryRunner.query(
      `ALTER TABLE \`${table.name}\` ADD CONSTRAINT \`${check.name}\` CHECK (${check.expression})`,
    );
  }
}
