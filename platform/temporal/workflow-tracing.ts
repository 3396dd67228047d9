import { defaultPayloadConverter, type Headers } from '@temporalio/common';
import type {
  WorkflowInboundCallsInterceptor,
  WorkflowInterceptors,
  WorkflowInternalsInterceptor,
  WorkflowOutboundCallsInterceptor,
} from '@temporalio/workflow';

/** The header the OpenTelemetry interceptors carry a trace context in (their `TRACE_HEADER`). */
export const TRACE_HEADER = '_tracer-data';

/** Whether a workflow's start continued a trace: a client with tracing on puts `traceparent` in the header. */
export function carriesTrace(headers: Headers): boolean {
  const payload = headers[TRACE_HEADER];
  if (payload === undefined) return false;
  const carrier = defaultPayloadConverter.fromPayload<Record<string, unknown> | null>(payload);
  return typeof carrier?.traceparent === 'string';
}

type OpenTelemetryInterceptors = Required<Pick<WorkflowInterceptors, 'inbound' | 'outbound' | 'internals'>>;

function openTelemetry(): OpenTelemetryInterceptors {
  // Required here, not imported: the OpenTelemetry SDK's modules are evaluated anew for every workflow
  // that loads them, and a workflow nobody traces should not pay for that (docs/observability.md).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { interceptors } = require('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors') as {
    interceptors: () => OpenTelemetryInterceptors;
  };
  return interceptors();
}

type Intercept = (input: unknown, next: (input: unknown) => unknown) => unknown;

/** An interceptor whose `methods` call the same method of `target()` when there is one, else go straight on. */
function delegating<T>(methods: string[], target: () => object | undefined): T {
  const entries = methods.map((method): [string, Intercept] => [
    method,
    (input, next) => {
      const interceptor = target() as Record<string, Intercept> | undefined;
      return interceptor?.[method] ? interceptor[method](input, next) : next(input);
    },
  ]);
  return Object.fromEntries(entries) as T;
}

/**
 * The workflow interceptors bundled with the workflow code (docs/observability.md, "Tracing"): the
 * OpenTelemetry ones for a workflow whose start carried a trace context, nothing for one that did
 * not. The header is in the workflow's history, so a replay makes the same choice; spans never add
 * commands, so either way the history is the same.
 */
export const interceptors = (): WorkflowInterceptors => {
  let traced: OpenTelemetryInterceptors | undefined;
  const inbound = delegating<WorkflowInboundCallsInterceptor>(
    ['handleSignal', 'handleUpdate', 'validateUpdate', 'handleQuery'],
    () => traced?.inbound[0],
  );
  inbound.execute = (input, next) => {
    if (carriesTrace(input.headers)) traced = openTelemetry();
    const execute = traced?.inbound[0]?.execute?.bind(traced.inbound[0]);
    return execute ? execute(input, next) : next(input);
  };
  return {
    inbound: [inbound],
    outbound: [
      delegating<WorkflowOutboundCallsInterceptor>(
        [
          'scheduleActivity',
          'scheduleLocalActivity',
          'startNexusOperation',
          'startChildWorkflowExecution',
          'continueAsNew',
          'signalWorkflow',
          'getLogAttributes',
        ],
        () => traced?.outbound[0],
      ),
    ],
    internals: [delegating<WorkflowInternalsInterceptor>(['dispose'], () => traced?.internals[0])],
  };
};
