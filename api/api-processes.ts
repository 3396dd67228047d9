import cluster from 'node:cluster';
import type { Logger } from '../platform/observability/logger';

/**
 * The primary of API_PROCESSES > 1 (README Configuration): forks that many API processes, which
 * share PORT through node:cluster (connections dealt round-robin), replaces one that dies after it
 * served, and passes SIGTERM/SIGINT on so each drains as a single API would. A process that dies
 * before it listened (a configuration or start-up error) stops them all, rather than restarting in
 * a loop.
 */
export function runApiProcesses(count: number, logger: Logger): void {
  const listening = new Set<number>();
  let stopping = false;
  const alive = () => Object.values(cluster.workers ?? {}).filter((worker) => worker !== undefined);
  const stopAll = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const worker of alive()) worker.process.kill(signal);
  };
  cluster.on('listening', (worker) => listening.add(worker.id));
  cluster.on('exit', (worker, code, signal) => {
    const served = listening.delete(worker.id);
    if (stopping || !served) {
      if (!stopping) {
        logger.error({ processId: worker.process.pid, code, signal }, 'an API process failed to start');
        process.exitCode = 1;
        stopAll('SIGTERM');
      }
      if (alive().length === 0) process.exit();
      return;
    }
    logger.error({ processId: worker.process.pid, code, signal }, 'an API process died; starting another');
    cluster.fork();
  });
  process.on('SIGTERM', () => stopAll('SIGTERM'));
  process.on('SIGINT', () => stopAll('SIGINT'));
  for (let i = 0; i < count; i++) cluster.fork();
  logger.info({ processes: count }, 'api processes starting');
}
