import { warmUpOverHttp, type FetchHandler } from '../platform/http-warm-up';
import type { Logger } from '../platform/observability/logger';
import { browsingWarmUp } from './catalog/browsing-warm-up';

/**
 * Sends the shopper's reads to a fresh API process before it listens (docs/deployment.md#warm-up).
 * Never stops a start: a warm-up that fails is logged and the process serves anyway, as it did
 * before warm-ups existed.
 */
export async function warmUp(fetch: FetchHandler, requests: number, logger: Logger): Promise<void> {
  if (requests <= 0) return;
  try {
    const report = await warmUpOverHttp(fetch, browsingWarmUp, { requests });
    logger[report.failed > 0 ? 'warn' : 'info'](report, 'request paths warmed up');
  } catch (error) {
    logger.warn({ err: error }, 'the warm-up failed; serving without it');
  }
}
