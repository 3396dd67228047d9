import { Client, Connection } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import type { TemporalConfig } from '../../config/sections';

export interface TemporalClientHandle {
  client: Client;
  connection: Connection;
  /** Confirms the server answers and the namespace exists (used by readiness). */
  check(): Promise<void>;
  close(): Promise<void>;
}

export async function connectTemporalClient(config: TemporalConfig): Promise<TemporalClientHandle> {
  const connection = await Connection.connect({ address: config.address, connectTimeout: '5s' });
  const client = new Client({
    connection,
    namespace: config.namespace,
    // Starts and signals carry the caller's trace context to the workflow (docs/observability.md#tracing).
    interceptors: { workflow: [new OpenTelemetryWorkflowClientInterceptor()] },
  });
  return {
    client,
    connection,
    async check() {
      await connection.withDeadline(Date.now() + 2000, () =>
        connection.workflowService.describeNamespace({ namespace: config.namespace }),
      );
    },
    close: () => connection.close(),
  };
}
