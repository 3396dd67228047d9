import type { EntitySchemaColumnOptions } from 'typeorm';

/** Column builders of the chat entity schemas (types match the chat migration on both databases). */
export const id: EntitySchemaColumnOptions = { type: 'varchar', length: 36, primary: true };
export const ref = (name: string, nullable = false): EntitySchemaColumnOptions => ({ name, type: 'varchar', length: 36, nullable });
export const text = (name: string, length: number, nullable = false): EntitySchemaColumnOptions => ({ name, type: 'varchar', length, nullable });
export const longText = (name: string): EntitySchemaColumnOptions => ({ name, type: 'text' });
export const int = (name: string): EntitySchemaColumnOptions => ({ name, type: 'int' });
export const time = (name: string, nullable = false): EntitySchemaColumnOptions => ({ name, type: 'datetime', precision: 3, nullable });
