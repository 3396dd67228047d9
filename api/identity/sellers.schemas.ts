import { z } from '@hono/zod-openapi';
import { MANAGER_PERMISSIONS } from '../../domain/identity/role';
import { emailField, nameField, permissionsField, phoneField } from './identity-fields';

export const sellerIdParam = z.object({
  sellerId: z
    .string()
    .min(1)
    .max(36)
    .openapi({ param: { name: 'sellerId', in: 'path' } }),
});
export const sellerManagerParams = sellerIdParam.extend({
  managerId: z
    .string()
    .min(1)
    .max(36)
    .openapi({ param: { name: 'managerId', in: 'path' } }),
});

const settlementAccount = z
  .object({
    bankCode: z
      .string()
      .regex(/^\d{3}$/, 'must be a 3-digit bank code')
      .openapi({ example: '004' }),
    accountNumber: z
      .string()
      .regex(/^[\d\s-]{10,20}$/, 'must be 10–14 digits')
      .openapi({ example: '123456-78-901234' }),
    holder: z.string().trim().min(1).max(50).openapi({ example: '민지상회' }),
  })
  .openapi('SettlementAccount');

export const sellerProfileResponse = z
  .object({
    sellerId: z.string(),
    businessNumber: z.string().openapi({ example: '220-81-62517' }),
    companyName: z.string(),
    representative: z.string().nullable(),
    contactPhone: z.string().nullable(),
    settlementAccount: settlementAccount
      .nullable()
      .openapi({ description: 'Full for the seller and admins; the account number is masked for managers' }),
    updatedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('SellerProfile');

export const updateSellerProfileBody = z
  .object({
    companyName: z.string().trim().min(1).max(100).optional(),
    representative: nameField.optional(),
    contactPhone: phoneField.nullable().optional(),
    settlementAccount: settlementAccount.optional(),
  })
  .openapi('UpdateSellerProfileRequest');

export const assignManagerBody = z
  .object({
    managerId: z.string().min(1).max(36).optional(),
    email: emailField
      .optional()
      .openapi({ description: 'The manager account’s email, instead of managerId' }),
    permissions: permissionsField,
  })
  .superRefine((body, ctx) => {
    if (!body.managerId === !body.email)
      ctx.addIssue({ code: 'custom', path: ['managerId'], message: 'give either managerId or email' });
  })
  .openapi('AssignManagerRequest');

export const managerResponse = z
  .object({
    sellerId: z.string(),
    managerId: z.string(),
    email: z.string().nullable(),
    name: z.string().nullable(),
    permissions: z.array(z.enum(MANAGER_PERMISSIONS)),
    assignedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('ManagerAssignment');

export const managerListResponse = z
  .object({ items: z.array(managerResponse) })
  .openapi('ManagerAssignmentList');
