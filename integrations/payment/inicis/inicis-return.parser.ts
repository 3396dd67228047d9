import type { PgReturnRequest, PgReturnResult } from '../../../domain/payment';

/**
 * Inicis POSTs the authentication result to returnUrl (the success URL): `resultCode` 0000 with the
 * `authToken`, `authUrl`, `netCancelUrl` and `idc_name` the approval needs. The buyer closing the
 * window loads closeUrl (the cancel URL). The return carries no amount: the approval's TotPrice is
 * compared with the order instead.
 */
export function parseInicisReturn(
  { orderId, outcome, params }: PgReturnRequest,
  mid: string,
  urlsAllowed: (params: Record<string, string>) => boolean,
): PgReturnResult {
  if (params.orderNumber !== undefined && params.orderNumber !== orderId)
    return {
      kind: 'rejected',
      reason: `orderNumber ${params.orderNumber} does not belong to order ${orderId}`,
    };
  if (outcome === 'cancel')
    return { kind: 'failed', code: 'USER_CANCELED', message: '결제를 취소했습니다.', buyerCanceled: true };
  if (params.resultCode === undefined)
    return { kind: 'rejected', reason: 'resultCode is missing: not an Inicis auth result' };
  if (params.resultCode !== '0000' || outcome === 'fail')
    return {
      kind: 'failed',
      code: params.resultCode,
      message: params.resultMsg ?? '결제 인증에 실패했습니다.',
      buyerCanceled: false,
    };
  if (params.mid !== mid) return { kind: 'rejected', reason: `mid ${params.mid} is not this shop's` };
  if (!params.authToken) return { kind: 'rejected', reason: 'authToken is missing' };
  if (!urlsAllowed(params))
    return {
      kind: 'rejected',
      reason: `authUrl / netCancelUrl are not the allow-listed URLs of idc_name ${params.idc_name}`,
    };
  return {
    kind: 'authenticated',
    pgReturn: {
      token: params.authToken,
      params: { authUrl: params.authUrl!, netCancelUrl: params.netCancelUrl!, idc_name: params.idc_name! },
    },
  };
}
