import { useEffect, useRef, useState } from 'react';
import type { ChatMessage as NullableMessage } from '../../../api/generated';

type ChatMessage = NonNullable<NullableMessage>;
import { session } from '../../../auth/session';

export type LiveState = 'connecting' | 'live' | 'offline' | 'ended';

/** Close codes of GET /chats/{id}/live (docs/chat.md): sign-in ended, access ended. */
const SIGNED_OUT = 4401;
const ACCESS_ENDED = 4403;

type LiveEvent =
  | { type: 'ready'; status: 'OPEN' | 'CLOSED'; lastSeq: number }
  | { type: 'message'; message: ChatMessage }
  | { type: 'closed' }
  | { type: string };

/**
 * The conversation's WebSocket (`/chats/{id}/live?access_token=`): messages after `after` first, then
 * live ones; reconnects with the seq it has, refreshing the token when the sign-in asks for it.
 */
export function useChatLive(
  conversationId: string,
  after: number | null,
  handlers: { onMessage(message: ChatMessage): void; onClosed(): void },
): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  const latest = useRef(handlers);
  latest.current = handlers;
  const seen = useRef(after ?? 0);

  useEffect(() => {
    if (after === null) return;
    seen.current = Math.max(seen.current, after);
    let socket: WebSocket | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let attempts = 0;

    const connect = async () => {
      const token = await session.accessToken();
      if (stopped || !token) return;
      const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
      const query = new URLSearchParams({ access_token: token, after: String(seen.current) });
      socket = new WebSocket(
        `${scheme}://${window.location.host}/api/v1/chats/${encodeURIComponent(conversationId)}/live?${query}`,
      );
      setState('connecting');
      socket.onmessage = (frame) => {
        const event = JSON.parse(String(frame.data)) as LiveEvent;
        if (event.type === 'ready') {
          attempts = 0;
          setState('live');
        } else if (event.type === 'message' && 'message' in event) {
          seen.current = Math.max(seen.current, event.message.seq);
          latest.current.onMessage(event.message);
        } else if (event.type === 'closed') latest.current.onClosed();
      };
      socket.onclose = (close) => {
        socket = null;
        if (stopped) return;
        if (close.code === ACCESS_ENDED) return setState('ended');
        setState('offline');
        attempts += 1;
        const again = () => void connect().catch(() => setState('offline'));
        const wait = Math.min(10_000, 500 * 2 ** Math.min(attempts, 5));
        retry = setTimeout(
          close.code === SIGNED_OUT ? () => void session.refresh().then(again, again) : again,
          wait,
        );
      };
    };
    void connect().catch(() => setState('offline'));
    return () => {
      stopped = true;
      clearTimeout(retry);
      socket?.close(1000, 'left the conversation');
    };
  }, [conversationId, after]);

  return state;
}
