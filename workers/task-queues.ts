import { TASK_QUEUES, type TaskQueue } from '../workflows/shared/task-queues';

export { TASK_QUEUES, type TaskQueue };

export function parseTaskQueues(args: string[]): TaskQueue[] {
  if (args.length === 0 || args.includes('all')) return [...TASK_QUEUES];
  const unknown = args.filter((arg) => !(TASK_QUEUES as readonly string[]).includes(arg));
  if (unknown.length > 0) {
    throw new Error(`Unknown task queue(s): ${unknown.join(', ')}. Known: ${TASK_QUEUES.join(', ')} or all.`);
  }
  return [...new Set(args)] as TaskQueue[];
}
