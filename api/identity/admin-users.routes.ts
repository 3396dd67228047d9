import { createRoute } from '@hono/zod-openapi';
import { Email, maskEmail } from '../../domain/identity/email';
import { maskPhone } from '../../domain/identity/phone-number';
import type { UserRepository } from '../../domain/identity/ports';
import type { Authenticate } from '../middleware/authenticate';
import { principalOf, requireRole } from '../middleware/authorize';
import { createRouter } from '../router';
import type { AccountsService } from '../../application/identity/accounts';
import {
  createdStaffResponse,
  createStaffBody,
  listUsersQuery,
  userListResponse,
} from './admin-users.schemas';
import { bearerSecurity, problemResponse } from './identity-fields';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

export function createAdminUserRoutes(deps: {
  accounts: AccountsService;
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
        {
          items: page.items.map((u) => ({
            id: u.id,
            email: u.email ? maskEmail(u.email.value) : null,
            name: u.name ? `${u.name[0]}${'*'.repeat(Math.max(1, u.name.length - 1))}` : null,
            phone: u.phone ? maskPhone(u.phone.value) : null,
            role: u.role,
            status: u.status,
            sharedBusinessNumber: sharing.has(u.id),
            createdAt: u.createdAt.toISOString(),
          })),
          nextCursor: page.nextCursor,
        },
        200,
      );
    });
}
