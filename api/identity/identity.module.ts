import type { OpenAPIHono } from '@hono/zod-openapi';
import type { DataSource } from 'typeorm';
import type { IdentitySettings } from '../../config/identity-secrets';
import type { PasswordHasher, PersonalDataEraser } from '../../domain/identity/ports';
import { AccountsService } from '../../application/identity/accounts';
import type { IdentityDeps } from '../../application/identity/identity-deps';
import { LoginThrottle, type LoginThrottleLimits } from '../../application/identity/login-throttle';
import { SellersService } from '../../application/identity/sellers';
import { SessionsService } from '../../application/identity/sessions';
import { TypeOrmManagerAssignmentRepository } from '../../persistence/identity/typeorm-manager-assignment.repository';
import { TypeOrmRefreshTokenStore } from '../../persistence/identity/typeorm-refresh-token.store';
import { TypeOrmSellerProfileRepository } from '../../persistence/identity/typeorm-seller-profile.repository';
import { TypeOrmUserRepository } from '../../persistence/identity/typeorm-user.repository';
import type { KeyValueStore } from '../../platform/cache/key-value-store';
import { AccessTokens } from '../../platform/crypto/access-tokens';
import { AesGcmPiiCipher } from '../../platform/crypto/aes-gcm-pii-cipher';
import { Argon2PasswordHasher } from '../../platform/crypto/argon2-password-hasher';
import { randomSecret, sameHash, sha256Hex } from '../../platform/crypto/opaque-token';
import type { IdGenerator } from '../../platform/ids';
import type { Logger } from '../../platform/observability/logger';
import type { AppEnv } from '../app-env';
import { createAuthenticate, type Authenticate } from '../middleware/authenticate';
import { createAdminUserRoutes } from './admin-users.routes';
import { createAuthRoutes } from './auth.routes';
import { createMeRoutes } from './me.routes';
import { createSellerRoutes } from './sellers.routes';

export interface IdentityModuleInput {
  dataSource: DataSource;
  kv: KeyValueStore;
  logger: Logger;
  settings: IdentitySettings;
  newId: IdGenerator;
  now?: () => Date;
  /** Erasers of other contexts, run on withdrawal; the list may be appended to after creation. */
  personalDataErasers?: PersonalDataEraser[];
  loginLimits?: LoginThrottleLimits;
  passwordHasher?: PasswordHasher;
}

export interface IdentityModule {
  /** Routers to mount under /api/v1. */
  routes: OpenAPIHono<AppEnv>[];
  /** Bearer-token middleware for every other context's protected routes. */
  authenticate: Authenticate;
  accounts: AccountsService;
  sessions: SessionsService;
  sellers: SellersService;
  deps: IdentityDeps;
}

/** Builds the identity context over the shared infrastructure: services, the auth middleware and routes. */
export function createIdentityModule(input: IdentityModuleInput): IdentityModule {
  const cipher = new AesGcmPiiCipher(input.settings.piiKeys, input.settings.piiHashKey);
  const users = new TypeOrmUserRepository(input.dataSource, cipher);
  const deps: IdentityDeps = {
    users,
    sellerProfiles: new TypeOrmSellerProfileRepository(input.dataSource, cipher),
    managerAssignments: new TypeOrmManagerAssignmentRepository(input.dataSource, input.newId),
    refreshTokens: new TypeOrmRefreshTokenStore(input.dataSource),
    passwords: input.passwordHasher ?? new Argon2PasswordHasher(),
    cipher,
    accessTokens: new AccessTokens(input.settings.jwtSecret, input.settings.accessTokenTtlSeconds),
    secrets: { randomSecret: () => randomSecret(), sha256Hex, sameHash },
    throttle: new LoginThrottle(input.kv, input.loginLimits),
    personalDataErasers: input.personalDataErasers ?? [],
    refreshTokenTtlSeconds: input.settings.refreshTokenTtlSeconds,
    newId: input.newId,
    now: input.now ?? (() => new Date()),
    logger: input.logger.child({ context: 'identity' }),
  };
  const accounts = new AccountsService(deps);
  const sessions = new SessionsService(deps);
  const sellers = new SellersService(deps);
  const authenticate = createAuthenticate(sessions);
  return {
    routes: [
      createAuthRoutes({ accounts, sessions }),
      createMeRoutes({ accounts, authenticate }),
      createSellerRoutes({ sellers, authenticate }),
      createAdminUserRoutes({ accounts, users, authenticate }),
    ],
    authenticate,
    accounts,
    sessions,
    sellers,
    deps,
  };
}

/** Run at every API start: creates the configured first admin when it does not exist yet. */
export async function bootstrapAdmin(input: IdentityModuleInput): Promise<'created' | 'exists'> {
  const module = createIdentityModule(input);
  const result = await module.accounts.ensureBootstrapAdmin(input.settings.bootstrapAdmin);
  if (result === 'created')
    input.logger.info(
      { admin: input.settings.bootstrapAdmin.email.replace(/^(.).*@/, '$1***@') },
      'first admin account created',
    );
  return result;
}
