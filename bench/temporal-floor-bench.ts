/**
 * `npm run bench:temporal-floor [-- <workflows> <concurrency>]` (default 1000, 16): what Temporal
 * alone allows on this machine, the ceiling under any order benchmark. One worker in this process
 * against a Temporal dev server runs the smallest workflows there are, as fast as they complete:
 *   - oneActivityWorkflow: started, one activity, completed (2 workflow tasks, 1 activity task);
 *   - parentAndChildWorkflow: the same as the child of a parent, the least an order with its
 *     PaymentAttempt child can cost (4 workflow tasks, 1 activity task, 2 workflows).
 * It reports workflows per second and the CPU per workflow of the server and of this process.
 */
import os from 'node:os';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { resolveBinary, TEMPORAL_CLI } from '../scripts/temporal-binaries';
import { cpuPerUnit, cpuSecondsOf, type ProcessMatchers } from './process-cpu';

const [COUNT = 1000, CONCURRENCY = 16] = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const TASK_QUEUE = 'floor';

async function main(): Promise<void> {
  const server = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: resolveBinary(TEMPORAL_CLI, { install: false }) },
      ip: '127.0.0.1',
      log: { format: 'json', level: 'error' },
    },
  });
  const worker = await Worker.create({
    connection: server.nativeConnection,
    taskQueue: TASK_QUEUE,
    workflowsPath: require.resolve('./floor-workflows'),
    activities: { step: async (n: number) => n + 1 },
  });
  const running = worker.run();
  const temporalPort = `--port ${server.address.split(':').pop()}`;
  const watched: ProcessMatchers = {
    temporal: (_, line) => line.includes('start-dev') && line.includes(temporalPort),
    'worker and client': (pid) => pid === process.pid,
  };
  try {
    for (const type of ['oneActivityWorkflow', 'parentAndChildWorkflow']) {
      let next = 0;
      const cpuBefore = cpuSecondsOf(watched);
      const started = performance.now();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          for (let n = next++; n < COUNT; n = next++)
            await server.client.workflow.execute(type, {
              taskQueue: TASK_QUEUE,
              workflowId: `${type}-${n}`,
              args: [n],
            });
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `${type}: ${COUNT} in ${seconds.toFixed(1)} s = ${(COUNT / seconds).toFixed(1)} per second, ${CONCURRENCY} at once; CPU per workflow: ${cpuPerUnit(cpuBefore, cpuSecondsOf(watched), COUNT)} (${os.cpus().length} cores)`,
      );
    }
  } finally {
    worker.shutdown();
    await running;
    await server.teardown();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
