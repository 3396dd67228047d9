/**
 * `npm run bench:sandbox [-- <rounds>]` (default 5): the CPU the worker spends inside the workflow
 * sandbox, without Temporal's server. Every recorded history in test/workflows/histories is replayed
 * `rounds` times through the workflow bundle as `npm run build` writes it, and the process's CPU is
 * divided by the histories and by their events. Replaying runs the same workflow code a live worker
 * runs for those events (a new workflow each time, as for every new order), so a change to the
 * workflow code, its interceptors or the bundle shows here in seconds, long before `bench:orders`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { workerObservability } from '../platform/temporal/worker-observability';
import { workflowBundleOptions } from '../workers/workflow-source';
import { historyFromJson } from '../test/support/workflow-histories';

const HISTORIES = join(__dirname, '..', 'test', 'workflows', 'histories');
const ROUNDS = Number(process.argv[2]) || 5;

async function main(): Promise<void> {
  const files = readdirSync(HISTORIES).filter((file) => file.endsWith('.json'));
  const histories = files.map((file) => ({
    workflowId: decodeURIComponent(file.split('--')[2] ?? file),
    history: historyFromJson(readFileSync(join(HISTORIES, file), 'utf8')),
  }));
  const events = histories.reduce((sum, { history }) => sum + (history.events?.length ?? 0), 0);
  const bundle = await bundleWorkflowCode(workflowBundleOptions());
  const replay = async (name: string) => {
    let failures = 0;
    for await (const result of Worker.runReplayHistories(
      { workflowBundle: { code: bundle.code }, sinks: workerObservability().sinks, replayName: name },
      histories,
    ))
      if (result.error) failures += 1;
    if (failures > 0) throw new Error(`${failures} histories failed to replay`);
  };
  await replay('warm-up');
  const before = process.cpuUsage();
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round++) await replay(`round-${round}`);
  const cpu = process.cpuUsage(before);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const replays = histories.length * ROUNDS;
  console.log(
    `${replays} replays (${histories.length} histories × ${ROUNDS}), ${events * ROUNDS} events, ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(
    `CPU: ${(cpuMs / replays).toFixed(2)} ms a workflow, ${((cpuMs / (events * ROUNDS)) * 1000).toFixed(0)} µs an event`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
