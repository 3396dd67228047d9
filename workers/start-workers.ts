import { NativeConnection, Worker, type WorkflowBundleOption } from '@temporalio/worker';
import type { TaskQueue } from './task-queues';

export interface RunningWorkers {
  workers: Worker[];
  /** Settles when every worker has stopped; rejects if one fails. */
  done: Promise<void>;
  healthy(): boolean;
  shutdown(): Promise<void>;
}

export async function startWorkers(options: {
  address: string;
  namespace: string;
  queues: TaskQueue[];
  activities: Record<TaskQueue, object>;
  workflowBundle: WorkflowBundleOption;
}): Promise<RunningWorkers> {
  const connection = await NativeConnection.connect({ address: options.address });
  const workers = await Promise.all(
    options.queues.map((taskQueue) =>
      Worker.create({
        connection,
        namespace: options.namespace,
        taskQueue,
        workflowBundle: options.workflowBundle,
        activities: options.activities[taskQueue],
        // A killed worker's workflows move to a live one after this wait (default 10 s): part of
        // the 15 s from a crash to PAID (docs/ordering.md, "Recovery after a crash").
        stickyQueueScheduleToStartTimeout: '3 seconds',
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
