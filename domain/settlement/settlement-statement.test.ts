import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { validateNotificationRequest } from '../notification/notification';
import { renderTemplate } from '../notification/render-template';
import type { SettlementDetail, SettlementLine } from './settlement';
import { settlementStatementCsv, settlementStatementRequest } from './settlement-statement';

const settlement: SettlementDetail = {
  id: '0193a5c2-0000-7000-8000-000000000001',
  sellerId: 'seller-1',
  weekId: '2026-W48',
  periodStart: new Date('2026-11-22T15:00:00Z'),
  cutoff: new Date('2026-11-29T15:00:00Z'),
  status: 'PAID_OUT',
  gross: 89_000,
  fee: 4_450,
  refunds: 12_000,
  net: 72_550,
  saleCount: 2,
  refundCount: 1,
  failureCode: null,
  failureMessage: null,
  paidOutAt: new Date('2026-11-29T15:01:00Z'),
  statementNotificationId: null,
  statementSentAt: null,
  completedAt: null,
  createdAt: new Date('2026-11-29T15:00:01Z'),
  updatedAt: new Date('2026-11-29T15:01:00Z'),
  lines: [
    {
      kind: 'SALE',
      sourceId: 'line-1',
      orderId: 'order-1',
      orderNumber: 'JT2026111200000001',
      description: '무선 키보드, "한글" 자판',
      quantity: 1,
      amount: 39_000,
      feeRateBps: 500,
      fee: 1_950,
      occurredAt: new Date('2026-11-24T04:30:00Z'),
    },
    {
      kind: 'SALE',
      sourceId: 'line-2',
      orderId: 'order-2',
      orderNumber: 'JT2026111300000002',
      description: '=SUM(A1) 머그컵',
      quantity: 2,
      amount: 50_000,
      feeRateBps: 500,
      fee: 2_500,
      occurredAt: new Date('2026-11-25T01:00:00Z'),
    },
    {
      kind: 'REFUND',
      sourceId: 'adj-1',
      orderId: 'order-0',
      orderNumber: null,
      description: '지급 후 반품 환불',
      quantity: null,
      amount: -12_000,
      feeRateBps: null,
      fee: 0,
      occurredAt: new Date('2026-11-26T02:00:00Z'),
    },
  ],
  payout: null,
  taxInvoice: null,
};

describe('the seller’s settlement statement', () => {
  test('is the SETTLEMENT_STATEMENT e-mail with the week’s figures, refunds shown negative, sent once per settlement', () => {
    const request = settlementStatementRequest(settlement, '판매상회');
    validateNotificationRequest(request);
    assert.deepEqual(request.recipient, { userId: 'seller-1' });
    assert.equal(request.dedupeKey, `settlement-statement:${settlement.id}`);
    assert.deepEqual(request.variables, {
      판매자명: '판매상회',
      정산주차: '2026-W48',
      정산기간: '2026-11-23 ~ 2026-11-29',
      총판매금액: '89,000원',
      수수료: '4,450원',
      환불금액: '-12,000원',
      정산금액: '72,550원',
      지급예정일: '2026-11-30',
    });
    const email = renderTemplate(request.templateCode, request.variables).email!;
    assert.equal(email.subject, '[장터] 2026-W48 주간 정산 내역서');
    assert.ok(email.html.includes('72,550원'));
    assert.equal(email.attachment?.filename, 'jangteo-settlement-2026-W48.csv');
  });

  test('the CSV lists every sale and refund with fee and net, then the totals, safe for Excel', () => {
    const csv = settlementStatementCsv(
      { ...settlement, taxInvoice: { ...taxInvoice, ntsConfirmNum: '202611304100000012345678' } },
      '판매상회',
    );
    assert.ok(csv.startsWith('\uFEFF'), 'BOM so Excel reads UTF-8');
    const rows = csv.slice(1).trimEnd().split('\r\n');
    assert.equal(rows[5], '구분,주문번호,상품명/사유,수량,금액,수수료율,수수료,정산금액,일시');
    assert.equal(
      rows[6],
      '판매,JT2026111200000001,"무선 키보드, ""한글"" 자판",1,39000,5%,1950,37050,2026-11-24 13:30',
    );
    assert.equal(rows[7], "판매,JT2026111300000002,'=SUM(A1) 머그컵,2,50000,5%,2500,47500,2026-11-25 10:00");
    assert.equal(rows[8], '환불,order-0,지급 후 반품 환불,,-12000,,0,-12000,2026-11-26 11:00');
    assert.deepEqual(rows.slice(10), [
      '판매 합계,89000',
      '환불 합계,-12000',
      '총판매금액,89000',
      '수수료,4450',
      '환불금액,-12000',
      '정산금액,72550',
      '세금계산서 승인번호,202611304100000012345678',
    ]);
  });
});

describe('the statement with shipping', () => {
  const line = (
    kind: SettlementLine['kind'],
    description: string,
    amount: number,
    fee = 0,
  ): SettlementLine => ({
    kind,
    sourceId: `${kind}-1`,
    orderId: 'order-3',
    orderNumber: kind === 'SALE' || kind === 'SHIPPING_FEE' ? 'JT2026111400000003' : null,
    description,
    quantity: kind === 'SALE' ? 1 : kind === 'SHIPPING_FEE' ? 1 : null,
    amount,
    feeRateBps: kind === 'SALE' ? 500 : kind === 'SHIPPING_FEE' ? 0 : null,
    fee,
    occurredAt: new Date('2026-11-26T02:00:00Z'),
  });

  test('the CSV shows each line kind under its own label, with a total per kind', () => {
    const csv = settlementStatementCsv(
      {
        ...settlement,
        gross: 49_000,
        fee: 2_000,
        refunds: 3_000,
        net: 44_000,
        lines: [
          line('SALE', '머그컵', 40_000, 2_000),
          line('SHIPPING_FEE', '배송비', 3_000),
          line('RETURN_SHIPPING', '반품 배송비 (단순 변심)', 6_000),
          line('SELLER_COST', '반품 배송비 판매자 부담 (상품 불량)', -3_000),
        ],
      },
      '판매상회',
    );
    const rows = csv.slice(1).trimEnd().split('\r\n');
    assert.deepEqual(rows.slice(6, 10), [
      '판매,JT2026111400000003,머그컵,1,40000,5%,2000,38000,2026-11-26 11:00',
      '배송비,JT2026111400000003,배송비,1,3000,0%,0,3000,2026-11-26 11:00',
      '반품배송비,order-3,반품 배송비 (단순 변심),,6000,,0,6000,2026-11-26 11:00',
      '판매자부담비용,order-3,반품 배송비 판매자 부담 (상품 불량),,-3000,,0,-3000,2026-11-26 11:00',
    ]);
    assert.deepEqual(rows.slice(11, 15), [
      '판매 합계,40000',
      '배송비 합계,3000',
      '반품배송비 합계,6000',
      '판매자부담비용 합계,-3000',
    ]);
  });
});

const taxInvoice = {
  settlementId: settlement.id,
  mgtKey: 'JT2026W48-X',
  status: 'ISSUED' as const,
  ntsConfirmNum: null,
  writeDate: '20261130',
  supplyCost: 4_045,
  tax: 405,
  total: 4_450,
  issuedAt: new Date(),
  failureCode: null,
  failureMessage: null,
};
