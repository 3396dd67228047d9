import { NativeConnection, Worker, type WorkflowBundleOption } from '@temporalio/worker';
import { workerObservability } from '../platform/temporal/worker-observability';
import type { TaskQueue } from './task-queues';

export interface RunningWorkers {
  workers: Worker[];
  /** Settles when every worker has stopped; rejects if one fails. */
  done: Promise<void>;
  healthy(): boolean;
  /** Stops polling, lets in-flight tasks finish within the grace time, then resolves. */
  shutdown(): Promise<void>;
}

export async function startWorkers(options: {
  address: string;
  namespace: string;
  queues: TaskQueue[];
  activities: Record<TaskQueue, object>;
  workflowBundle: WorkflowBundleOption;
  /** SIGTERM drain: in-flight activities get this long before they are cancelled (SHUTDOWN_GRACE_SECONDS). */
  shutdownGraceSeconds: number;
}): Promise<RunningWorkers> {
  const connection = await NativeConnection.connect({ address: options.address });
  // Tracing of workflows and activities, error reporting of activities (docs/observability.md).
  const observability = workerObservability();
  const workers = await Promise.all(
    options.queues.map((taskQueue) =>
      Worker.create({
        connection,
        namespace: options.namespace,
        taskQueue,
        workflowBundle: options.workflowBundle,
        activities: options.activities[taskQueue],
        interceptors: observability.interceptors,
        sinks: observability.sinks,
        // A killed worker's workflows move to a live one after this wait (default 10 s): part of
        // the 15 s from a crash to PAID (docs/ordering.md, "Recovery after a crash").
        stickyQueueScheduleToStartTimeout: '3 seconds',
        // The SDK's default 0 cancels in-flight activities at once on shutdown: a PG call cut mid-way
        // would be retried by another worker. Let them finish; an activity still running at the end is
        // cancelled, and 5 s later the worker gives up, well before the pod's SIGKILL.
        shutdownGraceTime: `${options.shutdownGraceSeconds} seconds`,
        shutdownForceTime: `${options.shutdownGraceSeconds + 5} seconds`,
      }),
    ),
  );
  const done = Promise.all(workers.map((worker) => worker.run())).then(() => connection.close());
  return {
    workers,
    done,
    healthy: () => workers.every((worker) => worker.getState() === 'RUNNING'),
    async shutdown() {
      for (const worker of workers) if (worker.getState() === 'RUNNING') worker.shutdown();
      await done;
    },
  };
}
