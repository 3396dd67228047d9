import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Principal } from '../identity/principal';
import { DomainError } from '../shared/domain-error';
import { chatAccess, listableSellerIds } from './chat-access';
import { MAX_CHAT_MESSAGE_LENGTH, validateHideReason, validateMessageText } from './chat-message';
import { applyReplyClock, newConversation, replyClockAfterMessage } from './conversation';

const principal = (role: Principal['role'], userId: string, grants: Principal['grants'] = []): Principal => ({
  userId,
  role,
  sessionId: 's',
  grants,
});
const conversation = newConversation({
  id: 'c1',
  consumerId: 'consumer-1',
  sellerId: 'seller-1',
  now: new Date('2024-11-25T00:00:00Z'),
});

describe('chat access', () => {
  test('the consumer, the seller, a manager with CHAT and any admin take part; nobody else', () => {
    assert.deepEqual(chatAccess(principal('CONSUMER', 'consumer-1'), conversation), {
      allowed: true,
      as: 'CONSUMER',
    });
    assert.deepEqual(chatAccess(principal('SELLER', 'seller-1'), conversation), {
      allowed: true,
      as: 'SELLER',
    });
    assert.deepEqual(
      chatAccess(principal('MANAGER', 'm1', [{ sellerId: 'seller-1', permissions: ['CHAT'] }]), conversation),
      { allowed: true, as: 'MANAGER' },
    );
    assert.deepEqual(chatAccess(principal('ADMIN', 'a1'), conversation), { allowed: true, as: 'ADMIN' });

    assert.deepEqual(chatAccess(principal('CONSUMER', 'consumer-2'), conversation), {
      allowed: false,
      reason: 'NOT_A_PARTICIPANT',
    });
    assert.deepEqual(chatAccess(principal('SELLER', 'seller-2'), conversation), {
      allowed: false,
      reason: 'NOT_A_PARTICIPANT',
    });
    assert.deepEqual(
      chatAccess(
        principal('MANAGER', 'm2', [{ sellerId: 'seller-1', permissions: ['ORDERS'] }]),
        conversation,
      ),
      { allowed: false, reason: 'MISSING_PERMISSION' },
    );
    assert.deepEqual(
      chatAccess(principal('MANAGER', 'm3', [{ sellerId: 'seller-2', permissions: ['CHAT'] }]), conversation),
      { allowed: false, reason: 'NOT_A_PARTICIPANT' },
    );
  });

  test('lists: a seller its own, a manager the sellers that granted CHAT, an admin all', () => {
    assert.deepEqual(listableSellerIds(principal('SELLER', 's1')), ['s1']);
    assert.deepEqual(
      listableSellerIds(
        principal('MANAGER', 'm', [
          { sellerId: 's1', permissions: ['CHAT'] },
          { sellerId: 's2', permissions: ['PRODUCTS'] },
        ]),
      ),
      ['s1'],
    );
    assert.equal(listableSellerIds(principal('ADMIN', 'a')), null);
    assert.deepEqual(listableSellerIds(principal('CONSUMER', 'c')), []);
  });
});

describe('chat messages', () => {
  test('text is kept exactly as sent, markup included; the limit counts characters, not UTF-16 units', () => {
    const raw = '  <b>굵게</b> & <script>alert(1)</script>\n';
    assert.equal(validateMessageText(raw), raw);
    assert.equal(
      validateMessageText('😀'.repeat(MAX_CHAT_MESSAGE_LENGTH)).length,
      MAX_CHAT_MESSAGE_LENGTH * 2,
    );
  });

  test('empty, whitespace-only, too long and non-text messages are refused with CHAT_MESSAGE_INVALID', () => {
    for (const bad of ['', '   \n\t', 'a'.repeat(MAX_CHAT_MESSAGE_LENGTH + 1), 42, null, 'a\u0000b']) {
      assert.throws(
        () => validateMessageText(bad),
        (error: unknown) => error instanceof DomainError && error.code === 'CHAT_MESSAGE_INVALID',
      );
    }
  });

  test('a hide needs a reason', () => {
    assert.equal(validateHideReason('  욕설 '), '욕설');
    assert.throws(() => validateHideReason(' '), DomainError);
  });
});

describe('the reply clock', () => {
  const now = new Date('2024-11-25T01:00:00Z');

  test('a consumer starts a waiting round; more consumer messages keep the same wait; the seller side ends it', () => {
    const first = replyClockAfterMessage(conversation, 'CONSUMER', 'TEXT', now);
    assert.deepEqual(first, { kind: 'STARTED_WAITING', round: 1, since: now });
    const waiting = applyReplyClock(conversation, first);
    assert.deepEqual(replyClockAfterMessage(waiting, 'CONSUMER', 'TEXT', now), { kind: 'NONE' });
    const answered = replyClockAfterMessage(waiting, 'MANAGER', 'TEXT', now);
    assert.deepEqual(answered, { kind: 'ANSWERED', round: 1 });
    const idle = applyReplyClock(waiting, answered);
    assert.equal(idle.awaitingReplySince, null);
    assert.deepEqual(replyClockAfterMessage(idle, 'CONSUMER', 'TEXT', now), {
      kind: 'STARTED_WAITING',
      round: 2,
      since: now,
    });
  });

  test('admins and system messages do not answer for the seller; a seller writing first starts nothing', () => {
    const waiting = applyReplyClock(
      conversation,
      replyClockAfterMessage(conversation, 'CONSUMER', 'TEXT', now),
    );
    assert.deepEqual(replyClockAfterMessage(waiting, 'ADMIN', 'TEXT', now), { kind: 'NONE' });
    assert.deepEqual(replyClockAfterMessage(waiting, 'SELLER', 'SYSTEM', now), { kind: 'NONE' });
    assert.deepEqual(replyClockAfterMessage(conversation, 'SELLER', 'TEXT', now), { kind: 'NONE' });
  });
});
