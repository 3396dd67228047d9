import { Email } from '../../domain/identity/email';
import { accountSuspended, IdentityErrorCode } from '../../domain/identity/identity-errors';
import type { Principal } from '../../domain/identity/principal';
import { decideRefresh, nextTokenExpiry, type RefreshTokenFamily } from '../../domain/identity/refresh-token';
import type { AccessClaims } from '../../domain/identity/ports';
import type { Role } from '../../domain/identity/role';
import { DomainError } from '../../domain/shared/domain-error';
import { koreanWait, rateLimitedError } from '../shared/rate-limiter';
import type { IdentityDeps } from './identity-deps';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  tokenType: 'Bearer';
}

/** However often it rotates, a sign-in ends after this and the user signs in again. */
const FAMILY_MAX_LIFETIME_MS = 90 * 86400_000;

const invalidCredentials = () =>
  new DomainError(IdentityErrorCode.INVALID_CREDENTIALS, 'The email or the password is incorrect.');
const invalidRefresh = () =>
  new DomainError(IdentityErrorCode.INVALID_REFRESH_TOKEN, 'The refresh token is not valid; sign in again.');

/** The 429 of a refused sign-in, telling the user how long to wait (Korean UI text, and `Retry-After`). */
function loginRefused(
  reason: 'locked' | 'account-locked' | 'rate-limited',
  retryAfterMs: number,
): DomainError {
  if (reason === 'rate-limited') return rateLimitedError(retryAfterMs, '로그인');
  const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const wait = `${koreanWait(retryAfterMs)} 후에 다시 시도해 주세요.`;
  return new DomainError(
    IdentityErrorCode.LOGIN_LOCKED,
    reason === 'locked'
      ? `비밀번호를 여러 번 잘못 입력해 이 기기에서의 로그인이 잠겼습니다. ${wait}`
      : `이 계정에 로그인 실패가 너무 많아 잠시 로그인을 막았습니다. ${wait}`,
    { retryAfterSeconds, lockedFor: reason === 'locked' ? 'ACCOUNT_AND_CLIENT' : 'ACCOUNT' },
  );
}

/** Login, token rotation, logout, and turning an access token into the current principal. */
export class SessionsService {
  private dummyHash: Promise<string> | undefined;

  constructor(private readonly deps: IdentityDeps) {}

  async login(input: { email: string; password: string }, client: string): Promise<TokenPair> {
    const { users, passwords, throttle, cipher, logger } = this.deps;
    const email = Email.create(input.email, 'json.email');
    const emailKey = cipher.lookupHash(email.value);
    const verdict = await throttle.check(emailKey, client);
    if (!verdict.allowed) {
      logger.warn({ email: email.masked(), reason: verdict.reason }, 'login refused by throttle');
      throw loginRefused(verdict.reason, verdict.retryAfterMs);
    }
    const user = await users.findByEmail(email);
    // An unknown email costs one hash verification too, so timing does not tell it apart.
    const ok = user?.passwordHash
      ? await passwords.verify(user.passwordHash, input.password)
      : (await passwords.verify(await this.dummy(), input.password), false);
    if (ok && user?.status === 'SUSPENDED') {
      logger.warn({ userId: user.id }, 'login refused: account suspended');
      throw accountSuspended();
    }
    if (!ok || !user || user.status !== 'ACTIVE') {
      const locked = await throttle.recordFailure(emailKey, client);
      logger.warn({ email: email.masked(), locked }, 'login failed');
      throw invalidCredentials();
    }
    await throttle.recordSuccess(emailKey, client);
    logger.info({ userId: user.id }, 'login succeeded');
    return this.startSession(user.id, user.role);
  }

