/**
 * A scripted buyer for the sandbox payment windows (tests and demos): opens the checkout URL,
 * submits the form behind 결제하기 / 결제 실패 / 취소 (its hidden fields, the preselected choices, and
 * the caller's choices), and reports where the PG sends the browser: a self-submitting POST to the
 * shop's return URL (its fields), or a redirect. Every window uses one markup (window-page.ts), so
 * this drives them all. Only HTTP and HTML.
 */
export type WindowAction = 'approve' | 'fail' | 'cancel';

export type WindowOutcome =
  | { kind: 'post'; action: string; fields: Record<string, string> }
  | { kind: 'redirect'; location: string }
  | { kind: 'page'; status: number; html: string };

/** Opens the window and presses the button: the window's answer, and the window page itself. */
export async function pressWindowButton(
  checkoutUrl: string,
  action: WindowAction,
  choices: Record<string, string> = {},
): Promise<{ response: Response; windowHtml: string }> {
  const page = await fetch(checkoutUrl);
  const html = await page.text();
  if (!page.ok) throw new Error(`the payment window answered ${page.status}: ${html}`);
  const form = new RegExp(
    `<form method="post" action="([^"]+)" data-action="${action}">([\\s\\S]*?)</form>`,
  ).exec(html);
  if (!form) throw new Error(`no ${action} form in the payment window`);
  const fields = new URLSearchParams();
  for (const [name, value] of Object.entries(inputsOf(form[2]!))) fields.set(name, value);
  for (const select of form[2]!.matchAll(/<select name="([^"]+)">([\s\S]*?)<\/select>/g)) {
    const selected = /<option value="([^"]+)"[^>]*selected/.exec(select[2]!);
    if (selected) fields.set(select[1]!, selected[1]!);
  }
  for (const [key, value] of Object.entries(choices)) fields.set(key, value);
  const response = await fetch(new URL(unescapeHtml(form[1]!), checkoutUrl), {
    method: 'POST',
    body: fields,
    redirect: 'manual',
  });
  return { response, windowHtml: html };
}

export async function useSandboxWindow(
  checkoutUrl: string,
  action: WindowAction,
  choices: Record<string, string> = {},
): Promise<WindowOutcome> {
  const { response } = await pressWindowButton(checkoutUrl, action, choices);
  const location = response.headers.get('location');
  if (location) return { kind: 'redirect', location };
  const answer = await response.text();
  const post = /<form method="post" action="([^"]+)" data-autosubmit="true">([\s\S]*?)<\/form>/.exec(answer);
  if (post) return { kind: 'post', action: unescapeHtml(post[1]!), fields: inputsOf(post[2]!) };
  return { kind: 'page', status: response.status, html: answer };
}

function inputsOf(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const input of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
    fields[unescapeHtml(input[1]!)] = unescapeHtml(input[2]!);
  return fields;
}

function unescapeHtml(value: string): string {
  return value.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_, entity: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[entity]!,
  );
}
