import { createRoute } from '@hono/zod-openapi';
import type { DeadLetter, DeadLetterKind, DeadLetterRepository } from '../../domain/dead-letter/dead-letter';
import type { Authenticate } from '../middleware/authenticate';
import { principalOf, requireRole } from '../middleware/authorize';
import { ProblemError } from '../problem';
import { createRouter } from '../router';
import {
  deadLetterIdParam,
  deadLetterList,
  deadLetterListQuery,
  deadLetterRetryResponse,
  deadLetterView,
  resolveBody,
} from './payment.schemas';

/**
 * Starts a dead letter's work again and names the workflow; the same letter retried twice must find
 * that workflow rather than start a second one. Throws a ProblemError when it must not be retried.
 */
export type DeadLetterRetrier = (letter: DeadLetter) => Promise<{ workflowId: string; attempt?: number }>;

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: {} } },
});
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
    401: problem('not signed in'),
    403: problem('admins only'),
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
    404: problem('DEAD_LETTER_NOT_FOUND'),
    409: problem('DEAD_LETTER_NOT_OPEN: it was resolved by hand'),
    422: problem('DEAD_LETTER_NOT_RETRYABLE: this kind cannot be retried from here'),
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
    404: problem('DEAD_LETTER_NOT_FOUND'),
    409: problem('DEAD_LETTER_NOT_OPEN'),
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

export function createDeadLetterRoutes(deps: {
  deadLetters: DeadLetterRepository;
  authenticate: Authenticate;
  now: () => Date;
  /** How each kind is retried; a kind without one is refused 422 DEAD_LETTER_NOT_RETRYABLE. */
  retriers: Partial<Record<DeadLetterKind, DeadLetterRetrier>>;
}) {
  const router = createRouter();
  router.use('/admin/dead-letters', deps.authenticate, requireRole('ADMIN'));
  router.use('/admin/dead-letters/*', deps.authenticate, requireRole('ADMIN'));

  const find = async (id: string) => {
    const letter = await deps.deadLetters.get(id);
    if (!letter) throw new ProblemError('DEAD_LETTER_NOT_FOUND', `No dead letter ${id}.`);
    return letter;
  };

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
    const letter = await find(c.req.valid('param').id);
    const retrier = deps.retriers[letter.kind];
    if (!retrier)
      throw new ProblemError(
        'DEAD_LETTER_NOT_RETRYABLE',
        `Dead letters of kind ${letter.kind} are retried by their own context.`,
      );
    if (letter.status === 'RESOLVED')
      throw new ProblemError('DEAD_LETTER_NOT_OPEN', 'This dead letter was resolved by hand.');
    const started = await retrier(letter);
    if (letter.status === 'OPEN')
      await deps.deadLetters.close(letter.id, {
        status: 'RETRIED',
        by: principalOf(c).userId,
        at: deps.now(),
        note: `retried as ${started.workflowId}`,
      });
    return c.json({ ...view(await find(letter.id)), retry: started }, 202);
  });

  router.openapi(resolve, async (c) => {
    const letter = await find(c.req.valid('param').id);
    const { note } = c.req.valid('json');
    if (letter.status !== 'OPEN') {
      if (letter.status === 'RESOLVED' && letter.note === note) return c.json(view(letter), 200);
      throw new ProblemError(
        'DEAD_LETTER_NOT_OPEN',
        `This dead letter is already ${letter.status.toLowerCase()}.`,
      );
    }
    const closed = await deps.deadLetters.close(letter.id, {
      status: 'RESOLVED',
      by: principalOf(c).userId,
      at: deps.now(),
      note,
    });
    const current = await find(letter.id);
    if (!closed && !(current.status === 'RESOLVED' && current.note === note))
      throw new ProblemError(
        'DEAD_LETTER_NOT_OPEN',
        `This dead letter is already ${current.status.toLowerCase()}.`,
      );
    return c.json(view(current), 200);
  });
  return router;
}
