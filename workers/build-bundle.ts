import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { WORKFLOW_TRACING_MODULES } from '../platform/temporal/worker-observability';
import { WORKFLOWS_PATH } from './workflow-source';

/** `npm run build` step: writes the workflow bundle production workers load instead of bundling at start. */
async function main(): Promise<void> {
  const output = resolve(process.argv[2] ?? 'dist/workflow-bundle.js');
  const { code } = await bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    workflowInterceptorModules: WORKFLOW_TRACING_MODULES,
  });
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, code);
  console.log(`workflow bundle written to ${output} (${Math.round(code.length / 1024)} KiB)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
