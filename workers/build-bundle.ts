import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowBundleOptions } from './workflow-source';

/** `npm run build` step: writes the workflow bundle production workers load instead of bundling at start. */
async function main(): Promise<void> {
  const output = resolve(process.argv[2] ?? 'dist/workflow-bundle.js');
  const { code } = await bundleWorkflowCode(workflowBundleOptions());
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, code);
  console.log(`workflow bundle written to ${output} (${Math.round(code.length / 1024)} KiB)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
