import { authorize } from '../identity/access-policy';
import type { Principal } from '../identity/principal';
import type { ChatSenderRole } from './chat-message';
import type { Conversation } from './conversation';

export type ChatAccess =
  | { allowed: true; as: ChatSenderRole }
  | { allowed: false; reason: 'NOT_A_PARTICIPANT' | 'MISSING_PERMISSION' };

/**
 * Who may read and write a conversation: its consumer; its seller; a manager that seller assigned
 * with the CHAT permission; any admin (oversight). Everyone else is not a participant.
 */
export function chatAccess(
  principal: Principal,
  conversation: Pick<Conversation, 'consumerId' | 'sellerId'>,
): ChatAccess {
  switch (principal.role) {
    case 'CONSUMER':
      return principal.userId === conversation.consumerId
        ? { allowed: true, as: 'CONSUMER' }
        : { allowed: false, reason: 'NOT_A_PARTICIPANT' };
    case 'ADMIN':
      return { allowed: true, as: 'ADMIN' };
    case 'SELLER':
    case 'MANAGER': {
      const decision = authorize(principal, { sellerId: conversation.sellerId, permission: 'CHAT' });
      if (decision.allowed) return { allowed: true, as: principal.role };
      return {
        allowed: false,
        reason: decision.reason === 'MISSING_PERMISSION' ? 'MISSING_PERMISSION' : 'NOT_A_PARTICIPANT',
      };
    }
    default:
      return { allowed: false, reason: 'NOT_A_PARTICIPANT' };
  }
}

/** Sellers whose conversations a principal lists: its own, or those that granted it CHAT. Admins: all (null). */
export function listableSellerIds(principal: Principal): string[] | null {
  switch (principal.role) {
    case 'ADMIN':
      return null;
    case 'SELLER':
      return [principal.userId];
    case 'MANAGER':
      return principal.grants
        .filter((grant) => grant.permissions.includes('CHAT'))
        .map((grant) => grant.sellerId);
    default:
      return [];
  }
}
