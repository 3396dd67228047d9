import type { Context as ActivityContext } from '@temporalio/activity';
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  type OpenTelemetrySinks,
} from '@temporalio/interceptors-opentelemetry';
import type { ActivityInterceptors, InjectedSinks, WorkerInterceptors } from '@temporalio/worker';
import { reportError } from '../observability/error-tracking';
import { currentTracing } from '../observability/tracing';

/** The OpenTelemetry workflow interceptors, which workflow-tracing.ts turns on for traced workflows only. */
export const OPEN_TELEMETRY_WORKFLOW_MODULE =
  require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors');

/** Workflow-side interceptors, bundled with the workflow code (workers/workflow-source.ts). */
export const WORKFLOW_TRACING_MODULES = [require.resolve('./workflow-tracing')];

/**
 * Whether this failure ends the activity for good with an error nobody expected: a business refusal
 * (a non-retryable ApplicationFailure, how activities here translate domain errors) or a cancellation
 * is an outcome, not a fault; anything else is terminal on the last attempt its retry policy allows.
 */
export function failsTerminally(error: unknown, info: ActivityContext['info']): boolean {
  if (error instanceof CancelledFailure) return false;
  if (error instanceof ApplicationFailure && error.nonRetryable) return false;
  const policy = info.retryPolicy;
  const type =
    error instanceof ApplicationFailure ? error.type : error instanceof Error ? error.name : undefined;
  if (type && policy?.nonRetryableErrorTypes?.includes(type)) return true;
  const maximumAttempts = policy?.maximumAttempts ?? 0;
  return maximumAttempts > 0 && info.attempt >= maximumAttempts;
}

function errorReporting(ctx: ActivityContext): ActivityInterceptors {
  return {
    inbound: {
      async execute(input, next) {
        try {
          return await next(input);
        } catch (error) {
          if (failsTerminally(error, ctx.info))
            reportError(error, {
              tags: {
                activity: ctx.info.activityType,
                workflowType: ctx.info.workflowType ?? '',
                taskQueue: ctx.info.taskQueue,
              },
            });
          throw error;
        }
      },
    },
  };
}

/**
 * Interceptors and sinks of a worker: activity spans continue the workflow's trace, workflow spans
 * (recorded inside the sandbox) leave it through the `exporter` sink, and activities that fail
 * terminally are reported to error tracking. Behaviour is unchanged: errors are rethrown as they were.
 */
export function workerObservability(): {
  interceptors: WorkerInterceptors;
  sinks: InjectedSinks<OpenTelemetrySinks>;
} {
  const tracing = currentTracing();
  return {
    interceptors: {
      activity: [
        (ctx) => ({
          inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
          outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
        }),
        errorReporting,
      ],
    },
    sinks: { exporter: makeWorkflowExporter(tracing.spanProcessor, tracing.resource) },
  };
}
