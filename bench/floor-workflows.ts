import { executeChild, proxyActivities } from '@temporalio/workflow';

const activities = proxyActivities<{ step(n: number): Promise<number> }>({
  startToCloseTimeout: '10 seconds',
});

/** The least a workflow can be: started, one activity, completed. */
export async function oneActivityWorkflow(n: number): Promise<number> {
  return activities.step(n);
}

/** The least an order with its payment child can be: a parent whose child runs one activity. */
export async function parentAndChildWorkflow(n: number): Promise<number> {
  return executeChild(oneActivityWorkflow, { args: [n], workflowId: `child-of-${n}` });
}
