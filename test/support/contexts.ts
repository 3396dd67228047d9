import { contextInfra, type ContextInfra, type ContextRuntime } from '../../contexts/context-infra';
import { createCatalogContext } from '../../contexts/catalog.context';
import { createContexts, type Contexts } from '../../contexts/create-contexts';
import { createInventoryContext } from '../../contexts/inventory.context';
import { createLogger } from '../../platform/observability/logger';
import type { TestApp } from './test-app';

/**
 * What the contexts are built over in a test: the test app's database, Redis, Temporal and keys
 * (as composeApp wires them), the vendors the test opened, a silent logger unless given one.
 */
export function testInfra(
  app: Pick<TestApp, 'infrastructure' | 'identity'>,
  overrides: Partial<ContextRuntime> = {},
): ContextInfra {
  return contextInfra({
    infrastructure: app.infrastructure,
    identity: app.identity,
    logger: createLogger({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    publicBaseUrl: 'http://localhost:3000',
    imageStorageDir: 'var/test-images',
    ...overrides,
  });
}

/** Every context over the test app (workers' activities, services a test drives directly). */
export function testContexts(
  app: Pick<TestApp, 'infrastructure' | 'identity'>,
  overrides: Partial<ContextRuntime> = {},
): Contexts {
  return createContexts(testInfra(app, overrides));
}

/** The catalog and inventory contexts alone, wired to each other as createContexts wires them. */
export function catalogAndInventory(infra: ContextInfra) {
  const inventory = createInventoryContext(infra, { catalog: () => catalog });
  const catalog = createCatalogContext(infra, { inventory: inventory.inventory });
  return {
    catalog: catalog.catalog,
    search: catalog.search,
    /** The read model's projections: run them with test/support/read-model.ts. */
    projections: catalog.projections,
    closeCatalog: () => catalog.close(),
    inventory: inventory.inventory,
    waitlist: inventory.waitlist,
  };
}
