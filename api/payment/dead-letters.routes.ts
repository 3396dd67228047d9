import { createRoute } from '@hono/zod-openapi';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { DeadLetter, DeadLetterRepository } from '../../domain/dead-letter/dead-letter';
import {
  PAYMENT_TASK_QUEUE,
  paymentAttemptWorkflowId,
  type PaymentAttemptInput,
} from '../../workflows/payment/payment.messages';
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
    'Retry a dead letter: a payment starts attempt n + 1 of its order. Repeating the call starts nothing new.',
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
  temporal: () => Client;
  authenticate: Authenticate;
  now: () => Date;
  /** The stored order's status (null for an attempt without an order): a closed order is never charged again. */
  orderStatusOf?: (orderId: string) => Promise<string | null>;
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
    if (letter.kind !== 'payment')
      throw new ProblemError(
        'DEAD_LETTER_NOT_RETRYABLE',
        `Dead letters of kind ${letter.kind} are retried by their own context.`,
      );
    if (letter.status === 'RESOLVED')
      throw new ProblemError('DEAD_LETTER_NOT_OPEN', 'This dead letter was resolved by hand.');
    // Attempt n + 1 of the parked attempt n: the workflow id is fixed by it, so a repeated call (or a
    // crash between starting and marking) finds the same workflow instead of starting another.
    const input = letter.input as PaymentAttemptInput;
    const orderStatus = (await deps.orderStatusOf?.(input.orderId)) ?? null;
    if (orderStatus !== null && orderStatus !== 'PENDING_PAYMENT')
      throw new ProblemError(
        'DEAD_LETTER_NOT_RETRYABLE',
        `Order ${input.orderId} is ${orderStatus}: its stock was released and the buyer was told, so it must not be charged now. Resolve this letter instead.`,
        { orderStatus },
      );
    const next = { ...input, attempt: input.attempt + 1 };
    const workflowId = paymentAttemptWorkflowId(input.orderId, next.attempt);
    try {
      await deps.temporal().workflow.start('paymentAttemptWorkflow', {
        taskQueue: PAYMENT_TASK_QUEUE,
        workflowId,
        args: [next],
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    if (letter.status === 'OPEN')
      await deps.deadLetters.close(letter.id, {
        status: 'RETRIED',
        by: principalOf(c).userId,
        at: deps.now(),
        note: `retried as ${workflowId}`,
      });
    return c.json({ ...view(await find(letter.id)), retry: { workflowId, attempt: next.attempt } }, 202);
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
