import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { formatSeoulDate } from '../../domain/notification/notification-format';
import type { NotificationVendors } from '../../integrations/notification/notification-vendors';
import { eventually } from '../support/eventually';
import { signUpSeller, type TestAccount } from '../support/identity';
import { SellerBacklogRows } from '../support/seller-backlog-rows';
import { openNotificationWorker, type NotificationWorker } from '../support/notification-worker';
import type { TestApp } from '../support/test-app';

interface Mail {
  subject: string;
  text?: string;
  html?: string;
}

/**
 * The sellers' daily digest through the real notification context: the digest activity over
 * MariaDB, the send log, the notification workflow and the sandbox e-mail vendor.
 */
describe('sellers’ daily digest e-mail (MariaDB, notification worker, sandbox e-mail)', () => {
  let app: TestApp;
  let notifications: NotificationWorker;
  let vendors: NotificationVendors;
  let activities: NotificationWorker['activities'];
  let busy: TestAccount;
  let idle: TestAccount;
  const day = formatSeoulDate(new Date());

  before(async () => {
    notifications = await openNotificationWorker();
    ({ app, vendors, activities } = notifications);
    busy = await signUpSeller(app, { companyName: '바쁜상회' });
    idle = await signUpSeller(app, { companyName: '한가상회' });
  });

  after(() => notifications?.close());

  const mailTo = async (email: string): Promise<Mail[]> =>
    ((await (await fetch(`${vendors.sandbox.mail}/messages?to=${email}`)).json()) as { messages: Mail[] })
      .messages;

  /** Every page, as the workflow walks them. */
  async function runDigest(): Promise<number> {
    let after: string | null = null;
    let emails = 0;
    do {
      const page: Awaited<ReturnType<typeof activities.sendSellerDigestPage>> =
        await activities.sendSellerDigestPage({ day, after });
      emails += page.emails;
      after = page.next;
    } while (after !== null);
    return emails;
  }

  test('one e-mail with the counts to the seller with waiting work, none to the idle one, none more the same day', async () => {
    const rows = new SellerBacklogRows(app.dataSource);
    const toPrepare = [await rows.part(busy.id, 'PAID', 30), await rows.part(busy.id, 'PAID', 4)];
    const toShip = await rows.part(busy.id, 'PREPARING', 12);
    const returned = await rows.returnRequest(busy.id, 'REQUESTED', 3);
    await rows.part(idle.id, 'DELIVERED', 3);
    await rows.part(idle.id, 'CANCELLED', 3);

    assert.ok((await runDigest()) >= 1);
    await eventually(async () => (await mailTo(busy.email)).length === 1, { what: 'the digest e-mail' });
    const [mail] = await mailTo(busy.email);
    assert.equal(mail!.subject, `[장터] ${day} 처리 대기 주문 안내 - 바쁜상회`);
    const text = mail!.text ?? '';
    assert.match(text, new RegExp(`상품 준비 \\(결제 완료\\): 2건 \\(오래된 순: ${toPrepare.join(', ')}\\)`));
    assert.match(text, new RegExp(`발송 대기 \\(송장 미등록\\): 1건 \\(오래된 순: ${toShip}\\)`));
    assert.match(text, new RegExp(`반품 승인 대기: 1건 \\(오래된 순: ${returned}\\)`));

    assert.equal(await runDigest(), 0, 'the same Seoul day: nothing new registered');
    const log = (await app.dataSource.query(
      "SELECT COUNT(*) AS n FROM notifications WHERE template_code = 'SELLER_DAILY_DIGEST' AND recipient_user_id IN (?, ?)",
      [busy.id, idle.id],
    )) as Array<{ n: number | string }>;
    assert.equal(Number(log[0]!.n), 1, 'one send-log entry: the busy seller’s');
    assert.equal((await mailTo(busy.email)).length, 1);
    assert.deepEqual(await mailTo(idle.email), []);
  });
});
