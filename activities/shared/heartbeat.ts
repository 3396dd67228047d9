import { Context } from '@temporalio/activity';

/**
 * Runs a vendor call while telling Temporal the worker is alive. With a `heartbeatTimeout` on the
 * workflow's proxy, a call whose worker died is retried seconds later instead of after its whole
 * start-to-close timeout (docs/ordering.md, "Recovery after a crash"). Outside an activity (unit
 * tests) and in local activities, which cannot heartbeat, the call simply runs.
 */
export async function whileHeartbeating<T>(work: () => Promise<T>, everyMs = 1000): Promise<T> {
  let context: Context;
  try {
    context = Context.current();
  } catch {
    return work();
  }
  if (context.info.isLocal) return work();
  context.heartbeat();
  const timer = setInterval(() => context.heartbeat(), everyMs);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
