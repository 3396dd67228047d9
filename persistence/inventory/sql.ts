import type { EntityManager } from 'typeorm';

/** Plain SQL helpers that behave the same on MariaDB and SQLite (both take `?` placeholders). */

/** A UTC time as both databases store it in a `datetime` column. */
export const sqlTime = (date: Date): string => date.toISOString().replace('T', ' ').replace('Z', '');

/** Runs a write and returns how many rows it matched. */
export async function execute(manager: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const result = await runner.query(sql, params, true);
    return result.affected ?? 0;
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}

export async function select<T>(manager: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  return (await manager.query(sql, params)) as T[];
}

export const placeholders = (count: number) => Array.from({ length: count }, () => '?').join(', ');
