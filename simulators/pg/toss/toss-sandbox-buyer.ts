/**
 * A scripted buyer for the sandbox window (tests and demos): opens the checkout URL, finds the form
 * behind 결제하기 / 결제 실패 / 취소, submits it and returns where the window redirects the browser.
 * Uses only HTTP and the page's HTML, like a browser would.
 */
export type WindowAction = 'approve' | 'fail' | 'cancel';

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
  const page = await fetch(checkoutUrl);
  const html = await page.text();
  if (!page.ok) throw new Error(`the payment window answered ${page.status}: ${html}`);
  const form = new RegExp(
    `<form method="post" action="([^"]+)" data-action="${action}">([\\s\\S]*?)</form>`,
  ).exec(html);
  if (!form) throw new Error(`no ${action} form in the payment window`);
  const fields = new URLSearchParams();
  for (const input of form[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
    fields.set(input[1]!, unescapeHtml(input[2]!));
  for (const select of form[2]!.matchAll(/<select name="([^"]+)">([\s\S]*?)<\/select>/g)) {
    const selected = /<option value="([^"]+)"[^>]*selected/.exec(select[2]!);
    if (selected) fields.set(select[1]!, selected[1]!);
  }
  for (const [key, value] of Object.entries(choices)) fields.set(key, value);
  const response = await fetch(new URL(form[1]!, checkoutUrl), {
    method: 'POST',
    body: fields,
    redirect: 'manual',
  });
  const location = response.headers.get('location');
  if (!location)
    throw new Error(`the payment window did not redirect (${response.status}): ${await response.text()}`);
  return { location, params: Object.fromEntries(new URL(location).searchParams), html };
}

function unescapeHtml(value: string): string {
  return value.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_, entity: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[entity]!,
  );
}
