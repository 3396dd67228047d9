/**
 * The Korean notification catalogue. Each template is registered with NHN Cloud (AlimTalk text,
 * reviewed by Kakao) under `alimtalk.templateCode`; placeholders are NHN's #{변수} and the same names
 * fill the SMS fallback and the email. Values are plain strings: format amounts and times with
 * notification-format.ts before rendering.
 */
export type TemplateCode =
  | 'ORDER_PLACED'
  | 'PAYMENT_COMPLETED'
  | 'PAYMENT_FAILED'
  | 'ORDER_CANCELLED'
  | 'ORDER_AUTO_CANCELLED'
  | 'ORDER_SHIPPED'
  | 'ORDER_DELIVERED'
  | 'PURCHASE_AUTO_CONFIRMED'
  | 'REFUND_COMPLETED'
  | 'RESTOCK_OFFER'
  | 'SETTLEMENT_STATEMENT'
  | 'CHAT_REPLY_REMINDER';

export interface NotificationTemplate {
  code: TemplateCode;
  description: string;
  audience: 'CONSUMER' | 'SELLER';
  /** Every placeholder used anywhere in the template. */
  variables: readonly string[];
  alimtalk?: {
    /** NHN template code (≤ 20 characters), as approved in the console. */
    templateCode: string;
    text: string;
  };
  /** Fallback when AlimTalk cannot be delivered; sent as SMS when ≤ 90 bytes, else LMS with `title`. */
  sms?: { title: string; text: string };
  email?: {
    subject: string;
    html: string;
    text: string;
    /** The caller supplies the content; the template names it. */
    attachment?: { filename: string; contentType: string };
  };
}

const FOOTER_TEXT = '본 메일은 발신 전용입니다. 문의는 장터 고객센터를 이용해 주세요.';

function emailHtml(title: string, intro: string, rows: Array<[string, string]>, outro = ''): string {
  const cells = rows
    .map(
      ([label, value]) =>
        `<tr><th align="left" style="padding:4px 12px 4px 0;color:#666">${label}</th><td style="padding:4px 0">${value}</td></tr>`,
    )
    .join('');
  return [
    '<!doctype html><html lang="ko"><head><meta charset="utf-8"></head>',
    '<body style="font-family:sans-serif;color:#222">',
    `<h2>${title}</h2><p>${intro}</p><table>${cells}</table>`,
    outro ? `<p>${outro}</p>` : '',
    `<hr><p style="color:#999;font-size:12px">${FOOTER_TEXT}</p></body></html>`,
  ].join('');
}

function emailText(title: string, intro: string, rows: Array<[string, string]>, outro = ''): string {
  return [
    title,
    '',
    intro,
    '',
    ...rows.map(([label, value]) => `${label}: ${value}`),
    ...(outro ? ['', outro] : []),
    '',
    FOOTER_TEXT,
  ].join('\n');
}

const receiptRows: Array<[string, string]> = [
  ['주문번호', '#{주문번호}'],
  ['상품', '#{상품명}'],
  ['결제금액', '#{결제금액}'],
  ['결제수단', '#{결제수단}'],
  ['결제일시', '#{결제일시}'],
];

const refundRows: Array<[string, string]> = [
  ['주문번호', '#{주문번호}'],
  ['환불금액', '#{환불금액}'],
  ['환불수단', '#{환불수단}'],
  ['환불일시', '#{환불일시}'],
];

const settlementRows: Array<[string, string]> = [
  ['정산기간', '#{정산기간}'],
  ['총 판매금액', '#{총판매금액}'],
  ['수수료(5%)', '#{수수료}'],
  ['환불 차감', '#{환불금액}'],
  ['정산금액', '#{정산금액}'],
  ['지급예정일', '#{지급예정일}'],
];

