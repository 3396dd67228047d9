/** What the local shop serves, for the lines `npm start` ends with. */
export interface StartupAddresses {
  api: string;
  temporalUi: string;
  /** Sandbox pages by simulator (absent ones are real vendors). */
  sandbox: {
    nhn?: string;
    mail?: string;
    courier?: string;
    pgWindow?: string;
    banking?: string;
    popbill?: string;
  };
  adminEmail?: string;
  secretsPath?: string;
  startedInMs: number;
}

/** A short Korean/English block of addresses, printed once the shop answers. */
export function startupSummary(a: StartupAddresses): string {
  const rows: Array<[string, string | undefined]> = [
    ['쇼핑몰 API · Shop API', `${a.api}/api/v1`],
    ['API 문서 · Swagger UI', `${a.api}/docs`],
    ['Temporal UI', a.temporalUi],
    ['알림톡·SMS 발송 목록 · AlimTalk/SMS sent', a.sandbox.nhn && `${a.sandbox.nhn}/__sim/messages`],
    ['이메일 발송 목록 · E-mails sent', a.sandbox.mail && `${a.sandbox.mail}/messages`],
    ['택배 · Courier parcels', a.sandbox.courier && `${a.sandbox.courier}/__sim/parcels`],
    ['결제창 · PG payment window', a.sandbox.pgWindow],
    ['펌뱅킹 이체 · Bank transfers', a.sandbox.banking && `${a.sandbox.banking}/__sim/transfers`],
    ['세금계산서 · Tax invoices', a.sandbox.popbill && `${a.sandbox.popbill}/__sim/invoices`],
  ];
  const shown = rows.filter((row): row is [string, string] => Boolean(row[1]));
  const width = Math.max(...shown.map(([label]) => displayWidth(label)));
  const lines = [
    '',
    `장터 Jangteo 실행 중 · running (${(a.startedInMs / 1000).toFixed(1)} s)`,
    ...shown.map(([label, url]) => `  ${label}${' '.repeat(width - displayWidth(label))}  ${url}`),
  ];
  if (a.adminEmail)
    lines.push(
      `  관리자 · Admin: ${a.adminEmail}${a.secretsPath ? ` (비밀번호 · password: ${a.secretsPath})` : ''}`,
    );
  lines.push('  종료: Ctrl-C · Stop: Ctrl-C', '');
  return lines.join('\n');
}

/** Hangul and other wide characters take two columns in a terminal. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text)
    width += /[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(char) ? 2 : 1;
  return width;
}
