import { defineSignal } from '@temporalio/workflow';

/** Shared by the API (which starts and signals) and the workflow (which handles). */
export { CHAT_TASK_QUEUE, NOTIFICATION_TASK_QUEUE } from '../shared/task-queues';
export { chatReminderWorkflowId } from '../shared/workflow-ids';

/** The dedupe key of the reminder of one waiting period: sent at most once, whatever retries. */
export const chatReminderDedupeKey = (conversationId: string, round: number): string =>
  `chat-reminder:${conversationId}:${round}`;

export interface ChatReplyReminderInput {
  conversationId: string;
  sellerId: string;
  /** How long a consumer may wait for the seller side before the seller is reminded. */
  remindAfterMs: number;
}

/** The consumer started waiting (round n of this conversation). */
export const chatAwaitingReplySignal = defineSignal<[{ round: number }]>('chatAwaitingReply');
/** The wait of round n (and any before it) ended: the seller side answered or the conversation closed. */
export const chatWaitEndedSignal = defineSignal<[{ round: number }]>('chatWaitEnded');
