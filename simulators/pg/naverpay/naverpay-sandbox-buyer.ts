import { useTossWindow, type WindowAction, type WindowResult } from '../toss/toss-sandbox-buyer';

/**
 * A scripted buyer for the sandbox NaverPay payment page (tests and demos): opens
 * `…/payments/{reserveId}`, presses 결제하기 / 결제 실패 / 취소 and returns where NaverPay sends the
 * browser (returnUrl with `resultCode` and `paymentId` or `resultMessage`). The windows share one
 * form markup, so the Toss buyer drives it.
 */
export function useNaverPayWindow(
  pageUrl: string,
  action: WindowAction,
  choices: Record<string, string> = {},
): Promise<WindowResult> {
  return useTossWindow(pageUrl, action, choices);
}
