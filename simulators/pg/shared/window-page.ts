/**
 * HTML pieces of every sandbox payment window (Toss, NicePay, Inicis, KakaoPay, NaverPay): the window
 * with its three buttons (결제하기 / 결제 실패 / 취소) — one markup, so one scripted buyer
 * (sandbox-buyer.ts) drives them all — and the self-submitting form a PG uses to POST its result to
 * the shop's return URL. Plain HTML with a one-line script, so a browser or a test can follow it.
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

/** `1,234원` */
export const won = (amount: number): string => `${amount.toLocaleString('ko-KR')}원`;

export interface WindowPage {
  title: string;
  /** What the buyer is paying for: label, value and, for tests, the `data-field` name. */
  facts: Array<[label: string, value: string, field?: string]>;
  /** Absolute path of this window: the forms post to `<actionBase>/approve|fail|cancel`. */
  actionBase: string;
  /** Fields every form carries back (PGs whose window state lives in the form). */
  hidden?: Record<string, string>;
  /** Extra controls inside the 결제하기 form (card choice). */
  approveControls?: string;
  /** The 결제 실패 form's code choice. */
  failControls?: string;
}

export function renderWindowPage(page: WindowPage): string {
  const hidden = hiddenInputs(page.hidden ?? {});
  const facts = page.facts
    .map(
      ([label, value, field]) =>
        `<dt>${escapeHtml(label)}</dt><dd${field ? ` data-field="${field}"` : ''}>${escapeHtml(value)}</dd>`,
    )
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

export function renderErrorPage(message: string, title = '결제창 오류'): string {
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>결제를 진행할 수 없습니다</h1><p>${escapeHtml(message)}</p></body></html>`;
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
