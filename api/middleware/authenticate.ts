import { createMiddleware } from 'hono/factory';
import type { Principal } from '../../domain/identity/principal';
import { AccessTokenError, type AccessClaims } from '../../platform/crypto/access-tokens';
import type { AppEnv } from '../app-env';
import { ProblemError } from '../problem';

/** What authentication needs from identity: check the token, then who the caller is right now. */
export interface PrincipalResolver {
  verifyAccessToken(token: string): Promise<AccessClaims>;
  principalFor(claims: AccessClaims): Promise<Principal | null>;
}

const BEARER = /^Bearer\s+([A-Za-z0-9._~+/-]+=*)\s*$/i;

/**
 * Verifies `Authorization: Bearer <JWT>` and puts the caller's principal in the context. The role,
 * account status, session and (for managers) grants are read from the database per request, so a
 * withdrawal, a logout or a revoked manager takes effect on the very next call.
 */
export function createAuthenticate(resolver: PrincipalResolver) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const match = BEARER.exec(c.req.header('authorization') ?? '');
    if (!match)
      throw new ProblemError('UNAUTHENTICATED', 'Sign in first: send Authorization: Bearer <access token>.');
    let claims: AccessClaims;
    try {
      claims = await resolver.verifyAccessToken(match[1]!);
    } catch (error) {
      if (error instanceof AccessTokenError && error.reason === 'expired') {
        throw new ProblemError('TOKEN_EXPIRED', 'The access token has expired; refresh it.');
      }
      throw new ProblemError('UNAUTHENTICATED', 'The access token is not valid.');
    }
    const principal = await resolver.principalFor(claims);
    if (!principal) throw new ProblemError('TOKEN_REVOKED', 'This sign-in has ended; sign in again.');
    c.set('principal', principal);
    await next();
  });
}

export type Authenticate = ReturnType<typeof createAuthenticate>;
