import type { Context } from 'hono';
import type { UpgradeWebSocket, WSContext, WSEvents } from 'hono/ws';
import type { ChatUseCases } from '../../application/chat/chat-use-cases';
import type { ChatSenderRole } from '../../domain/chat/chat-message';
import type { ChatBroadcaster, ChatLiveEvent } from '../../domain/chat/ports';
import type { Principal } from '../../domain/identity/principal';
import { DomainError } from '../../domain/shared/domain-error';
import type { AccessClaims } from '../../platform/crypto/access-tokens';
import { AccessTokenError } from '../../platform/crypto/access-tokens';
import type { Logger } from '../../platform/observability/logger';
import type { AppEnv } from '../app-env';
import { bearerSecurity, problemResponse } from '../identity/identity-fields';
import type { PrincipalResolver } from '../middleware/authenticate';
import { problem, ProblemError } from '../problem';
import { createRouter } from '../router';
import { messageView } from './chat-views';

/** Messages sent to a socket when it opens: what arrived after `after` (default: the caller's read marker). */
const BACKLOG_LIMIT = 200;
const BEARER = /^Bearer\s+([A-Za-z0-9._~+/-]+=*)\s*$/i;

/** WebSocket close codes (4000–4999 are the application's own). */
export const LIVE_CLOSE = { SIGNED_OUT: 4401, ACCESS_ENDED: 4403, SERVER_ERROR: 1011 } as const;

export interface ChatLiveDeps {
  chat: ChatUseCases;
  broadcaster: ChatBroadcaster;
  principals: PrincipalResolver;
  upgradeWebSocket: UpgradeWebSocket<unknown>;
  logger: Logger;
  /** How often an open socket re-checks that its user still may read the conversation. */
  recheckMs?: number;
}

/**
 * The token of a live connection: the Authorization header, or (browsers cannot set headers on a
 * WebSocket) the `access_token` query parameter. Same checks and errors as every other route.
 */
async function authenticateLive(
  c: Context<AppEnv>,
  principals: PrincipalResolver,
): Promise<{ principal: Principal; claims: AccessClaims }> {
  const header = BEARER.exec(c.req.header('authorization') ?? '')?.[1];
  const token = header ?? c.req.query('access_token');
  if (!token)
    throw new ProblemError(
      'UNAUTHENTICATED',
      'Sign in first: send Authorization: Bearer <access token> or ?access_token=.',
    );
  let claims: AccessClaims;
  try {
    claims = await principals.verifyAccessToken(token);
  } catch (error) {
    if (error instanceof AccessTokenError && error.reason === 'expired')
      throw new ProblemError('TOKEN_EXPIRED', 'The access token has expired; refresh it.');
    throw new ProblemError('UNAUTHENTICATED', 'The access token is not valid.');
  }
  const principal = await principals.principalFor(claims);
  if (!principal) throw new ProblemError('TOKEN_REVOKED', 'This sign-in has ended; sign in again.');
  return { principal, claims };
}

