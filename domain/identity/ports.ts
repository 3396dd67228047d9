import type { Email } from './email';
import type { ManagerAssignment } from './manager-assignment';
import type { ManagerGrant } from './principal';
import type { PhoneNumber } from './phone-number';
import type { RefreshTokenFamily, RefreshTokenRecord, RevocationReason } from './refresh-token';
import type { Role, UserStatus } from './role';
import type { BusinessNumber } from './business-number';
import type { SellerProfile } from './seller-profile';
import type { User } from './user';
import type { Transaction } from '../shared/unit-of-work';

/** The ports of the identity context, implemented in persistence/identity and platform/crypto. */

export interface UserPage {
  items: User[];
  nextCursor: string | null;
}

export interface UserRepository {
  /** Inserts; throws DomainError EMAIL_ALREADY_REGISTERED when an active account has the email. */
  create(user: User): Promise<void>;
  findById(id: string): Promise<User | null>;
  /** Role and status only (no decryption): read on every authenticated request. */
  findAccess(id: string): Promise<{ role: Role; status: UserStatus } | null>;
  findByEmail(email: Email): Promise<User | null>;
  findByPhone(phone: PhoneNumber): Promise<User[]>;
  update(user: User): Promise<void>;
  list(filter: { role?: Role; cursor?: string; limit: number }): Promise<UserPage>;
}

export interface SellerProfileRepository {
  save(profile: SellerProfile, tx?: Transaction): Promise<void>;
  findBySellerId(sellerId: string): Promise<SellerProfile | null>;
  /** Profiles sharing a 사업자등록번호 with another profile, grouped by number. */
  sharedBusinessNumbers(): Promise<{ businessNumber: BusinessNumber; profiles: SellerProfile[] }[]>;
}

export interface ManagerAssignmentRepository {
  /** Creates the assignment or replaces the permissions of an existing one (re-activating it). */
  upsert(assignment: ManagerAssignment): Promise<void>;
  find(sellerId: string, managerId: string): Promise<ManagerAssignment | null>;
  listBySeller(sellerId: string): Promise<ManagerAssignment[]>;
  /** Active grants of a manager, read on every request so revocation is immediate. */
  activeGrantsOf(managerId: string): Promise<ManagerGrant[]>;
  /** Active grants and the sellers that revoked this manager (so it is told why access ended), in one read. */
  grantsOf(managerId: string): Promise<{ active: ManagerGrant[]; revokedSellerIds: string[] }>;
  /** Revokes every active assignment the user is part of (as seller or manager). */
  revokeAllOf(userId: string, at: Date, by: string): Promise<void>;
}

/** What authenticating a request needs, read at once: the account as it is now, and its sign-in. */
export interface SessionAccess {
  account: { role: Role; status: UserStatus } | null;
  /** The sign-in (refresh-token family) exists, is the account's own and has not been revoked. */
  live: boolean;
}

export interface RefreshTokenStore {
  createFamily(family: RefreshTokenFamily): Promise<void>;
  findFamily(familyId: string): Promise<RefreshTokenFamily | null>;
  /** One read per authenticated request (docs/identity.md): the account and whether `familyId` is live. */
  sessionAccess(userId: string, familyId: string): Promise<SessionAccess>;
  insertToken(token: RefreshTokenRecord & { secretHash: string; createdAt: Date }): Promise<void>;
  findToken(tokenId: string): Promise<(RefreshTokenRecord & { secretHash: string }) | null>;
  /** Marks the token used; false when it was already used (a concurrent or replayed refresh). */
  markUsed(tokenId: string, at: Date): Promise<boolean>;
  revokeFamily(familyId: string, at: Date, reason: RevocationReason): Promise<void>;
  revokeAllFamiliesOf(userId: string, at: Date, reason: RevocationReason): Promise<void>;
}

export interface PasswordHasher {
  hash(plaintext: string): Promise<string>;
  verify(hash: string, plaintext: string): Promise<boolean>;
}

/**
 * Encrypts personal data for storage. Ciphertexts carry the id of the key that made them, so keys
 * rotate without re-encrypting everything at once.
 */
export interface PiiCipher {
  encrypt(plaintext: string): string;
  decrypt(ciphertext: string): string;
  /** A keyed, deterministic hash of the normalised value, for equality look-ups (email, phone). */
  lookupHash(normalised: string): string;
}

/**
 * Other contexts register one to erase (or anonymise) what they hold about a user when the user
 * withdraws, keeping only what the law requires. Must be idempotent: withdrawal may be retried.
 */
export interface PersonalDataEraser {
  readonly name: string;
  erasePersonalData(userId: string, at: Date): Promise<void>;
}

/** Who an access token was issued to, for which sign-in (session). */
export interface AccessClaims {
  userId: string;
  role: Role;
  sessionId: string;
}

/** Issues and verifies short-lived access tokens (platform/crypto). Verify throws on an expired or bad token. */
export interface AccessTokenIssuer {
  issue(claims: AccessClaims, now: Date): Promise<{ token: string; expiresIn: number }>;
  verify(token: string, now: Date): Promise<AccessClaims>;
}

/** Random bearer secrets the server keeps only as hashes (refresh tokens). */
export interface OpaqueSecrets {
  randomSecret(): string;
  sha256Hex(value: string): string;
  /** Constant-time comparison of two hex hashes. */
  sameHash(a: string, b: string): boolean;
}
