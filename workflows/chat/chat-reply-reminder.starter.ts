import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { ChatReplyReminders } from '../../domain/chat/ports';
import {
  CHAT_TASK_QUEUE,
  chatAwaitingReplySignal,
  chatReminderWorkflowId,
  chatWaitEndedSignal,
  type ChatReplyReminderInput,
} from './chat-reminder.messages';

/** Drives `chatReplyReminderWorkflow` from the API: signal-with-start on a new wait, a signal when it ends. */
export class TemporalChatReplyReminders implements ChatReplyReminders {
  constructor(
    private readonly client: () => Client,
    private readonly remindAfterMs: number,
    private readonly taskQueue: string = CHAT_TASK_QUEUE,
  ) {}

  async awaitingReply(input: { conversationId: string; sellerId: string; round: number }): Promise<void> {
    const args: ChatReplyReminderInput = {
      conversationId: input.conversationId,
      sellerId: input.sellerId,
      remindAfterMs: this.remindAfterMs,
    };
    await this.client().workflow.signalWithStart('chatReplyReminderWorkflow', {
      taskQueue: this.taskQueue,
      workflowId: chatReminderWorkflowId(input.conversationId),
      args: [args],
      signal: chatAwaitingReplySignal,
      signalArgs: [{ round: input.round }],
    });
  }

  async waitEnded(input: { conversationId: string; round: number }): Promise<void> {
    try {
      await this.client()
        .workflow.getHandle(chatReminderWorkflowId(input.conversationId))
        .signal(chatWaitEndedSignal, { round: input.round });
    } catch (error) {
      // No running timer (it already reminded and ended, or never started): nothing to stop.
      if (error instanceof WorkflowNotFoundError) return;
      throw error;
    }
  }
}
