import { dirname } from 'node:path';
import * as proto from '@temporalio/proto';
import { patchProtobufRoot } from '@temporalio/proto/lib/patch-protobuf-root';

/**
 * Workflow histories as the JSON the Temporal CLI and UI export. `historyToJSON` of
 * @temporalio/common cannot be used here: npm installed it its own protobufjs, and protojson
 * refuses the types of @temporalio/proto's copy. The converter of that same copy is used instead.
 */
type History = proto.temporal.api.history.v1.IHistory;
interface ProtoJson {
  toJson(type: unknown, message: unknown): unknown;
  fromJson(type: unknown, json: unknown, options?: { ignoreUnknownFields?: boolean }): unknown;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const protojson = require(
  require.resolve('protobufjs/ext/protojson', { paths: [dirname(require.resolve('@temporalio/proto'))] }),
) as ProtoJson;
const historyType = (patchProtobufRoot(proto) as unknown as { lookupType(name: string): unknown }).lookupType(
  'temporal.api.history.v1.History',
);

export function historyToJson(history: History): string {
  const message = proto.temporal.api.history.v1.History.fromObject(history);
  return JSON.stringify(protojson.toJson(historyType, message));
}

export function historyFromJson(json: string): History {
  return protojson.fromJson(historyType, JSON.parse(json), { ignoreUnknownFields: true }) as History;
}

/**
 * The steps a workflow took, in history order: activity and local-activity types as scheduled or
 * recorded, and `cancel <workflow id>` for each cancel it requested of another workflow (a child).
 */
export function historySteps(history: History): string[] {
  return (history.events ?? []).flatMap((event) => {
    const scheduled = event.activityTaskScheduledEventAttributes?.activityType?.name;
    if (scheduled) return [scheduled];
    const marker = event.markerRecordedEventAttributes?.details?.data?.payloads?.[0]?.data;
    if (marker) {
      const { activity_type: type } = JSON.parse(Buffer.from(marker).toString('utf8')) as {
        activity_type?: string;
      };
      return type ? [type] : [];
    }
    const cancelled = event.requestCancelExternalWorkflowExecutionInitiatedEventAttributes?.workflowExecution;
    return cancelled?.workflowId ? [`cancel ${cancelled.workflowId}`] : [];
  });
}
