import { createHash, randomBytes } from 'node:crypto';

/**
 * NicePay's transaction as the fake keeps it, and the answer body built from it
 * (docs/vendors/nicepay.md#answers "Approve / cancel / lookup response": one shape for approve, cancel,
 * look-up and webhooks). The answer is signed at the moment it is sent: `signature = sha256(tid + amount +
 * ediDate + secretKey)`.
 */
export type NicepayStatus = 'ready' | 'paid' | 'failed' | 'cancelled' | 'partialCancelled' | 'expired';
export type NicepayMethod = 'card' | 'bank' | 'vbank' | 'kakaopay' | 'naverpayCard';

export interface NicepayCancel {
  tid: string;
  amount: number;
  cancelledAt: string;
  reason: string;
  receiptUrl: string;
  couponAmt: number;
  /** The orderId the cancel request carried (a partial cancel's must be unique). */
  orderId: string;
}

export interface NicepayTransaction {
  tid: string;
  clientId: string;
  orderId: string;
  amount: number;
  goodsName: string;
  method: NicepayMethod;
  cardCode: string;
  authToken: string;
  mallReserved: string;
  status: NicepayStatus;
  /** Authenticated in the window but not approved yet. */
  approved: boolean;
  balanceAmt: number;
  createdAt: Date;
  paidAt?: Date;
  approvedAt?: Date;
  failedAt?: Date;
  cancelledAt?: Date;
  failure?: { code: string; message: string };
  approveNo?: string;
  cancels: NicepayCancel[];
  lastCancelledTid?: string;
}

export const sha256 = (input: string) => createHash('sha256').update(input, 'utf8').digest('hex');

const CARD_NAMES: Record<string, string> = {
  '01': '비씨',
  '02': 'KB국민',
  '04': '삼성',
  '06': '신한',
  '25': '해외비자',
  '26': '해외마스터',
  '29': '해외JCB',
};

/** ISO-8601 with +09:00, as NicePay writes its times. */
export function kst(at: Date): string {
  return `${new Date(at.getTime() + 9 * 3600_000).toISOString().slice(0, 19)}+09:00`;
}

/** 30 characters like NicePay's (`nicuntct1m0101210727200708A058`). */
export function newTid(at: Date, kind: '01' | '02' = '01'): string {
  const stamp = kst(at).replace(/\D/g, '').slice(2, 14);
  return `nicsim1m01${kind}${stamp}${randomBytes(3).toString('hex').toUpperCase()}`.slice(0, 30);
}

export function answerBody(
  tx: NicepayTransaction,
  resultCode: string,
  resultMsg: string,
  secretKey: string,
  now: Date,
  options: { corruptSignature?: boolean; cancelledTid?: string } = {},
): Record<string, unknown> {
  const ediDate = kst(now);
  const signature = sha256(`${tx.tid}${tx.amount}${ediDate}${secretKey}`);
  const payMethod = tx.method === 'naverpayCard' ? 'naverpay' : tx.method;
  return {
    resultCode,
    resultMsg,
    tid: tx.tid,
    cancelledTid: options.cancelledTid ?? null,
    orderId: tx.orderId,
    ediDate,
    signature: options.corruptSignature ? sha256(`forged${signature}`) : signature,
    status: tx.status,
    paidAt: tx.paidAt ? kst(tx.paidAt) : '0',
    failedAt: tx.failedAt ? kst(tx.failedAt) : '0',
    cancelledAt: tx.cancelledAt ? kst(tx.cancelledAt) : '0',
    payMethod,
    amount: tx.amount,
    balanceAmt: tx.balanceAmt,
    goodsName: tx.goodsName,
    mallReserved: tx.mallReserved || null,
    useEscrow: false,
    currency: 'KRW',
    channel: 'pc',
    approveNo: tx.approveNo ?? null,
    buyerName: null,
    buyerTel: null,
    buyerEmail: null,
    issuedCashReceipt: false,
    receiptUrl: `https://npg.nicepay.co.kr/issue/IssueLoader.do?type=0&TID=${tx.tid}`,
    mallUserId: null,
    coupon: null,
    card:
      tx.method === 'card' || tx.method === 'naverpayCard' || tx.method === 'kakaopay'
        ? {
            cardCode: tx.cardCode,
            cardName: CARD_NAMES[tx.cardCode] ?? '카드',
            cardNum: tx.cardCode >= '25' ? '41111111****111*' : '53611234****123*',
            cardQuota: 0,
            isInterestFree: false,
            cardType: 'credit',
            canPartCancel: 'true',
            acquCardCode: tx.cardCode,
            acquCardName: CARD_NAMES[tx.cardCode] ?? '카드',
          }
        : null,
    vbank:
      tx.method === 'vbank'
        ? {
            vbankCode: '004',
            vbankName: '국민은행',
            vbankNumber: 'X0123456789012',
            vbankExpDate: kst(new Date(tx.createdAt.getTime() + 7 * 86_400_000)),
            vbankHolder: '장터',
          }
        : null,
    bank: tx.method === 'bank' ? { bankCode: '004', bankName: '국민은행' } : null,
    cashReceipts: null,
    cancels: tx.cancels.length ? tx.cancels.map(({ orderId: _orderId, ...cancel }) => ({ ...cancel })) : null,
  };
}
