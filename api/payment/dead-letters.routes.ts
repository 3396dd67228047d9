import { createRoute } from '@hono/zod-openapi';
import {
  resolveDeadLetter,
  retryDeadLetter,
  type DeadLetterOperationDeps,
} from '../../application/dead-letter/operate-dead-letters';
import type { DeadLetter } from '../../domain/dead-letter/dead-letter';
import type { Authenticate } from '../middleware/authenticate';
import { principalOf, requireRole } from '../middleware/authorize';
import { createRouter } from '../router';
import {
  deadLetterIdParam,
  deadLetterList,
  deadLetterListQuery,
  deadLetterRetryResponse,
  deadLetterView,
  problemReply,
  resolveBody,
} from './payment.schemas';

export type { DeadLetterRetrier } from '../../domain/dead-letter/dead-letter';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });
const security = [{ bearerAuth: [] }];

const list = createRoute({
  method: 'get',
  path: '/admin/dead-letters',
  tags: ['admin'],
  summary: 'Work that exhausted its retries (failed payment attempts…), newest first',
  security,
  request: { query: deadLetterListQuery },
  responses: {
    200: { description: 'a page of dead letters', ...json(deadLetterList) },
    401: problemReply('not signed in'),
    403: problemReply('admins only'),
  },
});

const retry = createRoute({
  method: 'post',
  path: '/admin/dead-letters/{id}/retry',
  tags: ['admin'],
  summary:
    'Retry a dead letter: a payment starts attempt n + 1 of its order, a settlement runs its payout again from the first unfinished step. Repeating the call starts nothing new.',
  security,
  request: { params: deadLetterIdParam },
  responses: {
    202: {
      description: 'the new attempt was started (or had been by an earlier call)',
      ...json(deadLetterRetryResponse),
    },
    404: problemReply('DEAD_LETTER_NOT_FOUND'),
    409: problemReply('DEAD_LETTER_NOT_OPEN: it was resolved by hand'),
    422: problemReply('DEAD_LETTER_NOT_RETRYABLE: this kind cannot be retried from here'),
  },
});

const resolve = createRoute({
  method: 'post',
  path: '/admin/dead-letters/{id}/resolve',
  tags: ['admin'],
  summary: 'Close a dead letter by hand, with a note saying what was done',
  security,
  request: { params: deadLetterIdParam, body: { required: true, ...json(resolveBody) } },
  responses: {
    200: { description: 'resolved', ...json(deadLetterView) },
    404: problemReply('DEAD_LETTER_NOT_FOUND'),
    409: problemReply('DEAD_LETTER_NOT_OPEN'),
  },
});

const view = (letter: DeadLetter) => ({
  id: letter.id,
  kind: letter.kind,
  reference: letter.reference,
  status: letter.status,
  workflowId: letter.workflowId ?? null,
  runId: letter.runId ?? null,
  input: letter.input,
  lastError: letter.lastError,
  attempts: letter.attempts,
  createdAt: letter.createdAt.toISOString(),
  resolvedAt: letter.resolvedAt?.toISOString() ?? null,
  resolvedBy: letter.resolvedBy ?? null,
  note: letter.note ?? null,
});

export function createDeadLetterRoutes(deps: DeadLetterOperationDeps & { authenticate: Authenticate }) {
  const router = createRouter();
  router.use('/admin/dead-letters', deps.authenticate, requireRole('ADMIN'));
  router.use('/admin/dead-letters/*', deps.authenticate, requireRole('ADMIN'));

  router.openapi(list, async (c) => {
    const query = c.req.valid('query');
    const page = await deps.deadLetters.list({
      kind: query.kind,
      status: query.status,
      page: query.page,
      size: query.size,
    });
    return c.json(
      { items: page.items.map(view), page: query.page, size: query.size, total: page.total },
      200,
    );
  });

  router.openapi(retry, async (c) => {
    const { letter, retry } = await retryDeadLetter(deps, c.req.valid('param').id, principalOf(c).userId);
    return c.json({ ...view(letter), retry }, 202);
  });

  router.openapi(resolve, async (c) => {
    const { note } = c.req.valid('json');
    const letter = await resolveDeadLetter(deps, c.req.valid('param').id, principalOf(c).userId, note);
    return c.json(view(letter), 200);
  });
  return router;
}
