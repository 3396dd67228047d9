import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import {
  getApiV1ChatsById,
  getApiV1ChatsByIdMessages,
  postApiV1ChatsByIdClose,
  postApiV1ChatsByIdMessages,
  postApiV1ChatsByIdRead,
  type ChatMessage as NullableMessage,
} from '../../../api/generated';
import { useChatLive, type LiveState } from './useChatLive';
import { dateTime } from '../../../format/dates';
import { ErrorText } from '../../../ui/ListState';

/** The generated type allows null (a conversation's lastMessage); a message itself never is. */
type ChatMessage = NonNullable<NullableMessage>;

const SENDER: Record<ChatMessage['sender']['role'], string> = {
  CONSUMER: '구매자',
  SELLER: '판매자',
  MANAGER: '매니저',
  ADMIN: '관리자',
};
const SYSTEM: Record<string, string> = {
  ADMIN_JOINED: '관리자가 대화에 참여했습니다.',
  CLOSED: '대화가 종료되었습니다.',
};
const LIVE: Record<LiveState, string> = {
  connecting: '연결 중…',
  live: '실시간 연결됨',
  offline: '연결 끊김, 다시 연결하는 중…',
  ended: '이 대화에 접근할 수 없습니다.',
};

const bySeq = (messages: NullableMessage[]) =>
  messages.filter((m): m is ChatMessage => m !== null).sort((a, b) => a.seq - b.seq);

function Bubble({ message }: { message: ChatMessage }) {
  if (message.kind === 'SYSTEM')
    return <li className="bubble system">{SYSTEM[message.event ?? ''] ?? message.text}</li>;
  const ours = message.sender.role === 'SELLER' || message.sender.role === 'MANAGER';
  return (
    <li className={`bubble${ours ? ' mine' : ''}`} aria-label={`${SENDER[message.sender.role]} 메시지`}>
      <small>
        {SENDER[message.sender.role]} · {dateTime(message.createdAt)}
      </small>
      {message.text}
    </li>
  );
}

/** One conversation: its history, live messages over the WebSocket, read receipts, the reply box. */
export function ChatConversation({ id, isAdmin }: { id: string; isAdmin: boolean }) {
  const queries = useQueryClient();
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [after, setAfter] = useState<number | null>(null);
  const [closed, setClosed] = useState(false);
  const list = useRef<HTMLOListElement>(null);

  const detail = useQuery({
    queryKey: ['chat', id],
    queryFn: async () => (await getApiV1ChatsById({ path: { id }, throwOnError: true })).data,
  });
  const history = useQuery({
    queryKey: ['chat-messages', id],
    queryFn: async () =>
      (await getApiV1ChatsByIdMessages({ path: { id }, query: { limit: 50 }, throwOnError: true })).data,
    staleTime: Infinity,
  });
  const refreshLists = useCallback(
    () => queries.invalidateQueries({ queryKey: ['seller-chats'] }),
    [queries],
  );
  const markRead = useMutation({
    mutationFn: () => postApiV1ChatsByIdRead({ path: { id }, body: {}, throwOnError: true }),
    onSuccess: refreshLists,
  });

  useEffect(() => {
    if (!history.data || after !== null) return;
    setMessages(bySeq(history.data.items));
    setAfter(history.data.items.reduce((max, m) => Math.max(max, m?.seq ?? 0), 0));
    markRead.mutate();
  }, [history.data, after, markRead]);

  const live = useChatLive(id, after, {
    onMessage: (message) => {
      setMessages((now) => (now.some((m) => m.seq === message.seq) ? now : bySeq([...now, message])));
      if (message.sender.role === 'CONSUMER') markRead.mutate();
    },
    onClosed: () => {
      setClosed(true);
      void refreshLists();
    },
  });

  useEffect(() => {
    list.current?.lastElementChild?.scrollIntoView({ block: 'nearest' });
  }, [messages]);

  const send = useMutation({
    mutationFn: (text: string) =>
      postApiV1ChatsByIdMessages({ path: { id }, body: { text }, throwOnError: true }),
    onSuccess: ({ data }) => {
      setMessages((now) => (now.some((m) => m.seq === data?.seq) ? now : bySeq([...now, data])));
      void refreshLists();
    },
  });
  const close = useMutation({
    mutationFn: () => postApiV1ChatsByIdClose({ path: { id }, throwOnError: true }),
    onSuccess: () => {
      setClosed(true);
      void refreshLists();
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const text = String(new FormData(form).get('text') ?? '');
    if (!text.trim()) return;
    send.mutate(text, { onSuccess: () => form.reset() });
  };

  if (detail.isPending || history.isPending) return <p className="muted">대화를 불러오는 중…</p>;
  const error = detail.error ?? history.error;
  if (error) return <ErrorText error={error} />;
  const isClosed = closed || detail.data?.status === 'CLOSED';

  return (
    <article className="card" aria-label="대화">
      <div className="heading">
        <h2>구매자 문의</h2>
        <span className="live muted" role="status">
          {isClosed ? '종료된 대화' : LIVE[live]}
        </span>
      </div>
      {messages.length === 0 ? (
        <p className="muted">아직 메시지가 없습니다.</p>
      ) : (
        <ol className="messages" aria-label="메시지" ref={list}>
          {messages.map((message) => (
            <Bubble key={message.id} message={message} />
          ))}
        </ol>
      )}
      {!isClosed && (
        <form className="composer" onSubmit={submit}>
          <label>
            답장
            <textarea name="text" rows={2} maxLength={2000} required />
          </label>
          <button type="submit" disabled={send.isPending}>
            보내기
          </button>
        </form>
      )}
      {isAdmin && !isClosed && (
        <div className="actions">
          <button
            type="button"
            className="secondary"
            disabled={close.isPending}
            onClick={() => close.mutate()}
          >
            대화 종료
          </button>
        </div>
      )}
      <ErrorText error={send.error ?? close.error} />
    </article>
  );
}
