import { createAdminUserRoutes } from '../api/identity/admin-users.routes';
import { SuspensionsService } from '../application/identity/suspensions';
import { createAuthRoutes } from '../api/identity/auth.routes';
import { createMeRoutes } from '../api/identity/me.routes';
import { createSellerRoutes } from '../api/identity/sellers.routes';
import { createAuthenticate, type Authenticate } from '../api/middleware/authenticate';
import { AccountsService } from '../application/identity/accounts';
import type { IdentityDeps } from '../application/identity/identity-deps';
import { LoginThrottle } from '../application/identity/login-throttle';
import { DEFAULT_ABUSE_LIMITS } from '../application/shared/abuse-limits';
import { RateLimiter } from '../application/shared/rate-limiter';
import { clientAddressReader } from '../api/identity/client-address';
import { SellersService } from '../application/identity/sellers';
import { SessionsService } from '../application/identity/sessions';
import type { PasswordHasher, PersonalDataEraser } from '../domain/identity/ports';
import { TypeOrmManagerAssignmentRepository } from '../persistence/identity/typeorm-manager-assignment.repository';
import { TypeOrmRefreshTokenStore } from '../persistence/identity/typeorm-refresh-token.store';
import { KeyValueSellerDisclosures } from '../persistence/identity/seller-disclosures';
import { TypeOrmSellerProfileRepository } from '../persistence/identity/typeorm-seller-profile.repository';
import { TypeOrmUserRepository } from '../persistence/identity/typeorm-user.repository';
import { AccessTokens } from '../platform/crypto/access-tokens';
import { Argon2PasswordHasher } from '../platform/crypto/argon2-password-hasher';
import { randomSecret, sameHash, sha256Hex } from '../platform/crypto/opaque-token';
import type { ContextInfra, Routes } from './context-infra';
import { TypeOrmUnitOfWork } from '../persistence/inventory/typeorm-unit-of-work';

export interface IdentityContextDeps {
  /** Erasers of other contexts, run on withdrawal; the list may be appended to after creation. */
  personalDataErasers?: PersonalDataEraser[];
  passwordHasher?: PasswordHasher;
}

export interface IdentityContext {
  /** Bearer-token middleware for every other context's protected routes. */
  authenticate: Authenticate;
  accounts: AccountsService;
  sessions: SessionsService;
  sellers: SellersService;
  /** The repositories other contexts read (recipients, sellers' bank accounts, chat's seller check). */
  deps: IdentityDeps;
  routes(): Routes;
}

/** Accounts, sessions and sellers over the shared infrastructure; identity runs in the API alone. */
export function createIdentityContext(infra: ContextInfra, deps: IdentityContextDeps = {}): IdentityContext {
  const { dataSource, cipher, identity: settings } = infra;
  const abuseLimits = infra.api?.abuse?.limits ?? DEFAULT_ABUSE_LIMITS;
  const rates = new RateLimiter(infra.kv, infra.logger);
  const disclosures = new KeyValueSellerDisclosures(dataSource, cipher, infra.kv);
  const identityDeps: IdentityDeps = {
    users: new TypeOrmUserRepository(dataSource, cipher),
    sellerProfiles: new TypeOrmSellerProfileRepository(dataSource, cipher),
    managerAssignments: new TypeOrmManagerAssignmentRepository(dataSource, infra.newId),
    refreshTokens: new TypeOrmRefreshTokenStore(dataSource),
    passwords: deps.passwordHasher ?? new Argon2PasswordHasher(),
    cipher,
    accessTokens: new AccessTokens(settings.jwtSecret, settings.accessTokenTtlSeconds),
    secrets: { randomSecret: () => randomSecret(), sha256Hex, sameHash },
    throttle: new LoginThrottle(infra.kv, abuseLimits.login, abuseLimits.loginPerClient),
    rates,
    abuseLimits,
    personalDataErasers: deps.personalDataErasers ?? [],
    refreshTokenTtlSeconds: settings.refreshTokenTtlSeconds,
    newId: infra.newId,
    now: infra.now,
    logger: infra.logger.child({ context: 'identity' }),
    events: { transactions: new TypeOrmUnitOfWork(dataSource), outbox: infra.outbox },
    sellerProfileChanged: (sellerId) => disclosures.forget(sellerId),
  };
  const accounts = new AccountsService(identityDeps);
  const sessions = new SessionsService(identityDeps);
  const sellers = new SellersService(identityDeps);
  const authenticate = createAuthenticate(sessions);
  return {
    authenticate,
    accounts,
    sessions,
    sellers,
    deps: identityDeps,
    routes: () => [
      createAuthRoutes({
        accounts,
        sessions,
        rates,
        limits: abuseLimits,
        clientOf: clientAddressReader(infra.api?.abuse?.trustedProxyHops),
      }),
      createMeRoutes({ accounts, authenticate }),
      createSellerRoutes({ sellers, authenticate }),
      createAdminUserRoutes({
        accounts,
        suspensions: new SuspensionsService(identityDeps),
        users: identityDeps.users,
        authenticate,
        sellersSharingBusinessNumber: () => sellers.sellersSharingBusinessNumber(),
      }),
    ],
  };
}

/** Run at every API start: creates the configured first admin when it does not exist yet. */
export async function bootstrapAdmin(infra: ContextInfra): Promise<'created' | 'exists'> {
  const { bootstrapAdmin: admin } = infra.identity;
  const result = await createIdentityContext(infra).accounts.ensureBootstrapAdmin(admin);
  if (result === 'created')
    infra.logger.info({ admin: admin.email.replace(/^(.).*@/, '$1***@') }, 'first admin account created');
  return result;
}
