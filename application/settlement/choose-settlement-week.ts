import {
  lastEndedWeek,
  SettlementError,
  SettlementErrorCode,
  weekStartingOn,
  type SettlementWeek,
} from '../../domain/settlement';
import { DomainError } from '../../domain/shared/domain-error';

/** The week an operator asks to settle: by its Monday or by a cutoff (default: the week that ended last). */
export function chooseSettlementWeek(
  choice: { weekStart?: string; cutoff?: string },
  now: Date,
): SettlementWeek {
  if (choice.weekStart && choice.cutoff)
    throw new DomainError('VALIDATION_FAILED', 'Give weekStart or cutoff, not both.', {
      errors: [{ field: 'json.cutoff', message: 'cannot be combined with weekStart' }],
    });
  const week = choice.weekStart
    ? weekStartingOn(choice.weekStart, 'json.weekStart')
    : lastEndedWeek(choice.cutoff ? new Date(choice.cutoff) : now);
  if (week.cutoff.getTime() > now.getTime())
    throw new SettlementError(
      SettlementErrorCode.WEEK_NOT_ENDED,
      `Week ${week.weekId} ends at ${week.cutoff.toISOString()}; it can be settled from then on.`,
      { weekId: week.weekId, cutoff: week.cutoff.toISOString() },
    );
  return week;
}
