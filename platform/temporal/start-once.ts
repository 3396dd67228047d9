import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';

type StartOptions = Parameters<Client['workflow']['start']>[1];

/**
 * Starts a workflow under an id that names the work, so a repeat (a retried request, a crash between
 * starting and recording it) finds the one already started. True when this call started it.
 */
export async function startOnce(
  client: Client,
  workflowType: string,
  options: StartOptions,
): Promise<boolean> {
  try {
    await client.workflow.start(workflowType, options);
    return true;
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return false;
    throw error;
  }
}
