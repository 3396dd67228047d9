import { pressWindowButton, type WindowAction } from '../shared/sandbox-buyer';

export type { WindowAction };

/**
 * A scripted buyer for the sandbox window (tests and demos): opens the checkout URL, finds the form
 * behind 결제하기 / 결제 실패 / 취소, submits it and returns where the window redirects the browser.
 * Uses only HTTP and the page's HTML, like a browser would.
 */
export interface WindowResult {
  /** The redirect target (successUrl or failUrl with Toss's parameters). */
  location: string;
  params: Record<string, string>;
  html: string;
}

export async function useTossWindow(
  checkoutUrl: string,
  action: WindowAction,
  choices: Record<string, string> = {},
): Promise<WindowResult> {
  const { response, windowHtml } = await pressWindowButton(checkoutUrl, action, choices);
  const location = response.headers.get('location');
  if (!location)
    throw new Error(`the payment window did not redirect (${response.status}): ${await response.text()}`);
  return { location, params: Object.fromEntries(new URL(location).searchParams), html: windowHtml };
}
