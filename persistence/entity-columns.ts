import type { EntitySchemaColumnOptions } from 'typeorm';

/** Column builders for entity schemas; the types match what the portable migrations create on both databases. */
const toNumber = {
  from: (value: unknown) => (value === null || value === undefined ? value : Number(value)),
  to: (value: unknown) => value,
};

export const id: EntitySchemaColumnOptions = { type: 'varchar', length: 36, primary: true };
export const ref = (name: string, nullable = false): EntitySchemaColumnOptions => ({
  name,
  type: 'varchar',
  length: 36,
  nullable,
});
export const text = (name: string, length: number, nullable = false): EntitySchemaColumnOptions => ({
  name,
  type: 'varchar',
  length,
  nullable,
});
export const longText = (name: string): EntitySchemaColumnOptions => ({ name, type: 'text' });
export const bigint = (name: string): EntitySchemaColumnOptions => ({
  name,
  type: 'bigint',
  transformer: toNumber,
});
export const int = (name: string): EntitySchemaColumnOptions => ({ name, type: 'int' });
export const bool = (name: string): EntitySchemaColumnOptions => ({ name, type: 'boolean' });
export const time = (name: string, nullable = false): EntitySchemaColumnOptions => ({
  name,
  type: 'datetime',
  precision: 3,
  nullable,
});
export const nullableText = (name: string): EntitySchemaColumnOptions => ({
  name,
  type: 'text',
  nullable: true,
});
