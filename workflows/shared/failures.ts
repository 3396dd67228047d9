import { ActivityFailure, ApplicationFailure, TemporalFailure } from '@temporalio/workflow';

/** What a workflow keeps of a failed activity or child: the code raised deepest, and where. */
export interface FailureFacts {
  /** The type of the first ApplicationFailure with one in the cause chain, else the fallback. */
  code: string;
  message: string;
  /** The activity type, when an activity failed. */
  step?: string;
  /** The activity's retries were spent. */
  exhausted: boolean;
  /** The typed failure was raised as non-retryable (a definite refusal). */
  nonRetryable: boolean;
}

export function failureFacts(error: unknown, fallbackCode: string): FailureFacts {
  let typed: ApplicationFailure | undefined;
  for (let current: unknown = error; current instanceof TemporalFailure; current = current.cause) {
    if (current instanceof ApplicationFailure && current.type) {
      typed = current;
      break;
    }
  }
  const activity = error instanceof ActivityFailure ? error : undefined;
  const innermost: unknown = activity ? activity.cause : error;
  return {
    code: typed?.type ?? fallbackCode,
    message: typed ? typed.message : innermost instanceof Error ? innermost.message : String(innermost),
    ...(activity && { step: activity.activityType }),
    exhausted: activity?.retryState === 'MAXIMUM_ATTEMPTS_REACHED',
    nonRetryable: typed?.nonRetryable ?? false,
  };
}
