import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { TypeOrmSettlementStore } from '../../persistence/settlement/typeorm-settlement.store';
import type { AppEnv } from '../app-env';
import type { Authenticate } from '../middleware/authenticate';
import { createAdminSettlementRoutes } from './admin-settlements.routes';
import { createSellerSettlementRoutes } from './seller-settlements.routes';

/** The settlement context's HTTP side: sellers' statements and the operators' settlement desk. */
export function createSettlementModule(input: {
  dataSource: DataSource;
  temporalClient: () => Client;
  authenticate: Authenticate;
  newId: () => string;
  now?: () => Date;
}): { routes: OpenAPIHono<AppEnv>[] } {
  const store = new TypeOrmSettlementStore(input.dataSource);
  const now = input.now ?? (() => new Date());
  return {
    routes: [
      createSellerSettlementRoutes({ store, authenticate: input.authenticate }),
      createAdminSettlementRoutes({
        store,
        temporal: input.temporalClient,
        authenticate: input.authenticate,
        newId: input.newId,
        now,
      }),
    ],
  };
}
