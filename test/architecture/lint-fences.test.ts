import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { ESLint } from 'eslint';

const ROOT = resolve(__dirname, '..', '..');
const eslint = new ESLint({ cwd: ROOT });

async function ruleIdsFor(relativePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, relativePath) });
  return result!.messages.map((message) => message.ruleId ?? 'parse-error');
}

describe('architecture fences in the lint setup', () => {
  test('workflow code may not import Node built-ins', async () => {
    const ids = await ruleIdsFor(
      'workflows/ordering/fence-probe.workflow.ts',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    );
    assert.ok(ids.includes('no-restricted-imports'));
  });

  test('workflow code imports activities as types only', async () => {
    const valueImport =
      "import { createOrderActivities } from '../../activities/ordering/order.activities';\nexport const x = createOrderActivities;\n";
    assert.ok(
      (await ruleIdsFor('workflows/ordering/fence-probe.workflow.ts', valueImport)).includes(
        'no-restricted-imports',
      ),
    );
    const typeImport =
      "import type { createOrderActivities } from '../../activities/ordering/order.activities';\nexport type X = typeof createOrderActivities;\n";
    assert.deepEqual(await ruleIdsFor('workflows/ordering/fence-probe.workflow.ts', typeImport), []);
  });

  test('domain code may not import I/O or read the clock', async () => {
    const io = "import { DataSource } from 'typeorm';\nexport const x = DataSource;\n";
    assert.ok((await ruleIdsFor('domain/ordering/fence-probe.ts', io)).includes('no-restricted-imports'));
    const clock = 'export const now = () => Date.now();\n';
    assert.ok(
      (await ruleIdsFor('domain/ordering/fence-probe.ts', clock)).includes('no-restricted-properties'),
    );
  });

  test('production code may not import the simulators; the sandbox and tests may', async () => {
    const simulator =
      "import { createPgSimulator } from '../../simulators/pg/pg.simulator';\nexport const x = createPgSimulator;\n";
    for (const production of ['integrations/payment/fence-probe.ts', 'api/payment/fence-probe.ts'])
      assert.ok(
        (await ruleIdsFor(production, simulator)).includes('@typescript-eslint/no-restricted-imports'),
        production,
      );
    const fromRoot =
      "import { createPgSimulator } from '../simulators/pg/pg.simulator';\nexport const x = createPgSimulator;\n";
    assert.deepEqual(await ruleIdsFor('sandbox/fence-probe.ts', fromRoot), []);
    assert.deepEqual(await ruleIdsFor('test/support/fence-probe.ts', simulator), []);
    assert.deepEqual(await ruleIdsFor('integrations/payment/fence-probe.test.ts', simulator), []);
  });

  test('the simulators fence adds to the workflow fence instead of replacing it', async () => {
    const ids = await ruleIdsFor(
      'workflows/ordering/fence-probe.workflow.ts',
      "import { readFileSync } from 'node:fs';\nimport { createPgSimulator } from '../../simulators/pg/pg.simulator';\nexport const x = [readFileSync, createPgSimulator];\n",
    );
    assert.ok(ids.includes('no-restricted-imports'));
    assert.ok(ids.includes('@typescript-eslint/no-restricted-imports'));
  });

  test('the same imports are fine outside the fenced folders', async () => {
    const io = "import { DataSource } from 'typeorm';\nexport const x = DataSource;\n";
    assert.deepEqual(await ruleIdsFor('persistence/fence-probe.ts', io), []);
  });
});

describe('layer fences in the lint setup', () => {
  const restricted = async (path: string, code: string) =>
    (await ruleIdsFor(path, code)).includes('no-restricted-imports');
  const importing = (from: string, name: string) =>
    `import { ${name} } from '${from}';\nexport const x = ${name};\n`;
  const repository = (up: string) =>
    importing(`${up}persistence/payment/typeorm-payment.repository`, 'TypeOrmPaymentRepository');

  test('domain code imports no other layer', async () => {
    assert.ok(await restricted('domain/ordering/fence-probe.ts', importing('../../platform/ids', 'uuidv7')));
    assert.ok(
      await restricted(
        'domain/ordering/fence-probe.ts',
        importing('../../application/ordering/place-order', 'OrderPlacementService'),
      ),
    );
  });

  test('use cases import neither adapters nor frameworks', async () => {
    for (const code of [
      repository('../../'),
      importing('typeorm', 'DataSource'),
      importing('../../platform/ids', 'uuidv7'),
    ])
      assert.ok(await restricted('application/ordering/fence-probe.ts', code), code);
    const domainRule = importing('../../domain/ordering/order-number', 'ORDER_SERIAL_LIMIT');
    assert.deepEqual(await ruleIdsFor('application/ordering/fence-probe.ts', domainRule), []);
  });

  test('persistence and integrations never import what calls them', async () => {
    const useCase = importing('../../application/catalog/catalog', 'createCatalog');
    assert.ok(await restricted('persistence/catalog/fence-probe.ts', useCase));
    assert.ok(await restricted('integrations/payment/fence-probe.ts', useCase));
    assert.ok(
      await restricted(
        'persistence/catalog/fence-probe.ts',
        importing('../../contexts/create-contexts', 'createContexts'),
      ),
    );
    assert.deepEqual(
      await ruleIdsFor('persistence/catalog/fence-probe.ts', importing('../../platform/ids', 'uuidv7')),
      [],
    );
  });

  test('routes and activities reach adapters only through contexts/', async () => {
    for (const path of ['api/payment/fence-probe.ts', 'activities/payment/fence-probe.ts']) {
      assert.ok(await restricted(path, repository('../../')), path);
      assert.ok(await restricted(path, importing('../../contexts/create-contexts', 'createContexts')), path);
      assert.deepEqual(
        await ruleIdsFor(path, importing('../../application/ordering/place-order', 'OrderPlacementService')),
        [],
      );
    }
    assert.deepEqual(await ruleIdsFor('contexts/fence-probe.ts', repository('../')), []);
    assert.deepEqual(
      await ruleIdsFor('api/compose-app.ts', importing('../contexts/create-contexts', 'createContexts')),
      [],
    );
  });

  test('platform imports no context code', async () => {
    const code = "import type { AppEnv } from '../api/app-env';\nexport type X = AppEnv;\n";
    assert.ok(await restricted('platform/fence-probe.ts', code));
  });
});
