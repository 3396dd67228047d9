import { OpenAPIHono, type Hook } from '@hono/zod-openapi';
import type { AppEnv } from './app-env';
import { problem } from './problem';

interface ValidationIssue {
  path: PropertyKey[];
  message: string;
}

/** Turns a zod failure into a 400 problem naming each offending field (`body.email`, `query.size`). */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result, c) => {
  if (result.success) return;
  const issues = (result.error as unknown as { issues: ValidationIssue[] }).issues;
  const errors = issues.map((issue) => ({
    field: [result.target, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  return problem(c, 400, 'VALIDATION_FAILED', errors.map((e) => `${e.field}: ${e.message}`).join('; '), {
    errors,
  });
};

/** Every router is created here so they all share the validation hook and the typed context. */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}
