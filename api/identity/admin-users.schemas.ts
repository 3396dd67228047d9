import { z } from '@hono/zod-openapi';
import { idCursor } from '../cursor';
import { ROLES, STAFF_ROLES, USER_STATUSES } from '../../domain/identity/role';
import { passwordPolicy } from './auth.schemas';
import { emailField, nameField, passwordField, phoneField } from './identity-fields';

export const MAX_PAGE_SIZE = 100;

export const createStaffBody = z
  .object({
    email: emailField,
    password: passwordField,
    name: nameField,
    phone: phoneField,
    role: z.enum(STAFF_ROLES),
  })
  .superRefine(passwordPolicy)
  .openapi('CreateStaffRequest');

export const userSummary = z
  .object({
    id: z.string(),
    email: z.string().nullable().openapi({ description: 'Masked (k***@example.com)' }),
    name: z.string().nullable(),
    phone: z.string().nullable().openapi({ description: 'Masked (010-****-5678)' }),
    role: z.enum(ROLES),
    status: z.enum(USER_STATUSES),
    sharedBusinessNumber: z.boolean().openapi({
      description:
        'A seller whose 사업자등록번호 another seller account also uses (GET /admin/sellers/duplicate-business-numbers)',
    }),
    createdAt: z.string().openapi({ format: 'date-time' }),
    suspendedAt: z.string().nullable().openapi({ format: 'date-time' }),
    suspensionReason: z.string().nullable(),
  })
  .openapi('UserSummary');

export const userIdParam = z.object({ id: z.string().min(1).max(36) });

export const suspendBody = z
  .object({
    reason: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .openapi({ description: 'Why, for other admins (not shown to the user)' }),
  })
  .openapi('SuspendUserRequest');

export const listUsersQuery = z.object({
  role: z.enum(ROLES).optional(),
  email: z.string().max(254).optional().openapi({
    description:
      'The whole e-mail address (any case): found by its keyed hash, so exact only; a prefix cannot be searched',
  }),
  cursor: idCursor,
  size: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
});

export const userListResponse = z
  .object({ items: z.array(userSummary), nextCursor: z.string().nullable() })
  .openapi('UserList');

export const createdStaffResponse = z
  .object({ id: z.string(), email: z.string(), role: z.enum(STAFF_ROLES) })
  .openapi('CreatedStaff');
