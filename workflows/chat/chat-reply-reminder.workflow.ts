import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { ChatActivities } from '../../activities/chat/chat.activities';
import { notifications } from '../notification/send-notification';
import { DATABASE_RETRY, withTimeout } from '../shared/activity-options';
import {
  chatAwaitingReplySignal,
  chatReminderDedupeKey,
  chatWaitEndedSignal,
  type ChatReplyReminderInput,
} from './chat-reminder.messages';

const chat = proxyActivities<ChatActivities>(withTimeout('30 seconds', DATABASE_RETRY));

/** After a reminder the timer waits this long for the answer before it lets the conversation go. */
const GIVE_UP_AFTER_REMINDER = '30 days';

/** "1시간", "30분", "1시간 30분": the wait as the seller reads it. */
export function koreanDuration(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest}분`;
  return rest === 0 ? `${hours}시간` : `${hours}시간 ${rest}분`;
}

/**
 * The reply reminder of one conversation (채팅 답변 알림). Started (signal-with-start) when a
 * consumer begins waiting; if the seller side has not answered after `remindAfterMs`, the seller
 * gets one AlimTalk for that waiting period. Ends when nobody is waiting any more; the next wait
 * starts a new run under the same id.
 */
export async function chatReplyReminderWorkflow(
  input: ChatReplyReminderInput,
): Promise<{ reminded: number[] }> {
  let waitingRound: number | null = null;
  let endedThrough = 0;
  setHandler(chatAwaitingReplySignal, ({ round }) => {
    if (round > endedThrough && (waitingRound === null || round > waitingRound)) waitingRound = round;
  });
  setHandler(chatWaitEndedSignal, ({ round }) => {
    endedThrough = Math.max(endedThrough, round);
    if (waitingRound !== null && waitingRound <= endedThrough) waitingRound = null;
  });

  const reminded: number[] = [];
  // Every run starts with signal-with-start; wait for that signal to be handled before looking.
  await condition(() => waitingRound !== null || endedThrough > 0, '1 minute');
  while (waitingRound !== null) {
    const round: number = waitingRound;
    const ended = await condition(() => waitingRound !== round, input.remindAfterMs);
    if (ended) continue;
    // The API signals best-effort: ask the database before bothering the seller.
    if (await chat.isAwaitingReply({ conversationId: input.conversationId, round })) {
      await notifications.sendNotification({
        templateCode: 'CHAT_REPLY_REMINDER',
        recipient: { userId: input.sellerId },
        variables: {
          대기시간: koreanDuration(input.remindAfterMs),
          문의번호: input.conversationId.slice(-8).toUpperCase(),
        },
        dedupeKey: chatReminderDedupeKey(input.conversationId, round),
      });
      reminded.push(round);
    }
    if (!(await condition(() => waitingRound !== round, GIVE_UP_AFTER_REMINDER))) break;
  }
  return { reminded };
}
