import { temporal } from '@temporalio/proto';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
const EventType = temporal.api.enums.v1.EventType;

/** Versioning's own search attribute: Temporal Cloud does not bill its upserts. */
const CHANGE_VERSION = 'TemporalChangeVersion';

/**
 * Temporal Cloud's billable actions in one history, by its published rules (docs/ordering.md, "What an
 * order costs Temporal"): a start (a child's is counted in its parent, twice), each activity attempt,
 * all markers (local activities, patches) of one workflow task as one, each timer, signal received,
 * update accepted and search-attribute upsert other than the versioning one. Queries and heartbeats are
 * not in histories and not counted.
 */
export function actionsOf(events: HistoryEvent[]): number {
  let actions = 0;
  let markersInTask = false;
  for (const event of events) {
    switch (event.eventType) {
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED:
        if (!event.workflowExecutionStartedEventAttributes?.parentWorkflowExecution) actions += 1;
        break;
      case EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED:
        actions += 2;
        break;
      case EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED:
        actions += event.activityTaskStartedEventAttributes?.attempt ?? 1;
        break;
      case EventType.EVENT_TYPE_TIMER_STARTED:
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED:
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED:
        actions += 1;
        break;
      case EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES: {
        const fields =
          event.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields ?? {};
        if (Object.keys(fields).some((key) => key !== CHANGE_VERSION)) actions += 1;
        break;
      }
      case EventType.EVENT_TYPE_MARKER_RECORDED:
        if (!markersInTask) actions += 1;
        markersInTask = true;
        break;
      case EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED:
        markersInTask = false;
        break;
    }
  }
  return actions;
}

/**
 * The order's events on its way to PAID: up to the commands of the first workflow task after its
 * PaymentAttempt child completed (the task that commits the stock and records PAID). Commands of that
 * task which already serve the paid order (the receipt, the seller's alert, the Shipment's start) are
 * counted too, so the figure errs high.
 */
export function eventsUntilPaid(orderEvents: HistoryEvent[]): HistoryEvent[] {
  // The attempt's end: its child's completion, or (generation 3, settled in the order) its PG confirm's.
  const confirms = new Set(
    orderEvents
      .filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'confirmPgPayment')
      .map((e) => String(e.eventId)),
  );
  const child = orderEvents.findIndex(
    (e) =>
      e.eventType === EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_COMPLETED ||
      confirms.has(String(e.activityTaskCompletedEventAttributes?.scheduledEventId ?? '')),
  );
  if (child < 0) return orderEvents;
  const task = orderEvents.findIndex(
    (e, i) => i > child && e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED,
  );
  if (task < 0) return orderEvents;
  const next = orderEvents.findIndex(
    (e, i) =>
      i > task &&
      (e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED ||
        e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED ||
        e.eventType === EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_STARTED),
  );
  return next < 0 ? orderEvents : orderEvents.slice(0, next);
}
