import type { PgReturnRequest, PgReturnResult } from '../../../domain/payment';

/**
 * KakaoPay appends only `pg_token` to approval_url; fail_url and cancel_url get nothing. The tid
 * (from ready, kept by the shop) travels in the return's params so a net-cancel can find it.
 */
export function parseKakaoPayReturn({ outcome, params, pgReference }: PgReturnRequest): PgReturnResult {
  if (outcome === 'cancel')
    return {
      kind: 'failed',
      code: 'KAKAOPAY_CANCELED',
      message: '카카오페이 결제를 취소했습니다.',
      buyerCanceled: true,
    };
  if (outcome === 'fail')
    return {
      kind: 'failed',
      code: 'KAKAOPAY_FAILED',
      message: '카카오페이 결제에 실패했습니다.',
      buyerCanceled: false,
    };
  if (!pgReference) return { kind: 'rejected', reason: 'no KakaoPay tid is stored for this order' };
  const token = params.pg_token;
  if (!token || !/^[A-Za-z0-9]{1,64}$/.test(token))
    return { kind: 'rejected', reason: 'pg_token is required on the KakaoPay approval return' };
  return { kind: 'authenticated', pgReturn: { token, params: { tid: pgReference } } };
}
