import type {
  ManagerAssignmentRepository,
  PasswordHasher,
  PersonalDataEraser,
  PiiCipher,
  RefreshTokenStore,
  SellerProfileRepository,
  UserRepository,
} from '../../domain/identity/ports';
import type { AccessTokens } from '../../platform/crypto/access-tokens';
import type { IdGenerator } from '../../platform/ids';
import type { Logger } from '../../platform/observability/logger';
import type { LoginThrottle } from './login-throttle';

/** What the identity services run on; built once by the identity module. */
export interface IdentityDeps {
  users: UserRepository;
  sellerProfiles: SellerProfileRepository;
  managerAssignments: ManagerAssignmentRepository;
  refreshTokens: RefreshTokenStore;
  passwords: PasswordHasher;
  cipher: PiiCipher;
  accessTokens: AccessTokens;
  throttle: LoginThrottle;
  /** Hooks of other contexts, run on withdrawal (orders keep their legally required records anonymised). */
  personalDataErasers: PersonalDataEraser[];
  refreshTokenTtlSeconds: number;
  newId: IdGenerator;
  now: () => Date;
  logger: Logger;
}
