import type { NotificationRequest } from './notification';
import type { TemplateCode } from './notification-templates';

/**
 * Notices a later notice waits for (`NotificationRequest.after`): the refund notice follows the
 * cancellation or the approved return (docs/notifications.md#two-delivery-paths). Their delivery must
 * end — AlimTalk delivered or our own SMS sent — before the follower goes, so they keep a workflow.
 */
export const SEQUENCE_HEADS: ReadonlySet<TemplateCode> = new Set(['ORDER_CANCELLED', 'RETURN_APPROVED']);

/**
 * Whether a notice can be delivered in one step inside the `sendNotification` activity (AlimTalk
 * with NHN's own SMS fallback), with no workflow: it follows no other notice and none follows it.
 */
export function deliversInOneStep(request: Pick<NotificationRequest, 'templateCode' | 'after'>): boolean {
  return request.after === undefined && !SEQUENCE_HEADS.has(request.templateCode);
}
