import type { PgReturnRequest, PgReturnResult } from '../../../domain/payment';
import { nicepaySignatures, sameSignature } from './nicepay-signatures';

/**
 * NicePay POSTs the window's result to returnUrl (the shop's success URL): `authResultCode` 0000 means
 * authenticated, with `tid`, `amount`, `authToken` and `signature = sha256(authToken + clientId +
 * amount + secretKey)`. A buyer who closes the window never reaches returnUrl (NicePay calls the
 * page's fnError), so the cancel URL means the buyer gave up.
 */
export function parseNicepayReturn(
  { orderId, outcome, params }: PgReturnRequest,
  clientKey: string,
  secretKey: string,
): PgReturnResult {
  if (params.orderId !== undefined && params.orderId !== orderId)
    return { kind: 'rejected', reason: `orderId ${params.orderId} does not belong to order ${orderId}` };
  if (outcome === 'cancel')
    return {
      kind: 'failed',
      code: params.authResultCode ?? 'USER_CANCELED',
      message: params.authResultMsg ?? '결제를 취소했습니다.',
      buyerCanceled: true,
    };
  const code = params.authResultCode;
  if (code === undefined)
    return { kind: 'rejected', reason: 'authResultCode is missing: not a NicePay auth result' };
  if (code !== '0000' || outcome === 'fail')
    return {
      kind: 'failed',
      code,
      message: params.authResultMsg ?? '결제 인증에 실패했습니다.',
      buyerCanceled: false,
    };
  const { tid, amount, authToken, clientId, signature } = params;
  if (!tid || !authToken || !clientId || !/^\d+$/.test(amount ?? ''))
    return { kind: 'rejected', reason: 'tid, authToken, clientId and a whole amount are required' };
  if (clientId !== clientKey) return { kind: 'rejected', reason: `clientId ${clientId} is not this shop's` };
  if (
    !sameSignature(
      nicepaySignatures.authResult({ authToken, clientId, amount: amount! }, secretKey),
      signature,
    )
  )
    return { kind: 'rejected', reason: 'the auth result signature does not match' };
  return { kind: 'authenticated', pgReturn: { token: tid, amount: Number(amount), params: { authToken } } };
}
