import type { NotificationRequest } from './notification';

/**
 * The sellers' daily digest (docs/notifications.md#sellers-daily-digest): at 09:00 in Seoul, one
 * e-mail to each active seller (and its ORDERS managers with an e-mail address) saying what waits
 * for them, sent only when something does, once per recipient and Seoul day.
 */
export interface WaitingWork {
  count: number;
  /** Order numbers of the oldest waiting ones, oldest first (at most DIGEST_OLDEST_SHOWN). */
  oldest: string[];
}

export interface SellerBacklog {
  sellerId: string;
  /** Paid parts not yet being prepared. */
  toPrepare: WaitingWork;
  /** Parts being prepared without an invoice yet. */
  toShip: WaitingWork;
  /** Return requests waiting for the seller's decision. */
  returns: WaitingWork;
}

export const DIGEST_OLDEST_SHOWN = 3;

export function hasWaitingWork(backlog: SellerBacklog): boolean {
  return backlog.toPrepare.count + backlog.toShip.count + backlog.returns.count > 0;
}

/** "2건 (오래된 순: JT-1, JT-2)" or "없음". */
export function waitingText(work: WaitingWork): string {
  if (work.count === 0) return '없음';
  const oldest = work.oldest.slice(0, DIGEST_OLDEST_SHOWN).join(', ');
  return oldest ? `${work.count}건 (오래된 순: ${oldest})` : `${work.count}건`;
}

export const sellerDigestDedupeKey = (day: string, sellerId: string, userId: string) =>
  `seller-digest:${day}:${sellerId}:${userId}`;

/** One e-mail request per recipient, none when nothing waits. `day` is the Seoul date (YYYY-MM-DD). */
export function sellerDigestRequests(
  backlog: SellerBacklog,
  context: { day: string; sellerName: string; recipients: readonly string[] },
): NotificationRequest[] {
  if (!hasWaitingWork(backlog)) return [];
  const variables = {
    판매자명: context.sellerName,
    기준일: context.day,
    상품준비: waitingText(backlog.toPrepare),
    발송대기: waitingText(backlog.toShip),
    반품대기: waitingText(backlog.returns),
  };
  return context.recipients.map((userId) => ({
    templateCode: 'SELLER_DAILY_DIGEST',
    recipient: { userId },
    variables,
    dedupeKey: sellerDigestDedupeKey(context.day, backlog.sellerId, userId),
  }));
}
