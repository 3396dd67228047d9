import { z } from '@hono/zod-openapi';
import { MANAGER_PERMISSIONS } from '../../domain/identity/role';
import { businessAddress, mailOrderNumber } from '../../domain/identity/seller-profile';
import { checkedBy, emailField, nameField, permissionsField, phoneField } from './identity-fields';

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

/** The 표시사항 a seller gives at signup or later; each is shown on the seller's product pages. */
export const sellerDisclosureFields = {
  mailOrderNumber: z
    .string()
    .max(40)
    .superRefine(checkedBy((v) => mailOrderNumber(v)))
    .optional()
    .openapi({ description: '통신판매업 신고번호', example: '2024-서울강남-01234' }),
  businessAddress: z
    .string()
    .max(200)
    .superRefine(checkedBy((v) => businessAddress(v)))
    .optional()
    .openapi({ description: '사업장 주소', example: '서울특별시 강남구 테헤란로 123, 4층' }),
  customerServicePhone: phoneField
    .optional()
    .openapi({ description: '고객센터 연락처, shown to buyers', example: '1588-1234' }),
};

export const sellerProfileResponse = z
  .object({
    sellerId: z.string(),
    businessNumber: z.string().openapi({ example: '220-81-62517' }),
    companyName: z.string(),
    representative: z.string().nullable(),
    contactPhone: z.string().nullable(),
    mailOrderNumber: z.string().nullable().openapi({ description: '통신판매업 신고번호' }),
    businessAddress: z.string().nullable().openapi({ description: '사업장 주소' }),
    customerServicePhone: z.string().nullable().openapi({ description: '고객센터 연락처' }),
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
    mailOrderNumber: sellerDisclosureFields.mailOrderNumber.unwrap().nullable().optional(),
    businessAddress: sellerDisclosureFields.businessAddress.unwrap().nullable().optional(),
    customerServicePhone: phoneField.nullable().optional(),
  })
  .openapi('UpdateSellerProfileRequest');

export const duplicateBusinessNumbersResponse = z
  .object({
    items: z.array(
      z.object({
        businessNumber: z.string().openapi({ example: '220-81-62517' }),
        sellers: z.array(
          z.object({
            sellerId: z.string(),
            companyName: z.string(),
            status: z.string().nullable().openapi({ description: 'Account status (ACTIVE, WITHDRAWN…)' }),
            createdAt: z.string().openapi({ format: 'date-time' }),
          }),
        ),
      }),
    ),
  })
  .openapi('DuplicateBusinessNumbers');

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
