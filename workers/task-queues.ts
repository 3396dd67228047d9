/**
 * One task queue per bounded context with durable work; a worker process serves the ones named on
 * its command line. Identity and catalog have none: they live in the API alone.
 */
export const TASK_QUEUES = [
  'inventory',
  'ordering',
  'payment',
  'shipping',
  'settlement',
  'notification',
  'chat',
] as const;

export type TaskQueue = (typeof TASK_QUEUES)[number];

export function parseTaskQueues(args: string[]): TaskQueue[] {
  if (args.length === 0 || args.includes('all')) return [...TASK_QUEUES];
  const unknown = args.filter((arg) => !(TASK_QUEUES as readonly string[]).includes(arg));
  if (unknown.length > 0) {
    throw new Error(`Unknown task queue(s): ${unknown.join(', ')}. Known: ${TASK_QUEUES.join(', ')} or all.`);
  }
  return [...new Set(args)] as TaskQueue[];
}
