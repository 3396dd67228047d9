import { z } from '@hono/zod-openapi';
import { MANAGER_PERMISSIONS, ROLES, USER_STATUSES } from '../../domain/identity/role';
import { nameField, phoneField } from './identity-fields';

export const meResponse = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    phone: z.string().openapi({ example: '010-1234-5678' }),
    role: z.enum(ROLES),
    status: z.enum(USER_STATUSES),
    createdAt: z.string().openapi({ format: 'date-time' }),
    managedSellers: z
      .array(z.object({ sellerId: z.string(), permissions: z.array(z.enum(MANAGER_PERMISSIONS)) }))
      .optional()
      .openapi({ description: 'For managers: the sellers they act for and what they may do' }),
  })
  .openapi('Me');

export const updateMeBody = z
  .object({ name: nameField.optional(), phone: phoneField.optional() })
  .openapi('UpdateMeRequest');