/** `GET /chats/{id}/live`: a WebSocket per participant and conversation. */
export function createChatLiveRoutes(deps: ChatLiveDeps) {
  const router = createRouter();

  router.openAPIRegistry.registerPath({
    method: 'get',
    path: '/chats/{id}/live',
    tags: ['chat'],
    summary: 'Live messages, read receipts and moderation events over WebSocket',
    description: [
      'Upgrade with `Authorization: Bearer <access token>`, or from a browser `?access_token=<access token>`.',
      'On open the server sends `{type:"ready", unreadCount, lastSeq}` and then every message after your read marker',
      '(or after `?after=<seq>`), so nothing sent while you were away is missed. Then, as they happen:',
      '`{type:"message", message}`, `{type:"read", userId, role, lastReadSeq, lastReadMessageId, readAt}`,',
      '`{type:"message_hidden", messageId, seq}`, `{type:"closed"}`.',
      'Send `{type:"message", text, clientMessageId?}` (answered with `{type:"ack", clientMessageId, message}`),',
      '`{type:"read", messageId?}` or `{type:"ping"}`. Failures come back as `{type:"error", code, detail}`.',
      'The server closes with 4401 when the sign-in ended and 4403 when access to the conversation ended.',
    ].join(' '),
    security: bearerSecurity,
    request: { params: undefined },
    responses: {
      101: { description: 'switching to WebSocket' },
      401: problemResponse('UNAUTHENTICATED / TOKEN_EXPIRED / TOKEN_REVOKED'),
      403: problemResponse('FORBIDDEN: a manager without CHAT'),
      404: problemResponse('CHAT_NOT_FOUND'),
      426: problemResponse('UPGRADE_REQUIRED: this path only speaks WebSocket'),
    },
  });

  router.get(
    '/chats/:id/live',
    deps.upgradeWebSocket(async (c) => {
      const context = c as Context<AppEnv>;
      const { principal, claims } = await authenticateLive(context, deps.principals);
      const conversationId = context.req.param('id') ?? '';
      const { as } = await deps.chat.access(principal, conversationId);
      const afterParam = context.req.query('after');
      const after = afterParam !== undefined && /^\d{1,9}$/.test(afterParam) ? Number(afterParam) : undefined;
      const session = new LiveSession(deps, {
        conversationId,
        principal,
        claims,
        as,
        after,
        logger: context.get('logger') ?? deps.logger,
      });
      return session.events();
    }),
    (c) =>
      problem(
        c,
        426,
        'UPGRADE_REQUIRED',
        'GET /chats/{id}/live speaks WebSocket only: send Upgrade: websocket.',
      ),
  );

  return router;
}

type ClientCommand =
  | { type: 'message'; text?: unknown; clientMessageId?: unknown }
  | { type: 'read'; messageId?: unknown }
  | { type: 'ping' };

/** One open socket: catches up from the database, then relays live events, filtered for its viewer. */
class LiveSession {
  private socket: WSContext<unknown> | null = null;
  private unsubscribe: (() => Promise<void>) | null = null;
  private recheck: NodeJS.Timeout | null = null;
  private caughtUp = false;
  private closed = false;
  private pending: ChatLiveEvent[] = [];
  private lastSentSeq = 0;
  private principal: Principal;
  private readonly as: ChatSenderRole;

  constructor(
    private readonly deps: ChatLiveDeps,
    private readonly input: {
      conversationId: string;
      principal: Principal;
      claims: AccessClaims;
      as: ChatSenderRole;
      after?: number;
      logger: Logger;
    },
  ) {
    this.principal = input.principal;
    this.as = input.as;
  }

  events(): WSEvents<unknown> {
    return {
      onOpen: (_event, ws) => {
        this.socket = ws;
        this.start().catch((error: unknown) => this.fail(error));
      },
      onMessage: (event) => {
        this.command(typeof event.data === 'string' ? event.data : '').catch((error: unknown) =>
          this.fail(error),
        );
      },
      onClose: () => this.stop(),
      onError: () => this.stop(),
    };
  }

  private async start(): Promise<void> {
    const { conversationId } = this.input;
    // Listen first, then read the backlog: a message committed in between arrives twice and is
    // dropped by seq, never lost.
    this.unsubscribe = await this.deps.broadcaster.subscribe(conversationId, (event) =>
      this.onLiveEvent(event),
    );
    if (this.closed) return this.stop();
    const marker = await this.deps.chat.readMarkerOf(conversationId, this.principal.userId);
    const after = this.input.after ?? marker?.lastReadSeq ?? 0;
    const [backlog, unreadCount] = await Promise.all([
      this.deps.chat.messagesAfter(conversationId, after, BACKLOG_LIMIT),
      this.deps.chat.unreadCount(conversationId, this.principal.userId),
    ]);
    const conversation = (await this.deps.chat.access(this.principal, conversationId)).conversation;
    this.send({
      type: 'ready',
      conversationId,
      role: this.as,
      status: conversation.status,
      unreadCount,
      lastSeq: conversation.lastSeq,
      lastReadSeq: marker?.lastReadSeq ?? 0,
    });
    for (const message of backlog) {
      this.send({ type: 'message', message: messageView(message, this.as) });
      this.lastSentSeq = Math.max(this.lastSentSeq, message.seq);
    }
    this.caughtUp = true;
    for (const event of this.pending.splice(0)) this.deliver(event);
    if (this.closed) return;
    this.recheck = setInterval(() => void this.recheckAccess(), this.deps.recheckMs ?? 60_000);
    this.recheck.unref();
  }