  async startSession(userId: string, role: Role): Promise<TokenPair> {
    const now = this.deps.now();
    const family: RefreshTokenFamily = {
      id: this.deps.newId(),
      userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + FAMILY_MAX_LIFETIME_MS),
      revokedAt: null,
      revokedReason: null,
    };
    await this.deps.refreshTokens.createFamily(family);
    return this.issuePair(family, role, now);
  }

  /** Limited per account once the token proves which one, so a stranger cannot spend the owner's quota. */
  async refresh(presented: string): Promise<TokenPair> {
    const { refreshTokens, users, logger, rates, abuseLimits } = this.deps;
    const now = this.deps.now();
    const [tokenId, secret] = presented.split('.');
    if (!tokenId || !secret) throw invalidRefresh();
    const token = await refreshTokens.findToken(tokenId);
    if (!token || !this.secretMatches(token.secretHash, secret)) throw invalidRefresh();
    await rates.consume('토큰 갱신', [`refresh:account:${token.userId}`, abuseLimits.refreshPerAccount]);
    // Suspension already ended the sign-in; the owner of the token is told why rather than "invalid".
    const access = await users.findAccess(token.userId);
    if (access?.status === 'SUSPENDED') throw accountSuspended();
    const family = await refreshTokens.findFamily(token.familyId);
    if (!family) throw invalidRefresh();
    const decision = decideRefresh(token, family, now);
    if (decision.kind === 'rotate' && !(await refreshTokens.markUsed(token.id, now))) {
      // Lost a race with another use of the same token: that is a reuse as well.
      return this.reuseDetected(family, now);
    }
    if (decision.kind === 'reuse-detected') return this.reuseDetected(family, now);
    if (decision.kind === 'rejected') throw invalidRefresh();
    if (!access || access.status !== 'ACTIVE') {
      await refreshTokens.revokeFamily(family.id, now, 'WITHDRAWAL');
      throw invalidRefresh();
    }
    logger.debug({ userId: token.userId, sessionId: family.id }, 'refresh token rotated');
    return this.issuePair(family, access.role, now);
  }

  /** Ends the sign-in the refresh token (or the access token's session) belongs to. */
  async logout(input: { refreshToken?: string; sessionId?: string }): Promise<void> {
    const now = this.deps.now();
    let familyId = input.sessionId;
    if (input.refreshToken) {
      const [tokenId, secret] = input.refreshToken.split('.');
      const token = tokenId && secret ? await this.deps.refreshTokens.findToken(tokenId) : null;
      if (token && this.secretMatches(token.secretHash, secret!)) familyId = token.familyId;
      else if (!familyId) throw invalidRefresh();
    }
    if (familyId) await this.deps.refreshTokens.revokeFamily(familyId, now, 'LOGOUT');
  }

  /**
   * The principal behind a verified access token, as of now: null when the account is no longer
   * active or the sign-in was ended (ACCOUNT_SUSPENDED thrown for a suspended one, so the client
   * says why). Managers get their current grants.
   */
  async principalFor(claims: AccessClaims): Promise<Principal | null> {
    const { account: access, live } = await this.deps.refreshTokens.sessionAccess(
      claims.userId,
      claims.sessionId,
    );
    if (access?.status === 'SUSPENDED') throw accountSuspended();
    if (!access || access.status !== 'ACTIVE' || !live) return null;
    if (access.role !== 'MANAGER')
      return { userId: claims.userId, role: access.role, sessionId: claims.sessionId, grants: [] };
    const { active, revokedSellerIds } = await this.deps.managerAssignments.grantsOf(claims.userId);
    return {
      userId: claims.userId,
      role: access.role,
      sessionId: claims.sessionId,
      grants: active,
      revokedSellerIds,
    };
  }

  async verifyAccessToken(token: string): Promise<AccessClaims> {
    return this.deps.accessTokens.verify(token, this.deps.now());
  }

  private async reuseDetected(family: RefreshTokenFamily, now: Date): Promise<never> {
    await this.deps.refreshTokens.revokeFamily(family.id, now, 'REUSE_DETECTED');
    this.deps.logger.warn(
      { userId: family.userId, sessionId: family.id },
      'spent refresh token presented again: session revoked',
    );
    throw new DomainError(
      IdentityErrorCode.REFRESH_TOKEN_REUSED,
      'This refresh token was already used; the session has been ended. Sign in again.',
    );
  }

  private async issuePair(family: RefreshTokenFamily, role: Role, now: Date): Promise<TokenPair> {
    const secret = this.deps.secrets.randomSecret();
    const tokenId = this.deps.newId();
    await this.deps.refreshTokens.insertToken({
      id: tokenId,
      familyId: family.id,
      userId: family.userId,
      secretHash: this.deps.secrets.sha256Hex(secret),
      createdAt: now,
      expiresAt: nextTokenExpiry(family, now, this.deps.refreshTokenTtlSeconds * 1000),
      usedAt: null,
    });
    const access = await this.deps.accessTokens.issue(
      { userId: family.userId, role, sessionId: family.id },
      now,
    );
    return {
      accessToken: access.token,
      refreshToken: `${tokenId}.${secret}`,
      expiresIn: access.expiresIn,
      tokenType: 'Bearer',
    };
  }

  private secretMatches(storedHash: string, secret: string): boolean {
    return this.deps.secrets.sameHash(storedHash, this.deps.secrets.sha256Hex(secret));
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= this.deps.passwords.hash(this.deps.secrets.randomSecret());
    return this.dummyHash;
  }
}
