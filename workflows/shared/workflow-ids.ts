/**
 * Every workflow id, built from business keys so a repeated start finds the running workflow
 * instead of starting a second one, and an operator can search for it in the Temporal UI.
 */
export {
  orderWorkflowId,
  paymentWorkflowId,
  paymentWorkflowId as paymentAttemptWorkflowId,
  shipmentWorkflowId,
} from '../../domain/ordering/workflow-ids';
export { notificationWorkflowId } from '../../domain/notification/notification';

/** One hold per waiting-queue entry. */
export const restockHoldWorkflowId = (variantId: string, entryId: string): string =>
  `restock-hold:${variantId}:${entryId}`;

/** One reminder timer per conversation; a later waiting period reuses the id once the previous run ended. */
export const chatReminderWorkflowId = (conversationId: string): string => `chat-reminder:${conversationId}`;

/** One run per settled week: a repeated start (schedule, admin) finds the week's run instead of a second one. */
export const weeklySettlementWorkflowId = (weekId: string): string => `weekly-settlement:${weekId}`;

/** The payout, tax invoice and statement of one seller's settlement. */
export const settlementPayoutWorkflowId = (settlementId: string): string => `settlement:${settlementId}`;

/** An operator's retry of a refused refund, one run per dead letter (a repeated retry finds it). */
export const refundRetryWorkflowId = (deadLetterId: string): string => `refund-retry:${deadLetterId}`;
