import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';

const ROOT = resolve(__dirname, '..', '..');

/** Runs `npm test`'s script the way a newcomer would, with one service pointed at a closed port. */
function runTests(env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/test.ts', 'no-such-test-file'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('npm test on a machine missing a service', () => {
  test('says plainly that MariaDB cannot be reached, and how to start it', () => {
    const result = runTests({ TEST_DATABASE_URL: 'mysql://root@127.0.0.1:1/jangteo_test' });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /npm test cannot run: MariaDB is not reachable at 127\.0\.0\.1:1/);
    assert.match(result.stderr, /mariadbd/);
  });

  test('says plainly that Redis cannot be reached, and how to start it', () => {
    // A database of its own, so this probe could never recreate the one the other suites are using.
    const result = runTests({
      TEST_REDIS_URL: 'redis://127.0.0.1:1/0',
      TEST_DATABASE_URL: 'mysql://root@127.0.0.1:3306/jangteo_runner_probe',
    });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /npm test cannot run: Redis is not reachable at redis:\/\/127\.0\.0\.1:1\/0/);
    assert.match(result.stderr, /redis-server/);
  });
});
