import { errors, jwtVerify, SignJWT } from 'jose';
import type { Role } from '../../domain/identity/role';
import { ROLES } from '../../domain/identity/role';

export interface AccessClaims {
  userId: string;
  role: Role;
  sessionId: string;
}

export class AccessTokenError extends Error {
  constructor(readonly reason: 'expired' | 'invalid') {
    super(reason === 'expired' ? 'The access token has expired' : 'The access token is not valid');
    this.name = 'AccessTokenError';
  }
}

const ISSUER = 'jangteo';
const AUDIENCE = 'jangteo-api';

/** Short-lived HS256 JWTs (jose). The role in the token is informative; the server re-reads it per request. */
export class AccessTokens {
  private readonly key: Uint8Array;

  constructor(
    secret: Buffer,
    readonly ttlSeconds: number,
  ) {
    if (secret.length < 32) throw new Error('the JWT secret must be at least 32 bytes');
    this.key = new Uint8Array(secret);
  }

  async issue(claims: AccessClaims, now: Date): Promise<{ token: string; expiresIn: number }> {
    const iat = Math.floor(now.getTime() / 1000);
    const token = await new SignJWT({ role: claims.role, sid: claims.sessionId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(iat)
      .setExpirationTime(iat + this.ttlSeconds)
      .sign(this.key);
    return { token, expiresIn: this.ttlSeconds };
  }

  async verify(token: string, now: Date): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        currentDate: now,
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      const role = payload.role as Role;
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string' || !ROLES.includes(role)) {
        throw new AccessTokenError('invalid');
      }
      return { userId: payload.sub, role, sessionId: payload.sid };
    } catch (error) {
      if (error instanceof AccessTokenError) throw error;
      if (error instanceof errors.JWTExpired) throw new AccessTokenError('expired');
      throw new AccessTokenError('invalid');
    }
  }
}
