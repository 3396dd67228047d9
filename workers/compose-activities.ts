import type { Infrastructure } from '../platform/infrastructure';
import type { Logger } from '../platform/observability/logger';
import type { TaskQueue } from './task-queues';

export interface ActivityRuntime {
  infrastructure: Infrastructure;
  logger: Logger;
  publicBaseUrl: string;
}

/** The activities each context's task queue runs, built over injected dependencies. */
export function composeActivities(_runtime: ActivityRuntime): Record<TaskQueue, object> {
  return {
    identity: {},
    catalog: {},
    inventory: {},
    ordering: {},
    payment: {},
    shipping: {},
    settlement: {},
    notification: {},
    chat: {},
  };
}
