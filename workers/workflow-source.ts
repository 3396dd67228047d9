import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode, type BundleOptions, type WorkflowBundleOption } from '@temporalio/worker';
import { WORKFLOW_TRACING_MODULES } from '../platform/temporal/worker-observability';

export const WORKFLOWS_PATH = require.resolve('../workflows');

/** What every workflow bundle holds: the workflows and their interceptors (`npm run build`, development, benches). */
export function workflowBundleOptions(): BundleOptions {
  return { workflowsPath: WORKFLOWS_PATH, workflowInterceptorModules: WORKFLOW_TRACING_MODULES };
}

/**
 * Production loads the bundle prebuilt by `npm run build` (fast start, no webpack at run time);
 * development bundles the TypeScript sources once per process and shares it between workers.
 */
export async function loadWorkflowBundle(prebuiltPath?: string): Promise<WorkflowBundleOption> {
  const candidate = prebuiltPath ?? join(__dirname, '..', 'workflow-bundle.js');
  if (existsSync(candidate) && candidate.endsWith('.js')) return { codePath: candidate };
  if (prebuiltPath) throw new Error(`WORKFLOW_BUNDLE_PATH=${prebuiltPath} does not exist.`);
  return bundleWorkflowCode({ ...workflowBundleOptions(), logger: quietBundlerLogger });
}

const quietBundlerLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
};