  private onLiveEvent(event: ChatLiveEvent): void {
    if (this.closed) return;
    if (this.caughtUp) this.deliver(event);
    else this.pending.push(event);
  }

  private deliver(event: ChatLiveEvent): void {
    switch (event.type) {
      case 'message':
        if (event.message.seq <= this.lastSentSeq) return;
        this.lastSentSeq = event.message.seq;
        this.send({ type: 'message', message: messageView(event.message, this.as) });
        return;
      case 'message_hidden':
        // Participants learn only that it is hidden; admins also see who hid it and why.
        this.send(
          this.as === 'ADMIN'
            ? event
            : {
                type: 'message_hidden',
                conversationId: event.conversationId,
                messageId: event.messageId,
                seq: event.seq,
                hiddenAt: event.hiddenAt,
              },
        );
        return;
      default:
        this.send(event);
    }
  }

  private async command(raw: string): Promise<void> {
    let command: ClientCommand;
    try {
      command = JSON.parse(raw) as ClientCommand;
    } catch {
      return this.send({
        type: 'error',
        code: 'MALFORMED_REQUEST',
        detail: 'Send JSON: {"type":"message","text":"…"}.',
      });
    }
    if (command?.type === 'ping') return this.send({ type: 'pong' });
    const principal = await this.currentPrincipal();
    if (!principal) return;
    try {
      if (command?.type === 'message') {
        const { message, as } = await this.deps.chat.post(principal, this.input.conversationId, command.text);
        const clientMessageId =
          typeof command.clientMessageId === 'string' ? command.clientMessageId.slice(0, 100) : undefined;
        this.send({ type: 'ack', clientMessageId, message: messageView(message, as) });
      } else if (command?.type === 'read') {
        const messageId = typeof command.messageId === 'string' ? command.messageId : undefined;
        const result = await this.deps.chat.markRead(principal, this.input.conversationId, messageId);
        this.send({
          type: 'read_ack',
          lastReadSeq: result.marker?.lastReadSeq ?? 0,
          unreadCount: result.unreadCount,
        });
      } else {
        this.send({
          type: 'error',
          code: 'MALFORMED_REQUEST',
          detail: 'Unknown command type; use message, read or ping.',
        });
      }
    } catch (error) {
      if (error instanceof ProblemError)
        return this.send({ type: 'error', code: error.code, detail: error.detail, ...error.extensions });
      if (error instanceof DomainError)
        return this.send({ type: 'error', code: error.code, detail: error.message, ...error.details });
      throw error;
    }
  }

  /** Role, session and grants as they are now; closes the socket when the sign-in or the access ended. */
  private async currentPrincipal(): Promise<Principal | null> {
    const principal = await this.deps.principals.principalFor(this.input.claims);
    if (!principal) {
      this.close(LIVE_CLOSE.SIGNED_OUT, 'sign-in ended');
      return null;
    }
    const stillAllowed = await this.deps.chat.access(principal, this.input.conversationId).then(
      () => true,
      () => false,
    );
    if (!stillAllowed) {
      this.close(LIVE_CLOSE.ACCESS_ENDED, 'no longer a participant');
      return null;
    }
    this.principal = principal;
    return principal;
  }

  private async recheckAccess(): Promise<void> {
    try {
      await this.currentPrincipal();
    } catch (error) {
      this.input.logger.warn({ err: error }, 'live chat access re-check failed');
    }
  }

  private send(payload: unknown): void {
    if (this.closed || !this.socket || this.socket.readyState !== 1) return;
    this.socket.send(JSON.stringify(payload));
  }

  private close(code: number, reason: string): void {
    this.socket?.close(code, reason);
    this.stop();
  }

  private fail(error: unknown): void {
    this.input.logger.error(
      { err: error, conversationId: this.input.conversationId },
      'live chat connection failed',
    );
    this.close(LIVE_CLOSE.SERVER_ERROR, 'server error');
  }

  private stop(): void {
    this.closed = true;
    if (this.recheck) clearInterval(this.recheck);
    this.recheck = null;
    this.pending = [];
    const unsubscribe = this.unsubscribe;
    this.unsubscribe = null;
    unsubscribe?.().catch(() => undefined);
  }
}
