import type {
  AccessTokenIssuer,
  ManagerAssignmentRepository,
  OpaqueSecrets,
  PasswordHasher,
  PersonalDataEraser,
  PiiCipher,
  RefreshTokenStore,
  SellerProfileRepository,
  UserRepository,
} from '../../domain/identity/ports';
import type { Log } from '../../domain/shared/log';
import type { LoginThrottle } from './login-throttle';

/** What the identity services run on; built once by the identity module. */
export interface IdentityDeps {
  users: UserRepository;
  sellerProfiles: SellerProfileRepository;
  managerAssignments: ManagerAssignmentRepository;
  refreshTokens: RefreshTokenStore;
  passwords: PasswordHasher;
  cipher: PiiCipher;
  accessTokens: AccessTokenIssuer;
  secrets: OpaqueSecrets;
  throttle: LoginThrottle;
  /** Hooks of other contexts, run on withdrawal (orders keep their legally required records anonymised). */
  personalDataErasers: PersonalDataEraser[];
  refreshTokenTtlSeconds: number;
  newId: () => string;
  now: () => Date;
  logger: Log;
}
