import type { Principal } from '../domain/identity/principal';
import type { Logger } from '../platform/observability/logger';
import type { SellerAccess } from './middleware/authorize';

/** Variables every request carries through the Hono context. Contexts extend this as they need. */
export interface AppVariables {
  requestId: string;
  logger: Logger;
  /** The signed-in caller, set by the authenticate middleware (api/middleware/authenticate.ts). */
  principal?: Principal;
  /** The seller a seller-scoped call acts for, set by requireSellerAccess (api/middleware/authorize.ts). */
  sellerAccess?: SellerAccess;
}

export interface AppEnv {
  Variables: AppVariables;
}
