import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sellerAlertRecipients, sellerAlertRequests } from './seller-alert';
import { renderTemplate } from './render-template';

const grant = (managerId: string, permissions: string[], revokedAt: Date | null = null) => ({
  managerId,
  permissions,
  revokedAt,
});

describe('seller alerts', () => {
  test('go to the seller and to managers with ORDERS whose grant stands, each once', () => {
    const recipients = sellerAlertRecipients('seller', [
      grant('orders-manager', ['ORDERS', 'CHAT']),
      grant('products-manager', ['PRODUCTS']),
      grant('revoked-manager', ['ORDERS'], new Date()),
      grant('orders-manager', ['ORDERS']),
    ]);
    assert.deepEqual(recipients, ['seller', 'orders-manager']);
  });

  test('each recipient gets its own request, deduplicated per recipient', () => {
    const requests = sellerAlertRequests(
      {
        sellerId: 'seller',
        templateCode: 'SELLER_RETURN_REQUESTED',
        variables: { 주문번호: 'JT1', 상품명: '머그컵 2개', 반품사유: '파손' },
        dedupeKey: 'seller-return:r1',
        orderId: 'o1',
      },
      ['seller', 'manager'],
    );
    assert.deepEqual(
      requests.map((r) => [r.recipient, r.dedupeKey, r.orderId]),
      [
        [{ userId: 'seller' }, 'seller-return:r1:seller', 'o1'],
        [{ userId: 'manager' }, 'seller-return:r1:manager', 'o1'],
      ],
    );
  });

  test('the Korean templates render with the alert’s values', () => {
    const rendered = renderTemplate('SELLER_LOW_STOCK', {
      고객명: '박판매',
      상품명: '머그컵',
      옵션명: '색상: 빨강',
      남은수량: '2',
      알림기준: '3',
    });
    assert.match(rendered.alimtalk!.text, /재고 부족 알림/);
    assert.match(rendered.alimtalk!.text, /남은 수량: 2/);
    assert.match(rendered.sms!.body, /머그컵 색상: 빨강 재고 2개/);
  });
});
