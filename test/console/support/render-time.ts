import type { Page } from 'playwright-core';

/** The page-load KPI (issue #22: a screen renders in under 2 s); a figure for the README, not an assertion. */
export const RENDER_TARGET_MS = 2000;

/** Prints one screen's render time, from navigation (or click) to its main content visible. */
export function reportRender(screen: string, ms: number): void {
  console.log(`console render: ${screen} ${ms} ms after navigation (target < ${RENDER_TARGET_MS} ms)`);
}

/** Navigates to `url` and times until `ready` resolves; prints the figure and returns it. */
export async function timeRender(
  page: Page,
  url: string,
  screen: string,
  ready: () => Promise<unknown>,
): Promise<number> {
  const started = performance.now();
  await page.goto(url);
  await ready();
  const ms = Math.round(performance.now() - started);
  reportRender(screen, ms);
  return ms;
}
