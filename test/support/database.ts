import { createConnection } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../persistence/data-source';
import { databaseNameOf, databaseUrlFor, TEST_DATABASE_URL } from './services';

/** A data source on the prepared test database (migrated once by `npm test` before the suites run). */
export async function openTestDataSource(): Promise<DataSource> {
  return createDataSource({ kind: 'mariadb', url: TEST_DATABASE_URL }, { poolSize: 10 }).initialize();
}

/** Drops and creates a database on the test server; returns its URL. */
export async function recreateDatabase(name: string): Promise<string> {
  const server = new URL(TEST_DATABASE_URL);
  server.pathname = '/';
  const connection = await createConnection(server.toString());
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await connection.end();
  }
  return databaseUrlFor(name);
}

export async function dropDatabase(url: string): Promise<void> {
  const server = new URL(url);
  const name = databaseNameOf(url);
  server.pathname = '/';
  const connection = await createConnection(server.toString());
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  } finally {
    await connection.end();
  }
}
