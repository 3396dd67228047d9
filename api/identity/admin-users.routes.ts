import { createRoute } from '@hono/zod-openapi';
import { Email, maskEmail } from '../../domain/identity/email';
import { maskPhone } from '../../domain/identity/phone-number';
import type { UserRepository } from '../../domain/identity/ports';
import type { Authenticate } from '../middleware/authenticate';
import { principalOf, requireRole } from '../middleware/authorize';
import { createRouter } from '../router';
import type { AccountsService } from '../../application/identity/accounts';
import type { SuspensionsService } from '../../application/identity/suspensions';
import type { User } from '../../domain/identity/user';
import {
  createdStaffResponse,
  createStaffBody,
  listUsersQuery,
  suspendBody,
  userIdParam,
  userListResponse,
  userSummary,
} from './admin-users.schemas';
import { bearerSecurity, problemResponse } from './identity-fields';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

export function createAdminUserRoutes(deps: {
  accounts: AccountsService;
  suspensions: SuspensionsService;
  users: UserRepository;
  authenticate: Authenticate;
  /** Sellers whose 사업자등록번호 another seller account also uses (docs/identity.md#seller-disclosure). */
  sellersSharingBusinessNumber?: () => Promise<Set<string>>;
}) {
  const adminOnly = [deps.authenticate, requireRole('ADMIN')];
  const denied = { 401: problemResponse('not signed in'), 403: problemResponse('FORBIDDEN: admins only') };

  const createStaff = createRoute({
    method: 'post',
    path: '/admin/users',
    tags: ['admin'],
    summary: 'Create an admin or manager account',
    security: bearerSecurity,
    middleware: adminOnly,
    request: { body: { ...json(createStaffBody), required: true } },
    responses: {
      201: { description: 'created', ...json(createdStaffResponse) },
      400: problemResponse('invalid field'),
      ...denied,
      409: problemResponse('EMAIL_ALREADY_REGISTERED'),
    },
  });

  const listUsers = createRoute({
    method: 'get',
    path: '/admin/users',
    tags: ['admin'],
    summary: 'List accounts, or find one by its whole e-mail address (personal data masked)',
    security: bearerSecurity,
    middleware: adminOnly,
    request: { query: listUsersQuery },
    responses: { 200: { description: 'a page of accounts', ...json(userListResponse) }, ...denied },
  });

  const suspend = createRoute({
    method: 'post',
    path: '/admin/users/{id}/suspend',
    tags: ['admin'],
    summary: 'Suspend an account: its sign-ins end at once, sign-in and refresh answer 403 ACCOUNT_SUSPENDED',
    security: bearerSecurity,
    middleware: adminOnly,
    request: { params: userIdParam, body: { ...json(suspendBody), required: true } },
    responses: {
      200: { description: 'suspended (again: unchanged)', ...json(userSummary) },
      400: problemResponse('invalid field'),
      ...denied,
      404: problemResponse('USER_NOT_FOUND'),
      409: problemResponse('CANNOT_SUSPEND_SELF or ACCOUNT_WITHDRAWN'),
    },
  });

  const reactivate = createRoute({
    method: 'post',
    path: '/admin/users/{id}/reactivate',
    tags: ['admin'],
    summary: 'Reactivate a suspended account (it signs in again)',
    security: bearerSecurity,
    middleware: adminOnly,
    request: { params: userIdParam },
    responses: {
      200: { description: 'active (already active: unchanged)', ...json(userSummary) },
      ...denied,
      404: problemResponse('USER_NOT_FOUND'),
      409: problemResponse('ACCOUNT_WITHDRAWN'),
    },
  });

  const summaryOf = (u: User, sharing: Set<string>) => ({
    id: u.id,
    email: u.email ? maskEmail(u.email.value) : null,
    name: u.name ? `${u.name[0]}${'*'.repeat(Math.max(1, u.name.length - 1))}` : null,
    phone: u.phone ? maskPhone(u.phone.value) : null,
    role: u.role,
    status: u.status,
    sharedBusinessNumber: sharing.has(u.id),
    createdAt: u.createdAt.toISOString(),
    suspendedAt: u.suspendedAt?.toISOString() ?? null,
    suspensionReason: u.suspensionReason,
  });

  /** Exact look-up through the keyed hash (docs/identity.md): a hash cannot answer a prefix. */
  async function byEmail(email: string, role: string | undefined) {
    const user = await deps.users.findByEmail(Email.create(email, 'query.email'));
    return { items: user && (!role || user.role === role) ? [user] : [], nextCursor: null };
  }

  return createRouter()
    .openapi(createStaff, async (c) => {
      const body = c.req.valid('json');
      const user = await deps.accounts.signup(body, principalOf(c).userId);
      return c.json({ id: user.id, email: user.email!.value, role: body.role }, 201);
    })
    .openapi(listUsers, async (c) => {
      const query = c.req.valid('query');
      const page =
        query.email !== undefined
          ? await byEmail(query.email, query.role)
          : await deps.users.list({ role: query.role, cursor: query.cursor, limit: query.size });
      const sharing = page.items.some((u) => u.role === 'SELLER')
        ? ((await deps.sellersSharingBusinessNumber?.()) ?? new Set<string>())
        : new Set<string>();
      return c.json(
        { items: page.items.map((u) => summaryOf(u, sharing)), nextCursor: page.nextCursor },
        200,
      );
    })
    .openapi(suspend, async (c) => {
      const user = await deps.suspensions.suspend({
        userId: c.req.valid('param').id,
        reason: c.req.valid('json').reason,
        adminId: principalOf(c).userId,
      });
      return c.json(summaryOf(user, new Set()), 200);
    })
    .openapi(reactivate, async (c) => {
      const user = await deps.suspensions.reactivate({
        userId: c.req.valid('param').id,
        adminId: principalOf(c).userId,
      });
      return c.json(summaryOf(user, new Set()), 200);
    });
}
