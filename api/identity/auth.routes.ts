import { createRoute } from '@hono/zod-openapi';
import { createRouter } from '../router';
import type { AccountsService } from '../../application/identity/accounts';
import type { AbuseLimits } from '../../application/shared/abuse-limits';
import type { RateLimiter } from '../../application/shared/rate-limiter';
import { rateLimitPerClient } from '../middleware/rate-limit';
import { loginBody, logoutBody, refreshBody, signupBody, signupResponse } from './auth.schemas';
import type { ClientOf } from './client-address';
import { problemResponse, tokenPair } from './identity-fields';
import type { SessionsService } from '../../application/identity/sessions';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

const signup = createRoute({
  method: 'post',
  path: '/auth/signup',
  tags: ['auth'],
  summary: 'Create a consumer or seller account',
  description:
    'Sellers also send their business: 사업자등록번호 (check digit validated), company name and representative. ' +
    'An e-mail that already has an account gets the same 201 (with an id that names no account) and its owner a mail, ' +
    'so this call does not reveal who has an account (docs/security.md). One client address may sign up 20 times in 10 minutes (RATE_LIMIT_SIGNUP).',
  request: { body: { ...json(signupBody), required: true } },
  responses: {
    201: {
      description: 'created, or the e-mail was already registered (its owner is told)',
      ...json(signupResponse),
    },
    400: problemResponse('a field is invalid (each one named in `errors`)'),
    429: problemResponse('RATE_LIMITED, with `Retry-After` and retryAfterSeconds'),
  },
});

const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['auth'],
  summary: 'Sign in with email and password',
  description:
    'An unknown email and a wrong password get the same 401. Five failures for one email from one client address lock that pair for 15 minutes ' +
    '(429 LOGIN_LOCKED, `lockedFor: ACCOUNT_AND_CLIENT`): the owner signs in from another client meanwhile. 100 failures from all clients lock the email (`lockedFor: ACCOUNT`). ' +
    'One address may try 30 times a minute (429 RATE_LIMITED). Every 429 carries `Retry-After` and a Korean detail saying how long to wait.',
  request: { body: { ...json(loginBody), required: true } },
  responses: {
    200: { description: 'signed in', ...json(tokenPair) },
    400: problemResponse('malformed email'),
    401: problemResponse('INVALID_CREDENTIALS'),
    403: problemResponse('ACCOUNT_SUSPENDED (right password, account suspended by an admin)'),
    429: problemResponse('LOGIN_LOCKED or RATE_LIMITED, with retryAfterSeconds'),
  },
});

const refresh = createRoute({
  method: 'post',
  path: '/auth/refresh',
  tags: ['auth'],
  summary: 'Exchange a refresh token for a new token pair',
  description:
    'The refresh token is single use. Presenting a spent one again ends the whole sign-in (every token issued from it). ' +
    'Limited to 120 calls a minute per client address and 10 a minute per account (RATE_LIMIT_REFRESH*).',
  request: { body: { ...json(refreshBody), required: true } },
  responses: {
    200: { description: 'new tokens', ...json(tokenPair) },
    401: problemResponse('INVALID_REFRESH_TOKEN or REFRESH_TOKEN_REUSED'),
    403: problemResponse('ACCOUNT_SUSPENDED (the sign-in is ended)'),
    429: problemResponse('RATE_LIMITED (per client address, or per account), with `Retry-After`'),
  },
});

const logout = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['auth'],
  summary: 'End a sign-in',
  description: 'Revokes the refresh token’s family; access tokens of that sign-in stop working at once.',
  request: { body: { ...json(logoutBody), required: true } },
  responses: { 204: { description: 'signed out' }, 401: problemResponse('INVALID_REFRESH_TOKEN') },
});

export function createAuthRoutes(deps: {
  accounts: AccountsService;
  sessions: SessionsService;
  rates: RateLimiter;
  limits: AbuseLimits;
  clientOf: ClientOf;
}) {
  const perClient = (name: string, what: string, rule: AbuseLimits['signupPerClient']) =>
    rateLimitPerClient({ limiter: deps.rates, clientOf: deps.clientOf, name, what, rule });
  const router = createRouter();
  router.use('/auth/signup', perClient('signup', '회원가입', deps.limits.signupPerClient));
  router.use('/auth/refresh', perClient('refresh', '토큰 갱신', deps.limits.refreshPerClient));
  return router
    .openapi(signup, async (c) => {
      const body = c.req.valid('json');
      const answer = await deps.accounts.register(body);
      return c.json({ id: answer.id, email: answer.email, role: body.role }, 201);
    })
    .openapi(login, async (c) =>
      c.json(await deps.sessions.login(c.req.valid('json'), deps.clientOf(c) ?? 'in-process'), 200),
    )
    .openapi(refresh, async (c) => c.json(await deps.sessions.refresh(c.req.valid('json').refreshToken), 200))
    .openapi(logout, async (c) => {
      await deps.sessions.logout({ refreshToken: c.req.valid('json').refreshToken });
      return c.body(null, 204);
    });
}
