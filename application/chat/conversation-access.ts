import { chatAccess } from '../../domain/chat/chat-access';
import { chatNotFound } from '../../domain/chat/chat-errors';
import type { Principal } from '../../domain/identity/principal';
import { DomainError } from '../../domain/shared/domain-error';
import type { ChatDeps, ConversationAccess } from './chat-deps';

/** The conversation and the capacity the caller acts in; 404 to anyone who is not a participant. */
export async function conversationAccess(
  deps: Pick<ChatDeps, 'store'>,
  principal: Principal,
  conversationId: string,
): Promise<ConversationAccess> {
  const conversation = await deps.store.findConversation(conversationId);
  if (!conversation) throw chatNotFound(conversationId);
  const decision = chatAccess(principal, conversation);
  if (!decision.allowed) {
    if (decision.reason === 'MISSING_PERMISSION') {
      throw new DomainError('FORBIDDEN', 'This seller has not given you the CHAT permission.', {
        reason: 'MISSING_PERMISSION',
      });
    }
    throw chatNotFound(conversationId);
  }
  return { conversation, as: decision.as };
}

export async function adminAccess(
  deps: Pick<ChatDeps, 'store'>,
  principal: Principal,
  conversationId: string,
): Promise<ConversationAccess> {
  if (principal.role !== 'ADMIN') throw new DomainError('FORBIDDEN', 'Only admins moderate conversations.');
  return conversationAccess(deps, principal, conversationId);
}
