import { z } from '@hono/zod-openapi';
import { Password } from '../../domain/identity/password-policy';
import { SELF_SERVICE_ROLES } from '../../domain/identity/role';
import { DomainError } from '../../domain/shared/domain-error';
import { businessNumberField, emailField, nameField, passwordField, phoneField } from './identity-fields';
import { sellerDisclosureFields } from './sellers.schemas';

export const sellerSignupBody = z.object({
  businessNumber: businessNumberField,
  companyName: z.string().trim().min(1).max(100).openapi({ example: '민지상회' }),
  representative: nameField.openapi({ description: '대표자 name; stored encrypted' }),
  contactPhone: phoneField.optional(),
  ...sellerDisclosureFields,
});

/** The password policy needs the email (a password must not contain it), so it runs on the whole body. */
export function passwordPolicy(body: { email: string; password: string }, ctx: z.RefinementCtx): void {
  if (typeof body.password !== 'string') return;
  try {
    Password.create(body.password, { email: typeof body.email === 'string' ? body.email : undefined });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const [first] = (error.details.errors as { message: string }[] | undefined) ?? [];
    ctx.addIssue({ code: 'custom', path: ['password'], message: first?.message ?? error.message });
  }
}

export const signupBody = z
  .object({
    email: emailField,
    password: passwordField,
    name: nameField,
    phone: phoneField,
    role: z
      .enum(SELF_SERVICE_ROLES)
      .openapi({ description: 'CONSUMER or SELLER; admins create MANAGER and ADMIN accounts' }),
    seller: sellerSignupBody.optional().openapi({ description: 'Required when role is SELLER' }),
  })
  .superRefine(passwordPolicy)
  .superRefine((body, ctx) => {
    if (body.role === 'SELLER' && !body.seller)
      ctx.addIssue({ code: 'custom', path: ['seller'], message: 'is required when role is SELLER' });
  })
  .openapi('SignupRequest');

export const signupResponse = z
  .object({ id: z.string(), email: z.string(), role: z.enum(SELF_SERVICE_ROLES) })
  .openapi('SignupResponse');

export const loginBody = z
  .object({ email: emailField, password: z.string().min(1).max(128) })
  .openapi('LoginRequest');

export const refreshBody = z.object({ refreshToken: z.string().min(1).max(200) }).openapi('RefreshRequest');

export const logoutBody = z
  .object({
    refreshToken: z
      .string()
      .min(1)
      .max(200)
      .openapi({ description: 'Ends the sign-in this token belongs to' }),
  })
  .openapi('LogoutRequest');
