const dateTimeFormat = new Intl.DateTimeFormat('ko-KR', {
  timeZone: 'Asia/Seoul',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** Seoul time, as operators and sellers read it; `missing` when there is no time. */
export const dateTime = (iso: string | null | undefined, missing = '—') =>
  iso ? dateTimeFormat.format(new Date(iso)) : missing;

/** Today in Seoul as YYYY-MM-DD, minus `daysBack` days. */
export function seoulDay(daysBack = 0): string {
  const day = new Date(Date.now() + 9 * 3600_000 - daysBack * 86400_000);
  return day.toISOString().slice(0, 10);
}
