import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderTemplate } from './render-template';
import { sellerDigestRequests, waitingText, type SellerBacklog } from './seller-digest';

const none = { count: 0, oldest: [] };
const backlog = (over: Partial<SellerBacklog> = {}): SellerBacklog => ({
  sellerId: 's1',
  toPrepare: none,
  toShip: none,
  returns: none,
  ...over,
});

describe('sellers’ daily digest', () => {
  test('nothing waiting: no e-mail at all', () => {
    assert.deepEqual(
      sellerDigestRequests(backlog(), { day: '2026-12-07', sellerName: '상회', recipients: ['s1'] }),
      [],
    );
  });

  test('one e-mail per recipient, keyed by day, seller and recipient; counts with the oldest orders', () => {
    const requests = sellerDigestRequests(
      backlog({
        toPrepare: { count: 5, oldest: ['JT-1', 'JT-2', 'JT-3'] },
        returns: { count: 1, oldest: ['JT-9'] },
      }),
      { day: '2026-12-07', sellerName: '바쁜상회', recipients: ['s1', 'm1'] },
    );
    assert.deepEqual(
      requests.map((r) => r.dedupeKey),
      ['seller-digest:2026-12-07:s1:s1', 'seller-digest:2026-12-07:s1:m1'],
    );
    const mail = renderTemplate('SELLER_DAILY_DIGEST', requests[0]!.variables).email!;
    assert.equal(mail.subject, '[장터] 2026-12-07 처리 대기 주문 안내 - 바쁜상회');
    assert.match(mail.text, /상품 준비 \(결제 완료\): 5건 \(오래된 순: JT-1, JT-2, JT-3\)/);
    assert.match(mail.text, /발송 대기 \(송장 미등록\): 없음/);
    assert.match(mail.text, /반품 승인 대기: 1건 \(오래된 순: JT-9\)/);
  });

  test('waiting text', () => {
    assert.equal(waitingText(none), '없음');
    assert.equal(waitingText({ count: 2, oldest: [] }), '2건');
  });
});
