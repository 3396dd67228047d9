import { proxyActivities } from '@temporalio/workflow';
import type { SellerDigestActivities } from '../../activities/notification/seller-digest.activities';
import type { DigestPage } from '../../application/notification/send-seller-digests';
import { formatSeoulDate } from '../../domain/notification/notification-format';
import { DATABASE_RETRY } from '../shared/activity-options';
import type { SellerDigestInput, SellerDigestReport } from './seller-digest.messages';

const digest = proxyActivities<SellerDigestActivities>({
  startToCloseTimeout: '5 minutes',
  retry: DATABASE_RETRY,
});

/**
 * The sellers' daily digest (docs/notifications.md#sellers-daily-digest): started at 09:00 Seoul
 * time by the `seller-daily-digest` schedule, it walks the sellers with waiting work page by page.
 * A rerun the same day (a retry, a manual start) sends nobody a second e-mail.
 */
export async function sellerDigestWorkflow(input: SellerDigestInput = {}): Promise<SellerDigestReport> {
  const day = input.day ?? formatSeoulDate(new Date(Date.now()));
  const report: SellerDigestReport = { day, sellers: 0, emails: 0 };
  let after: string | null = null;
  do {
    const page: DigestPage = await digest.sendSellerDigestPage({ day, after });
    report.sellers += page.sellers;
    report.emails += page.emails;
    after = page.next;
  } while (after !== null);
  return report;
}
