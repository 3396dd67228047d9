/**
 * HTML pieces of the sandbox payment windows (NicePay, Inicis): the window with its three buttons
 * (결제하기 / 결제 실패 / 취소) and the self-submitting form a PG uses to POST its result to the
 * shop's return URL. Plain HTML with a one-line script, so a browser or a test can follow it.
 */
export const escapeHtml = (value: string): string =>
  value.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

export function hiddenInputs(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n      ');
}

export interface WindowPage {
  title: string;
  facts: Array<[string, string]>;
  actionBase: string;
  hidden: Record<string, string>;
  /** Extra controls inside the 결제하기 form (card choice). */
  approveControls?: string;
  /** The 결제 실패 form's code choice. */
  failControls?: string;
}

export function renderWindowPage(page: WindowPage): string {
  const hidden = hiddenInputs(page.hidden);
  const facts = page.facts
    .map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('\n    ');
  return `<!doctype html>
<html lang="ko">
<head><meta charset="utf-8"><title>${escapeHtml(page.title)} (sandbox)</title>
<style>body{font-family:sans-serif;max-width:28rem;margin:2rem auto}form{display:inline-block;margin:.25rem}button{font-size:1rem;padding:.5rem 1rem}</style>
</head>
<body>
  <h1>${escapeHtml(page.title)} <small>(sandbox)</small></h1>
  <dl>
    ${facts}
  </dl>
  <form method="post" action="${page.actionBase}/approve" data-action="approve">
      ${hidden}
      ${page.approveControls ?? ''}
      <button type="submit">결제하기</button>
  </form>
  <form method="post" action="${page.actionBase}/fail" data-action="fail">
      ${hidden}
      ${page.failControls ?? ''}
      <button type="submit">결제 실패</button>
  </form>
  <form method="post" action="${page.actionBase}/cancel" data-action="cancel">
      ${hidden}
      <button type="submit">취소</button>
  </form>
</body>
</html>`;
}

/** What a PG's window answers when it posts the result to the shop: a form that submits itself. */
export function renderAutoPost(action: string, fields: Record<string, string>, title: string): string {
  return `<!doctype html>
<html lang="ko">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body onload="document.forms[0].submit()">
  <form method="post" action="${escapeHtml(action)}" data-autosubmit="true">
      ${hiddenInputs(fields)}
      <noscript><button type="submit">계속</button></noscript>
  </form>
</body>
</html>`;
}

export function renderErrorPage(message: string): string {
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>결제창 오류</title></head><body><h1>결제를 진행할 수 없습니다</h1><p>${escapeHtml(message)}</p></body></html>`;
}

/** The shop's URLs must be absolute http(s) URLs. */
export function isHttpUrl(value: string | undefined): boolean {
  if (!value) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
