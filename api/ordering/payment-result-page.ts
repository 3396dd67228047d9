/** The server's own landing page after the PG window (a shop front-end replaces it with PAYMENT_RESULT_URL). */
const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

const HEADLINES: Record<string, string> = {
  PAID: '결제가 완료되었습니다',
  PROCESSING: '결제를 확인하고 있습니다',
  CANCELED: '결제를 취소하셨습니다',
  FAILED: '결제가 완료되지 않았습니다',
  ERROR: '결제 정보를 확인할 수 없습니다',
  CLOSED: '결제할 수 없는 주문입니다',
};

export function paymentResultPage(query: Record<string, string | undefined>): string {
  const status = query.status && HEADLINES[query.status] ? query.status : 'ERROR';
  const lines = [
    query.orderNumber ? `<p>주문번호: <code>${escape(query.orderNumber)}</code></p>` : '',
    query.message ? `<p>${escape(query.message)}</p>` : '',
    query.code && status !== 'PAID' ? `<p>코드: <code>${escape(query.code)}</code></p>` : '',
    status === 'PROCESSING' ? '<p>잠시 후 주문 내역에서 결제 결과를 확인해 주세요.</p>' : '',
    status === 'FAILED' || status === 'CANCELED' ? '<p>결제 기한 안에 다시 결제하실 수 있습니다.</p>' : '',
    status === 'CLOSED'
      ? '<p>주문이 취소되었거나 결제 기한이 지나 더 이상 결제할 수 없습니다. 필요하시면 다시 주문해 주세요.</p>'
      : '',
  ].join('');
  return (
    '<!doctype html><html lang="ko"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1"><title>장터 결제 결과</title></head>' +
    `<body data-status="${status}"${query.orderId ? ` data-order-id="${escape(query.orderId)}"` : ''}><h1>${HEADLINES[status]}</h1>${lines}</body></html>`
  );
}
