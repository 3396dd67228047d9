import type {
  DeadLetter,
  DeadLetterKind,
  DeadLetterRepository,
  DeadLetterRetrier,
} from '../../domain/dead-letter/dead-letter';
import { DomainError } from '../../domain/shared/domain-error';

export interface DeadLetterOperationDeps {
  deadLetters: DeadLetterRepository;
  now: () => Date;
  /** How each kind is retried; a kind without one is refused DEAD_LETTER_NOT_RETRYABLE. */
  retriers: Partial<Record<DeadLetterKind, DeadLetterRetrier>>;
}

const notOpen = (status: DeadLetter['status']) =>
  new DomainError('DEAD_LETTER_NOT_OPEN', `This dead letter is already ${status.toLowerCase()}.`);

export async function findDeadLetter(deps: DeadLetterOperationDeps, id: string): Promise<DeadLetter> {
  const letter = await deps.deadLetters.get(id);
  if (!letter) throw new DomainError('DEAD_LETTER_NOT_FOUND', `No dead letter ${id}.`);
  return letter;
}

/** An operator starts the work again; a letter retried before starts nothing new (its retrier finds the run). */
export async function retryDeadLetter(deps: DeadLetterOperationDeps, id: string, operatorId: string) {
  const letter = await findDeadLetter(deps, id);
  const retrier = deps.retriers[letter.kind];
  if (!retrier)
    throw new DomainError(
      'DEAD_LETTER_NOT_RETRYABLE',
      `Dead letters of kind ${letter.kind} are retried by their own context.`,
    );
  if (letter.status === 'RESOLVED')
    throw new DomainError('DEAD_LETTER_NOT_OPEN', 'This dead letter was resolved by hand.');
  const started = await retrier(letter);
  if (letter.status === 'OPEN')
    await deps.deadLetters.close(letter.id, {
      status: 'RETRIED',
      by: operatorId,
      at: deps.now(),
      note: `retried as ${started.workflowId}`,
    });
  return { letter: await findDeadLetter(deps, letter.id), retry: started };
}

/** An operator closes the letter by hand with a note; the same note again is accepted. */
export async function resolveDeadLetter(
  deps: DeadLetterOperationDeps,
  id: string,
  operatorId: string,
  note: string,
): Promise<DeadLetter> {
  const letter = await findDeadLetter(deps, id);
  if (letter.status !== 'OPEN') {
    if (letter.status === 'RESOLVED' && letter.note === note) return letter;
    throw notOpen(letter.status);
  }
  const closed = await deps.deadLetters.close(letter.id, {
    status: 'RESOLVED',
    by: operatorId,
    at: deps.now(),
    note,
  });
  const current = await findDeadLetter(deps, letter.id);
  if (!closed && !(current.status === 'RESOLVED' && current.note === note)) throw notOpen(current.status);
  return current;
}
