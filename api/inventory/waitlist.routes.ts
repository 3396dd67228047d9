import { createRoute } from '@hono/zod-openapi';
import type { WaitlistService } from '../../application/inventory/waitlist';
import { bearerSecurity, problemResponse } from '../identity/identity-fields';
import type { Authenticate } from '../middleware/authenticate';
import { principalOf, requireRole } from '../middleware/authorize';
import { ProblemError } from '../problem';
import { createRouter } from '../router';
import { myWaitlistResponse, variantIdParam, waitlistBody, waitlistResponse } from './inventory.schemas';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

/** The waiting queue (재고 대기): consumers line up for a sold-out variant. */
export function createWaitlistRoutes(deps: {
  waitlist: Pick<WaitlistService, 'join' | 'leave' | 'entriesOf'>;
  authenticate: Authenticate;
  /** The product's name and the variant's options, for people (null when the product is gone). */
  describeVariant?: (
    productId: string,
    variantId: string,
  ) => Promise<{ productName: string; optionLabel: string } | null>;
}) {
  const router = createRouter();
  const guard = [deps.authenticate, requireRole('CONSUMER')];

  const join = createRoute({
    method: 'post',
    path: '/variants/{variantId}/waitlist',
    tags: ['inventory'],
    summary: 'Join the waiting queue of a sold-out variant',
    description:
      'First come, first served. When stock returns, the head of the queue gets a 30-minute hold and a notification; an expired hold passes to the next in line. Joining again returns the same entry.',
    security: bearerSecurity,
    middleware: guard,
    request: { params: variantIdParam, body: { ...json(waitlistBody), required: false } },
    responses: {
      201: { description: 'joined', ...json(waitlistResponse) },
      200: { description: 'already in the queue', ...json(waitlistResponse) },
      400: problemResponse('VALIDATION_FAILED'),
      401: problemResponse('not signed in'),
      403: problemResponse('FORBIDDEN: consumers only'),
      404: problemResponse('VARIANT_NOT_FOUND'),
      409: problemResponse('STOCK_AVAILABLE: order it instead'),
    },
  });
  router.openapi(join, async (c) => {
    const { variantId } = c.req.valid('param');
    const quantity = (c.req.valid('json') as { quantity?: number } | undefined)?.quantity ?? 1;
    const { entry, position, created } = await deps.waitlist.join(variantId, principalOf(c).userId, quantity);
    const view = {
      id: entry.id,
      variantId: entry.variantId,
      quantity: entry.quantity,
      status: entry.status,
      position,
      holdExpiresAt: entry.holdExpiresAt?.toISOString() ?? null,
    };
    return created ? c.json(view, 201) : c.json(view, 200);
  });

  const leave = createRoute({
    method: 'delete',
    path: '/variants/{variantId}/waitlist',
    tags: ['inventory'],
    summary: 'Leave the waiting queue (a hold you were offered passes on)',
    security: bearerSecurity,
    middleware: guard,
    request: { params: variantIdParam },
    responses: {
      204: { description: 'left' },
      401: problemResponse('not signed in'),
      403: problemResponse('FORBIDDEN'),
      404: problemResponse('NOT_FOUND: not in the queue'),
    },
  });
  router.openapi(leave, async (c) => {
    const { variantId } = c.req.valid('param');
    const left = await deps.waitlist.leave(variantId, principalOf(c).userId);
    if (!left)
      throw new ProblemError('NOT_FOUND', `You are not in the waiting queue of variant ${variantId}`);
    return c.body(null, 204);
  });

  const mine = createRoute({
    method: 'get',
    path: '/me/waitlist',
    tags: ['inventory'],
    summary: 'Your waiting-queue entries (waiting, or holding a unit for you)',
    description:
      'Each entry with its place in line (0 once a hold was offered) and, for a hold, until when the units are kept for you.',
    security: bearerSecurity,
    middleware: guard,
    responses: {
      200: { description: 'your entries, oldest first', ...json(myWaitlistResponse) },
      401: problemResponse('not signed in'),
      403: problemResponse('FORBIDDEN: consumers only'),
    },
  });
  router.openapi(mine, async (c) => {
    const entries = await deps.waitlist.entriesOf(principalOf(c).userId);
    const items = await Promise.all(
      entries.map(async ({ entry, position, productId }) => {
        const described = (await deps.describeVariant?.(productId, entry.variantId)) ?? null;
        return {
          id: entry.id,
          variantId: entry.variantId,
          quantity: entry.quantity,
          status: entry.status,
          position,
          holdExpiresAt: entry.holdExpiresAt?.toISOString() ?? null,
          productId,
          productName: described?.productName ?? null,
          optionLabel: described?.optionLabel ?? null,
        };
      }),
    );
    return c.json({ items }, 200);
  });

  return router;
}
