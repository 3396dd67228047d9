import { defineSignal } from '@temporalio/workflow';

/** A provider webhook reported on this notification's AlimTalk; the workflow re-checks at once. */
export const deliveryReportedSignal = defineSignal('deliveryReported');
