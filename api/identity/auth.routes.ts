import { createRoute } from '@hono/zod-openapi';
import { createRouter } from '../router';
import type { AccountsService } from '../../application/identity/accounts';
import { loginBody, logoutBody, refreshBody, signupBody, signupResponse } from './auth.schemas';
import { clientAddress } from './client-address';
import { problemResponse, tokenPair } from './identity-fields';
import type { SessionsService } from '../../application/identity/sessions';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

const signup = createRoute({
  method: 'post',
  path: '/auth/signup',
  tags: ['auth'],
  summary: 'Create a consumer or seller account',
  description:
    'Sellers also send their business: 사업자등록번호 (check digit validated), company name and representative.',
  request: { body: { ...json(signupBody), required: true } },
  responses: {
    201: { description: 'created', ...json(signupResponse) },
    400: problemResponse('a field is invalid (each one named in `errors`)'),
    409: problemResponse('EMAIL_ALREADY_REGISTERED'),
  },
});

const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['auth'],
  summary: 'Sign in with email and password',
  description:
    'An unknown email and a wrong password get the same 401. Five failures for one email lock it for 15 minutes (429 LOGIN_LOCKED); one address may try 30 times a minute (429 RATE_LIMITED).',
  request: { body: { ...json(loginBody), required: true } },
  responses: {
    200: { description: 'signed in', ...json(tokenPair) },
    400: problemResponse('malformed email'),
    401: problemResponse('INVALID_CREDENTIALS'),
    429: problemResponse('LOGIN_LOCKED or RATE_LIMITED, with retryAfterSeconds'),
  },
});

const refresh = createRoute({
  method: 'post',
  path: '/auth/refresh',
  tags: ['auth'],
  summary: 'Exchange a refresh token for a new token pair',
  description:
    'The refresh token is single use. Presenting a spent one again ends the whole sign-in (every token issued from it).',
  request: { body: { ...json(refreshBody), required: true } },
  responses: {
    200: { description: 'new tokens', ...json(tokenPair) },
    401: problemResponse('INVALID_REFRESH_TOKEN or REFRESH_TOKEN_REUSED'),
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

export function createAuthRoutes(deps: { accounts: AccountsService; sessions: SessionsService }) {
  return createRouter()
    .openapi(signup, async (c) => {
      const body = c.req.valid('json');
      const user = await deps.accounts.signup(body);
      return c.json({ id: user.id, email: user.email!.value, role: body.role }, 201);
    })
    .openapi(login, async (c) =>
      c.json(await deps.sessions.login(c.req.valid('json'), clientAddress(c)), 200),
    )
    .openapi(refresh, async (c) => c.json(await deps.sessions.refresh(c.req.valid('json').refreshToken), 200))
    .openapi(logout, async (c) => {
      await deps.sessions.logout({ refreshToken: c.req.valid('json').refreshToken });
      return c.body(null, 204);
    });
}
