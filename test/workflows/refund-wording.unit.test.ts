import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderTemplate } from '../../domain/notification/render-template';
import { LMS_BODY_MAX_BYTES, eucKrByteLength } from '../../domain/notification/sms-length';
import { refundMeansText } from '../../workflows/payment/payment-notices';

describe('refund wording per payment method (REFUND_COMPLETED 환불수단)', () => {
  test('each method says where the money goes and when', () => {
    const pg = { pgAmount: 12_000, pointsAmount: 0 };
    assert.equal(
      refundMeansText({ method: 'CARD' }, pg),
      '카드 12,000원 승인 취소 (카드사에 따라 영업일 3~7일 내 반영)',
    );
    assert.equal(refundMeansText({ method: 'KAKAOPAY' }, pg), '카카오페이 12,000원 결제 취소, 즉시 환불');
    assert.equal(refundMeansText({ method: 'NAVERPAY' }, pg), '네이버페이 12,000원 결제 취소, 즉시 환불');
    assert.equal(
      refundMeansText({ method: 'BANK_TRANSFER' }, pg),
      '환불계좌로 12,000원 입금 (영업일 1~2일 내)',
    );
    assert.equal(
      refundMeansText({ method: 'POINTS' }, { pgAmount: 0, pointsAmount: 7_000 }),
      '포인트 7,000원 즉시 복원',
    );
    assert.equal(
      refundMeansText({ method: 'NAVERPAY' }, { pgAmount: 3_000, pointsAmount: 1_500 }),
      '네이버페이 3,000원 결제 취소, 즉시 환불 + 포인트 1,500원 즉시 복원',
    );
  });

  test('the longest wording renders in AlimTalk and falls back as an LMS within its limits', () => {
    const rendered = renderTemplate('REFUND_COMPLETED', {
      고객명: '김민지',
      주문번호: 'JT-20261207-000123',
      환불금액: '1,234,000원',
      환불수단: refundMeansText({ method: 'CARD' }, { pgAmount: 1_000_000, pointsAmount: 234_000 }),
      환불일시: '2026-12-07 10:00',
    });
    assert.match(
      rendered.alimtalk!.text,
      /환불수단: 카드 1,000,000원 승인 취소 .+ \+ 포인트 234,000원 즉시 복원/,
    );
    assert.equal(rendered.sms!.type, 'LMS');
    assert.equal(rendered.sms!.title, '[장터] 환불 완료');
    assert.ok(eucKrByteLength(rendered.sms!.body) <= LMS_BODY_MAX_BYTES);
    assert.match(rendered.sms!.body, /포인트 234,000원 즉시 복원$/);
  });
});
