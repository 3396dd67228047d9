import { createRoute } from '@hono/zod-openapi';
import type { User } from '../../domain/identity/user';
import type { Authenticate } from '../middleware/authenticate';
import { principalOf } from '../middleware/authorize';
import { createRouter } from '../router';
import type { AccountsService } from '../../application/identity/accounts';
import { bearerSecurity, problemResponse } from './identity-fields';
import { meResponse, updateMeBody } from './me.schemas';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

export function createMeRoutes(deps: { accounts: AccountsService; authenticate: Authenticate }) {
  const getMe = createRoute({
    method: 'get',
    path: '/me',
    tags: ['me'],
    summary: 'My account',
    security: bearerSecurity,
    middleware: [deps.authenticate],
    responses: {
      200: { description: 'the signed-in account', ...json(meResponse) },
      401: problemResponse('not signed in'),
    },
  });

  const patchMe = createRoute({
    method: 'patch',
    path: '/me',
    tags: ['me'],
    summary: 'Change my name or phone',
    security: bearerSecurity,
    middleware: [deps.authenticate],
    request: { body: { ...json(updateMeBody), required: true } },
    responses: {
      200: { description: 'updated', ...json(meResponse) },
      400: problemResponse('invalid field'),
      401: problemResponse('not signed in'),
    },
  });

  const deleteMe = createRoute({
    method: 'delete',
    path: '/me',
    tags: ['me'],
    summary: 'Withdraw (회원 탈퇴)',
    description:
      'Deletes my personal data at once, ends every sign-in and manager assignment. Order records the law requires (5 years) are kept without personal data. The email can sign up again.',
    security: bearerSecurity,
    middleware: [deps.authenticate],
    responses: { 204: { description: 'withdrawn' }, 401: problemResponse('not signed in') },
  });

  const view = (user: User, grants: ReturnType<typeof principalOf>['grants']) => ({
    id: user.id,
    email: user.email!.value,
    name: user.name!,
    phone: user.phone!.formatted(),
    role: user.role,
    status: user.status,
    createdAt: user.createdAt.toISOString(),
    ...(user.role === 'MANAGER'
      ? { managedSellers: grants.map((g) => ({ sellerId: g.sellerId, permissions: [...g.permissions] })) }
      : {}),
  });

  return createRouter()
    .openapi(getMe, async (c) => {
      const principal = principalOf(c);
      return c.json(view(await deps.accounts.getActive(principal.userId), principal.grants), 200);
    })
    .openapi(patchMe, async (c) => {
      const principal = principalOf(c);
      return c.json(
        view(await deps.accounts.updateMe(principal.userId, c.req.valid('json')), principal.grants),
        200,
      );
    })
    .openapi(deleteMe, async (c) => {
      await deps.accounts.withdraw(principalOf(c).userId);
      return c.body(null, 204);
    });
}
