import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freshConsoleClient, GENERATED_CLIENT_DIR, generatedFiles } from '../../scripts/console-client';

test('the console’s committed API client matches the OpenAPI document (else: npm run console:client)', async () => {
  const fresh = await freshConsoleClient();
  const committed = await generatedFiles(GENERATED_CLIENT_DIR);
  assert.deepEqual(
    [...committed.keys()],
    [...fresh.keys()],
    'the generated files differ: npm run console:client',
  );
  for (const [file, text] of fresh)
    assert.ok(committed.get(file) === text, `${file} is stale: run npm run console:client and commit it`);
});
