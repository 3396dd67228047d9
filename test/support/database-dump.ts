import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { databaseNameOf, TEST_DATABASE_URL } from './services';

/** The whole test database as `mysqldump` writes it, to search for data that must not be there. */
export async function dumpDatabase(): Promise<string> {
  const url = new URL(TEST_DATABASE_URL);
  const args = [
    '--host',
    url.hostname,
    '--port',
    url.port || '3306',
    '--user',
    decodeURIComponent(url.username || 'root'),
    '--skip-comments',
    databaseNameOf(TEST_DATABASE_URL),
  ];
  const env = { ...process.env, ...(url.password ? { MYSQL_PWD: decodeURIComponent(url.password) } : {}) };
  const { stdout } = await promisify(execFile)('mysqldump', args, { env, maxBuffer: 512 * 1024 * 1024 });
  return stdout;
}
