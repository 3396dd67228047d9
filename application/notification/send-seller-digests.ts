import type { Contact, NotificationRequest } from '../../domain/notification/notification';
import { sellerAlertRecipients, type AlertGrant } from '../../domain/notification/seller-alert';
import { sellerDigestRequests, type SellerBacklog } from '../../domain/notification/seller-digest';

export interface SellerDigestDeps {
  backlog: {
    /** The next sellers with waiting work after `after`: the active ones, and where the next page starts. */
    sellersWithWork(
      after: string | null,
      limit: number,
    ): Promise<{ sellerIds: string[]; next: string | null }>;
    backlogOf(sellerId: string): Promise<SellerBacklog>;
  };
  grantsOf(sellerId: string): Promise<readonly AlertGrant[]>;
  contactOf(userId: string): Promise<Contact | null>;
  /** The sellers' 상호 (identity's seller profiles). */
  companyNamesOf(sellerIds: string[]): Promise<Map<string, string>>;
  /** The notification context's own send (stored once per dedupe key, delivered inside the calling activity, docs/notifications.md "Two delivery paths"). */
  send(request: NotificationRequest): Promise<{ notificationId: string; created: boolean }>;
}

export interface DigestPage {
  /** Active sellers on this page with something waiting. */
  sellers: number;
  /** E-mails registered now; a second run the same day registers none. */
  emails: number;
  /** The last seller of the page, to continue after; null when no seller is left. */
  next: string | null;
}

/**
 * The sellers' daily digest, one page of sellers at a time (docs/notifications.md#sellers-daily-digest):
 * the seller and its ORDERS managers who have an e-mail address each get one e-mail per Seoul day.
 */
export class SellerDigests {
  constructor(private readonly deps: SellerDigestDeps) {}

  async sendPage(input: { day: string; after: string | null; limit: number }): Promise<DigestPage> {
    const { sellerIds, next } = await this.deps.backlog.sellersWithWork(input.after, input.limit);
    const names = await this.deps.companyNamesOf(sellerIds);
    let emails = 0;
    for (const sellerId of sellerIds) {
      const backlog = await this.deps.backlog.backlogOf(sellerId);
      const recipients = await this.withEmail(
        sellerAlertRecipients(sellerId, await this.deps.grantsOf(sellerId)),
      );
      const requests = sellerDigestRequests(backlog, {
        day: input.day,
        sellerName: names.get(sellerId) ?? '판매자',
        recipients,
      });
      for (const request of requests) if ((await this.deps.send(request)).created) emails++;
    }
    return { sellers: sellerIds.length, emails, next };
  }

  private async withEmail(userIds: string[]): Promise<string[]> {
    const kept: string[] = [];
    for (const userId of userIds) if ((await this.deps.contactOf(userId))?.email) kept.push(userId);
    return kept;
  }
}
