import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { getApiV1Chats, getApiV1SellerChatsWaiting, type Conversation } from '../../api/generated';
import { useSession } from '../../auth/useSession';
import { ChatConversation } from './aftersale/ChatConversation';
import './aftersale/aftersale.css';
import { dateTime } from '../../format/dates';
import { ErrorText } from '../../ui/ListState';

/** There is no inbox-wide socket: the lists refresh this often (open conversations are live). */
const INBOX_REFRESH_MS = 3_000;

function ConversationList({
  title,
  conversations,
  open,
  onOpen,
  empty,
}: {
  title: string;
  conversations: { isPending: boolean; error: unknown; data?: Conversation[] };
  open: string | null;
  onOpen(id: string): void;
  empty: string;
}) {
  return (
    <section aria-label={title}>
      <h2 className="list-title">{title}</h2>
      {conversations.isPending ? (
        <p className="muted">불러오는 중…</p>
      ) : conversations.error ? (
        <ErrorText error={conversations.error} />
      ) : conversations.data!.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="stack chat-list">
          {conversations.data!.map((c) => (
            <li key={c.id}>
              <button type="button" aria-current={open === c.id} onClick={() => onOpen(c.id)}>
                <span>
                  {c.lastMessage?.text ?? '새 대화'}
                  {c.unreadCount > 0 && <span className="badge warn"> 안 읽음 {c.unreadCount}</span>}
                </span>
                <small className="muted">
                  {c.status === 'CLOSED'
                    ? '종료됨'
                    : c.waitingForReplySince
                      ? `답변 대기 ${dateTime(c.waitingForReplySince)}부터`
                      : dateTime(c.lastMessageAt ?? c.createdAt)}
                </small>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** 채팅: the waiting queue, every conversation, and the one open with live messages. */
export default function ChatPage() {
  const state = useSession();
  const [params, setParams] = useSearchParams();
  const open = params.get('c');
  const sellerId = state.status === 'signedIn' ? state.actingSellerId : null;
  const waiting = useQuery({
    queryKey: ['seller-chats', 'waiting', sellerId],
    queryFn: async () =>
      (await getApiV1SellerChatsWaiting({ query: { limit: 50 }, throwOnError: true })).data.items,
    refetchInterval: INBOX_REFRESH_MS,
  });
  const all = useQuery({
    queryKey: ['seller-chats', 'all', sellerId],
    queryFn: async () =>
      (await getApiV1Chats({ query: { limit: 50, sellerId: sellerId ?? undefined }, throwOnError: true }))
        .data.items,
    refetchInterval: INBOX_REFRESH_MS,
  });
  if (state.status !== 'signedIn') return null;
  const show = (id: string) => setParams({ c: id });

  return (
    <section>
      <h1>채팅</h1>
      <div className="chat">
        <div>
          <ConversationList
            title="답변 대기"
            conversations={waiting}
            open={open}
            onOpen={show}
            empty="답변을 기다리는 문의가 없습니다."
          />
          <ConversationList
            title="전체 대화"
            conversations={all}
            open={open}
            onOpen={show}
            empty="아직 대화가 없습니다."
          />
        </div>
        {open ? (
          <ChatConversation key={open} id={open} isAdmin={state.me.role === 'ADMIN'} />
        ) : (
          <p className="muted">왼쪽 목록에서 대화를 고르세요.</p>
        )}
      </div>
    </section>
  );
}
