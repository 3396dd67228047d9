import type { CancelResult, ConfirmResult } from '../../../domain/payment';
import { classifyKakaoPayError, type KakaoPayOperation } from './kakaopay-error-classification';
import type { KakaoPayHttpResult } from './kakaopay-http';

export type ErrorResult = Extract<KakaoPayHttpResult, { kind: 'error' }>;

export function errorInput(result: ErrorResult) {
  return {
    errorCode: result.errorCode,
    methodResultCode: result.methodResultCode,
    httpStatus: result.status,
  };
}

export function info(result: ErrorResult) {
  return { code: result.code, message: result.message, httpStatus: result.status, raw: result.body };
}

/** A KakaoPay error answer → declined / retryable / ambiguous per the classification. */
export function failure(result: ErrorResult, operation: KakaoPayOperation): ConfirmResult | CancelResult {
  const { errorClass, alert } = classifyKakaoPayError({ ...errorInput(result), operation });
  switch (errorClass) {
    case 'retryable':
      // USER_LOCKED: another transaction of the buyer is in progress; the policy's 1 s / 3 s / 9 s pauses give it time.
      return { kind: 'retryable', ...info(result) };
    case 'ambiguous':
      return { kind: 'ambiguous', ...info(result) };
    case 'final':
      return { kind: 'declined', ...info(result), alert };
  }
}
