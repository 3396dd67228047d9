import { useTossWindow, type WindowAction, type WindowResult } from '../toss/toss-sandbox-buyer';

/**
 * A scripted buyer for the sandbox KakaoPay window (tests and demos): opens next_redirect_pc_url,
 * presses 결제하기 / 결제 실패 / 취소 and returns where KakaoPay sends the browser (approval_url with
 * `pg_token`, fail_url or cancel_url). The windows share one form markup, so the Toss buyer drives it.
 */
export function useKakaoPayWindow(
  windowUrl: string,
  action: WindowAction,
  choices: Record<string, string> = {},
): Promise<WindowResult> {
  return useTossWindow(windowUrl, action, choices);
}
