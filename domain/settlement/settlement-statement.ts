import type { NotificationRequest } from '../notification/notification';
import { formatSeoulDateTime, formatWon, renderCsv } from '../notification/notification-format';
import { formatRate } from './settlement-fee';
import type { SettlementDetail, SettlementLineKind } from './settlement';
import { settlementWeek, weekLabels } from './settlement-week';

/**
 * The seller's statement of a paid-out settlement: the SETTLEMENT_STATEMENT e-mail (HTML from the
 * notification template) with every sale and refund as a CSV attachment. Business figures only —
 * the company name is a business record, not personal data — so the request may travel through
 * workflow histories; the seller's address is looked up by the notification context.
 */
export function settlementStatementRequest(
  settlement: SettlementDetail,
  companyName: string,
): NotificationRequest {
  const labels = weekLabels(settlementWeek(settlement.weekId));
  return {
    templateCode: 'SETTLEMENT_STATEMENT',
    recipient: { userId: settlement.sellerId },
    variables: {
      판매자명: companyName,
      정산주차: settlement.weekId,
      정산기간: labels.period,
      총판매금액: formatWon(settlement.gross),
      수수료: formatWon(settlement.fee),
      환불금액: formatWon(-settlement.refunds),
      정산금액: formatWon(settlement.net),
      지급예정일: labels.payoutDate,
    },
    dedupeKey: `settlement-statement:${settlement.id}`,
    attachment: settlementStatementCsv(settlement, companyName),
  };
}

/** How each line kind reads on the statement (docs/settlement.md#line-kinds). */
export const LINE_KIND_LABELS: Record<SettlementLineKind, string> = {
  SALE: '판매',
  SHIPPING_FEE: '배송비',
  REFUND: '환불',
  RETURN_SHIPPING: '반품배송비',
  SELLER_COST: '판매자부담비용',
};

/** The sum of each kind present, in the order of LINE_KIND_LABELS. */
function kindTotals(settlement: SettlementDetail): Array<[string, number]> {
  return (Object.keys(LINE_KIND_LABELS) as SettlementLineKind[]).flatMap((kind) => {
    const lines = settlement.lines.filter((line) => line.kind === kind);
    return lines.length === 0
      ? []
      : [[`${LINE_KIND_LABELS[kind]} 합계`, lines.reduce((s, l) => s + l.amount, 0)] as [string, number]];
  });
}

/** UTF-8 CSV with a BOM (Excel), one row per line of every kind, then the totals. */
export function settlementStatementCsv(settlement: SettlementDetail, companyName: string): string {
  const labels = weekLabels(settlementWeek(settlement.weekId));
  const rows: Array<Array<string | number>> = [
    ['정산주차', settlement.weekId],
    ['정산기간', labels.period],
    ['판매자', companyName],
    ['지급일', labels.payoutDate],
    [],
    ['구분', '주문번호', '상품명/사유', '수량', '금액', '수수료율', '수수료', '정산금액', '일시'],
    ...settlement.lines.map((line) => [
      LINE_KIND_LABELS[line.kind],
      line.orderNumber ?? line.orderId,
      line.description,
      line.quantity ?? '',
      line.amount,
      line.feeRateBps === null ? '' : formatRate(line.feeRateBps),
      line.fee,
      line.amount - line.fee,
      formatSeoulDateTime(line.occurredAt),
    ]),
    [],
    ...kindTotals(settlement),
    ['총판매금액', settlement.gross],
    ['수수료', settlement.fee],
    ['환불금액', -settlement.refunds],
    ['정산금액', settlement.net],
  ];
  if (settlement.taxInvoice?.ntsConfirmNum)
    rows.push(['세금계산서 승인번호', settlement.taxInvoice.ntsConfirmNum]);
  return renderCsv(rows);
}
