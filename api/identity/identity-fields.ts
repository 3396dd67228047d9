import { z } from '@hono/zod-openapi';
import { BusinessNumber } from '../../domain/identity/business-number';
import { Email } from '../../domain/identity/email';
import { personName } from '../../domain/identity/person-name';
import { PhoneNumber } from '../../domain/identity/phone-number';
import { MANAGER_PERMISSIONS } from '../../domain/identity/role';
import { DomainError } from '../../domain/shared/domain-error';

/** Runs a domain value object's rule inside zod, so a bad value is a 400 naming its field with the rule's message. */
export function checkedBy(create: (raw: string) => unknown) {
  return (value: string, ctx: z.RefinementCtx) => {
    try {
      create(value);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const [first] = (error.details.errors as { message: string }[] | undefined) ?? [];
      ctx.addIssue({ code: 'custom', message: first?.message ?? error.message });
    }
  };
}

export const emailField = z
  .string()
  .max(254)
  .superRefine(checkedBy((v) => Email.create(v)))
  .openapi({ example: 'minji.kim@example.com', description: 'Case-insensitive; stored encrypted' });

export const phoneField = z
  .string()
  .max(20)
  .superRefine(checkedBy((v) => PhoneNumber.create(v)))
  .openapi({ example: '010-1234-5678', description: 'Korean mobile or landline; stored encrypted' });

export const nameField = z
  .string()
  .max(100)
  .superRefine(checkedBy((v) => personName(v)))
  .openapi({ example: '김민지', description: 'A person’s name; stored encrypted' });

export const businessNumberField = z
  .string()
  .max(12)
  .superRefine(checkedBy((v) => BusinessNumber.create(v)))
  .openapi({ example: '220-81-62517', description: '사업자등록번호: 10 digits, check digit validated' });

export const passwordField = z.string().max(128).openapi({
  example: 'Sup3r-Secret-Pw',
  description: '10–128 characters mixing three of: lower case, upper case, digits, symbols',
});

export const permissionsField = z
  .array(z.enum(MANAGER_PERMISSIONS))
  .min(1)
  .max(MANAGER_PERMISSIONS.length)
  .openapi({ example: ['PRODUCTS', 'ORDERS'], description: 'What the manager may do for the seller' });

export const tokenPair = z
  .object({
    accessToken: z.string().openapi({ description: 'JWT for Authorization: Bearer; short-lived' }),
    refreshToken: z.string().openapi({ description: 'Opaque; single use: each refresh returns a new one' }),
    expiresIn: z
      .number()
      .int()
      .openapi({ description: 'Seconds until the access token expires', example: 900 }),
    tokenType: z.literal('Bearer'),
  })
  .openapi('TokenPair');

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

/** A problem+json response entry for createRoute's `responses`. */
export const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
});

export const bearerSecurity = [{ bearerAuth: [] }];
