import { EntitySchema } from 'typeorm';

/** Column builders shared by the identity entity schemas (types match the migration on both databases). */
export const id = { type: 'varchar', length: 36, primary: true } as const;
export const ref = (name: string, nullable = false) => ({ name, type: 'varchar', length: 36, nullable }) as const;
export const text = (name: string, length: number, nullable = false) => ({ name, type: 'varchar', length, nullable }) as const;
export const time = (name: string, nullable = false) => ({ name, type: 'datetime', precision: 3, nullable }) as const;
export { EntitySchema };