const templates: readonly NotificationTemplate[] = [
  {
    code: 'ORDER_PLACED',
    description: '주문 접수 (결제 대기)',
    audience: 'CONSUMER',
    variables: ['고객명', '주문번호', '상품명', '결제금액', '결제기한'],
    alimtalk: {
      templateCode: 'JT_ORDER_PLACED',
      text:
        '[장터] 주문 접수 안내\n\n#{고객명}님, 주문이 접수되었습니다.\n\n주문번호: #{주문번호}\n상품: #{상품명}\n결제금액: #{결제금액}\n\n' +
        '#{결제기한}까지 결제를 완료해 주세요. 기한 안에 결제되지 않으면 주문이 자동으로 취소됩니다.',
    },
    sms: { title: '[장터] 주문 접수', text: '[장터] 주문 #{주문번호} 접수. #{결제기한}까지 결제해 주세요.' },
  },
  {
    code: 'PAYMENT_COMPLETED',
    description: '결제 완료 (영수증 메일 포함)',
    audience: 'CONSUMER',
    variables: ['고객명', '주문번호', '상품명', '결제금액', '결제수단', '결제일시'],
    alimtalk: {
      templateCode: 'JT_PAYMENT_DONE',
      text:
        '[장터] 결제 완료 안내\n\n#{고객명}님, 결제가 완료되었습니다.\n\n주문번호: #{주문번호}\n상품: #{상품명}\n결제금액: #{결제금액}\n결제수단: #{결제수단}\n\n' +
        '판매자가 상품을 준비하면 발송 소식을 알려 드리겠습니다.',
    },
    sms: { title: '[장터] 결제 완료', text: '[장터] 주문 #{주문번호} #{결제금액} 결제 완료되었습니다.' },
    email: {
      subject: '[장터] 결제 영수증 - 주문번호 #{주문번호}',
      html: emailHtml('결제가 완료되었습니다', '#{고객명}님, 장터를 이용해 주셔서 감사합니다.', receiptRows),
      text: emailText('결제가 완료되었습니다', '#{고객명}님, 장터를 이용해 주셔서 감사합니다.', receiptRows),
    },
  },
  {
    code: 'PAYMENT_FAILED',
    description: '결제 실패',
    audience: 'CONSUMER',
    variables: ['고객명', '주문번호', '결제금액', '실패사유'],
    alimtalk: {
      templateCode: 'JT_PAYMENT_FAILED',
      text:
        '[장터] 결제 실패 안내\n\n#{고객명}님, 주문하신 상품의 결제가 완료되지 않았습니다.\n\n주문번호: #{주문번호}\n결제금액: #{결제금액}\n사유: #{실패사유}\n\n' +
        '주문은 취소되었고 사용하신 포인트는 반환되었습니다. 다시 주문해 주세요.',
    },
    sms: {
      title: '[장터] 결제 실패',
      text: '[장터] 주문 #{주문번호} 결제에 실패했습니다. 사유: #{실패사유}',
    },
  },
  {
    code: 'ORDER_CANCELLED',
    description: '주문 취소',
    audience: 'CONSUMER',
    variables: ['고객명', '주문번호', '상품명', '취소사유'],
    alimtalk: {
      templateCode: 'JT_ORDER_CANCELLED',
      text:
        '[장터] 주문 취소 안내\n\n#{고객명}님, 주문이 취소되었습니다.\n\n주문번호: #{주문번호}\n상품: #{상품명}\n취소사유: #{취소사유}\n\n' +
        '결제하신 금액은 결제수단으로 환불되며, 환불이 완료되면 다시 알려 드리겠습니다.',
    },
    sms: { title: '[장터] 주문 취소', text: '[장터] 주문 #{주문번호}이(가) 취소되었습니다.' },
  },
  {
    code: 'ORDER_AUTO_CANCELLED',
    description: '미결제 주문 자동 취소 (주문 후 30분)',
    audience: 'CONSUMER',
    variables: ['고객명', '주문번호', '상품명'],
    alimtalk: {
      templateCode: 'JT_ORDER_AUTOCANCEL',
      text:
        '[장터] 미결제 주문 자동 취소 안내\n\n#{고객명}님, 주문 후 30분 안에 결제가 완료되지 않아 주문이 자동으로 취소되었습니다.\n\n' +
        '주문번호: #{주문번호}\n상품: #{상품명}\n\n확보해 두었던 재고는 반환되었습니다. 원하시면 다시 주문해 주세요.',
    },
    sms: {
      title: '[장터] 주문 자동 취소',
      text: '[장터] 30분 내 미결제로 주문 #{주문번호}이(가) 자동 취소되었습니다.',
    },
  },
  {
    code: 'ORDER_SHIPPED',
    description: '상품 발송 (택배사 + 송장번호)',
    audience: 'CONSUMER',
    variables: ['고객명', '주문번호', '상품명', '택배사', '송장번호'],
    alimtalk: {
      templateCode: 'JT_ORDER_SHIPPED',
      text:
        '[장터] 상품 발송 안내\n\n#{고객명}님, 주문하신 상품이 발송되었습니다.\n\n주문번호: #{주문번호}\n상품: #{상품명}\n택배사: #{택배사}\n송장번호: #{송장번호}\n\n' +
        '배송 현황은 장터 주문 상세에서 확인하실 수 있습니다.',
    },
    sms: { title: '[장터] 상품 발송', text: '[장터] 주문 #{주문번호} 발송. #{택배사} #{송장번호}' },
  },
  {
    code: 'ORDER_DELIVERED',
    description: '배송 완료',
    audience: 'CONSUMER',
    variables: ['고객명', '주문번호', '상품명', '구매확정기한'],
    alimtalk: {
      templateCode: 'JT_ORDER_DELIVERED',
      text:
        '[장터] 배송 완료 안내\n\n#{고객명}님, 주문하신 상품의 배송이 완료되었습니다.\n\n주문번호: #{주문번호}\n상품: #{상품명}\n\n' +
        '상품을 확인하신 뒤 구매를 확정해 주세요. #{구매확정기한}까지 확정하지 않으시면 자동으로 구매확정됩니다.',
    },
    sms: { title: '[장터] 배송 완료', text: '[장터] 주문 #{주문번호} 배송이 완료되었습니다.' },
  },
  {
    code: 'PURCHASE_AUTO_CONFIRMED',
    description: '자동 구매확정 (배송 완료 7일 후)',
    audience: 'CONSUMER',
    variables: ['고객명', '주문번호', '상품명'],
    alimtalk: {
      templateCode: 'JT_PURCHASE_AUTOCONF',
      text:
        '[장터] 구매확정 안내\n\n#{고객명}님, 배송 완료 후 7일이 지나 주문이 자동으로 구매확정되었습니다.\n\n주문번호: #{주문번호}\n상품: #{상품명}\n\n' +
        '장터를 이용해 주셔서 감사합니다.',
    },
    sms: { title: '[장터] 구매확정', text: '[장터] 주문 #{주문번호}이(가) 자동 구매확정되었습니다.' },
  },
  {
    code: 'REFUND_COMPLETED',
    description: '환불 완료 (영수증 메일 포함)',
    audience: 'CONSUMER',
    variables: ['고객명', '주문번호', '환불금액', '환불수단', '환불일시'],
    alimtalk: {
      templateCode: 'JT_REFUND_DONE',
      text:
        '[장터] 환불 완료 안내\n\n#{고객명}님, 환불이 완료되었습니다.\n\n주문번호: #{주문번호}\n환불금액: #{환불금액}\n환불수단: #{환불수단}\n\n' +
        '카드 결제는 카드사 사정에 따라 영업일 기준 3~5일 뒤에 취소 내역이 보일 수 있습니다.',
    },
    sms: { title: '[장터] 환불 완료', text: '[장터] 주문 #{주문번호} #{환불금액} 환불 완료되었습니다.' },
    email: {
      subject: '[장터] 환불 완료 - 주문번호 #{주문번호}',
      html: emailHtml('환불이 완료되었습니다', '#{고객명}님, 요청하신 환불이 처리되었습니다.', refundRows),
      text: emailText('환불이 완료되었습니다', '#{고객명}님, 요청하신 환불이 처리되었습니다.', refundRows),
    },
  },
  {
    code: 'RESTOCK_OFFER',
    description: '재입고 대기 순번 도래 (30분 구매 보류)',
    audience: 'CONSUMER',
    variables: ['고객명', '상품명', '옵션명', '구매기한'],
    alimtalk: {
      templateCode: 'JT_RESTOCK_OFFER',
      text:
        '[장터] 재입고 안내\n\n#{고객명}님, 기다리시던 상품이 다시 입고되었습니다.\n\n상품: #{상품명}\n옵션: #{옵션명}\n\n' +
        '고객님을 위해 30분 동안 재고를 확보해 두었습니다. #{구매기한}까지 주문하지 않으시면 다음 대기 고객에게 넘어갑니다.',
    },
    sms: { title: '[장터] 재입고 안내', text: '[장터] #{상품명} 재입고! #{구매기한}까지 주문 가능합니다.' },
  },
  {
    code: 'CHAT_REPLY_REMINDER',
    description: '채팅 문의 답변 대기 알림 (판매자)',
    audience: 'SELLER',
    variables: ['대기시간', '문의번호'],
    alimtalk: {
      templateCode: 'JT_CHAT_REMINDER',
      text:
        '[장터] 채팅 문의 답변 요청\n\n고객님의 채팅 문의가 #{대기시간} 넘게 답변을 기다리고 있습니다.\n\n문의번호: #{문의번호}\n\n' +
        '장터 판매자센터의 채팅 대기함에서 답변해 주세요.',
    },
    sms: {
      title: '[장터] 채팅 답변 요청',
      text: '[장터] 채팅 문의 #{문의번호}이(가) #{대기시간} 넘게 답변을 기다립니다.',
    },
  },
  {
    code: 'SETTLEMENT_STATEMENT',
    description: '주간 정산 내역서 (CSV 첨부 메일)',
    audience: 'SELLER',
    variables: [
      '판매자명',
      '정산주차',
      '정산기간',
      '총판매금액',
      '수수료',
      '환불금액',
      '정산금액',
      '지급예정일',
    ],
    email: {
      subject: '[장터] #{정산주차} 주간 정산 내역서',
      html: emailHtml(
        '주간 정산 내역서',
        '#{판매자명}님, #{정산주차} 정산 내역을 보내 드립니다.',
        settlementRows,
        '주문별 상세 내역은 첨부한 CSV 파일에서 확인하실 수 있습니다. 세금계산서는 별도로 발행됩니다.',
      ),
      text: emailText(
        '주간 정산 내역서',
        '#{판매자명}님, #{정산주차} 정산 내역을 보내 드립니다.',
        settlementRows,
        '주문별 상세 내역은 첨부한 CSV 파일에서 확인하실 수 있습니다. 세금계산서는 별도로 발행됩니다.',
      ),
      attachment: { filename: 'jangteo-settlement-#{정산주차}.csv', contentType: 'text/csv; charset=utf-8' },
    },
  },
];

export const NOTIFICATION_TEMPLATES: ReadonlyMap<TemplateCode, NotificationTemplate> = new Map(
  templates.map((template) => [template.code, template]),
);

export function findTemplate(code: string): NotificationTemplate | undefined {
  return NOTIFICATION_TEMPLATES.get(code as TemplateCode);
}

/** Template by NHN template code (delivery reports name the NHN code). */
export function findTemplateByAlimTalkCode(templateCode: string): NotificationTemplate | undefined {
  return templates.find((template) => template.alimtalk?.templateCode === templateCode);
}
