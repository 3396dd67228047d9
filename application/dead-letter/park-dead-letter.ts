import type { DeadLetter, DeadLetterRepository } from '../../domain/dead-letter/dead-letter';
import type { Log } from '../../domain/shared/log';

export interface DeadLetterParkingDeps {
  deadLetters: DeadLetterRepository;
  countDeadLetter(kind: DeadLetter['kind']): void;
  logger: Log;
  newId(): string;
  now(): Date;
}

export type ParkedWork = Pick<
  DeadLetter,
  'kind' | 'reference' | 'workflowId' | 'runId' | 'input' | 'lastError' | 'attempts'
>;

/**
 * Parks work that exhausted its retries for an operator: the dead-letter row (once per kind and
 * reference), and, the first time only, `dead_letters_total{kind}` and an error log line.
 */
export async function parkDeadLetter(
  deps: DeadLetterParkingDeps,
  work: ParkedWork,
  message: string,
): Promise<{ deadLetterId: string }> {
  const { letter, created } = await deps.deadLetters.record({
    ...work,
    id: deps.newId(),
    status: 'OPEN',
    createdAt: deps.now(),
  });
  if (created) {
    deps.countDeadLetter(work.kind);
    deps.logger.error(
      {
        deadLetterId: letter.id,
        reference: work.reference,
        workflowId: work.workflowId,
        runId: work.runId,
        error: work.lastError,
      },
      message,
    );
  }
  return { deadLetterId: letter.id };
}
