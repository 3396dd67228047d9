import { OpenAPIHono, type Hook } from '@hono/zod-openapi';
import type { AppEnv } from './app-env';
import { preferredLanguage } from './messages/language';
import { fieldOf, issueText, type ZodIssueLike } from './messages/validation';
import { problem } from './problem';

/**
 * Turns a zod failure into a 400 problem naming each offending field in one style
 * (`body.items.0.quantity: 1 이상이어야 합니다`), in the caller's language (docs/api-messages.md).
 */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result, c) => {
  if (result.success) return;
  const issues = (result.error as unknown as { issues: ZodIssueLike[] }).issues;
  const language = preferredLanguage(c.req.header('accept-language'));
  const errors = issues.map((issue) => ({
    field: fieldOf(result.target, issue.path),
    message: issueText(language, issue),
  }));
  return problem(c, 400, 'VALIDATION_FAILED', errors.map((e) => `${e.field}: ${e.message}`).join('; '), {
    errors,
  });
};

/** Every router is created here so they all share the validation hook and the typed context. */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}
