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
import type { EventOutbox } from '../../domain/shared/domain-event';
import type { Log } from '../../domain/shared/log';
import type { UnitOfWork } from '../../domain/shared/unit-of-work';
import type { AbuseLimits } from '../shared/abuse-limits';
import type { RateLimiter } from '../shared/rate-limiter';
import type { LoginThrottle } from './login-throttle';

/** Mails about the account itself, sent by the notification context. */
export interface AccountNotices {
  /** Tells the owner that someone tried to sign up with their address. */
  signupAttempted(userId: string, at: Date): Promise<void>;
}

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
  rates: RateLimiter;
  abuseLimits: AbuseLimits;
  /** Absent (tests without notifications): the attempt is only logged. */
  notices?: AccountNotices;
  /** Hooks of other contexts, run on withdrawal (orders keep their legally required records anonymised). */
  personalDataErasers: PersonalDataEraser[];
  refreshTokenTtlSeconds: number;
  newId: () => string;
  now: () => Date;
  logger: Log;
  /** A change of company name is an event (the search read model shows it); absent in tests of identity alone. */
  events?: { transactions: UnitOfWork; outbox: EventOutbox };
  /** After a profile change: the product pages' cached seller disclosure goes (docs/identity.md#seller-disclosure). */
  sellerProfileChanged?: (sellerId: string) => Promise<void>;
}
