import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadApiConfig } from './api.config';
import { ConfigError } from './env';

const base = { TEMPORAL_ADDRESS: 'temporal:7233' };

describe('API_PROCESSES', () => {
  test('one API process by default; a count runs that many', () => {
    assert.equal(loadApiConfig(base).processes, 1);
    assert.equal(loadApiConfig({ ...base, API_PROCESSES: '2' }).processes, 2);
  });

  test('a count below one or not a whole number is refused, naming the variable', () => {
    for (const wrong of ['0', '-1', '1.5', 'many']) {
      assert.throws(
        () => loadApiConfig({ ...base, API_PROCESSES: wrong }),
        (error: unknown) =>
          error instanceof ConfigError && error.issues.some((issue) => issue.variable === 'API_PROCESSES'),
        wrong,
      );
    }
  });
});
