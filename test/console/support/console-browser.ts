import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CONSOLE_DIST_DIR } from '../../../api/system/console.routes';
import { listen } from '../../../platform/http-server';
import type { ManagerPermission } from '../../../domain/identity/role';
import { freePort } from '../../support/free-port';
import {
  assignManager,
  createAdmin,
  createManager,
  signUpSeller,
  type TestAccount,
} from '../../support/identity';
import { createTestApp, type TestApp, type TestAppOptions } from '../../support/test-app';

/**
 * Browser tests of the web console (docs/console.md): Debian's chromium driven by playwright-core
 * against a shop listening on a port (test/support/journey.ts for the whole shop with Temporal and
 * the workers, `serveTestApp` for the API alone). scripts/test.ts builds console/dist first.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };
export const SCREENSHOTS_DIR = join(__dirname, '..', '..', '..', 'docs', 'screenshots');

export type Role = 'seller' | 'manager' | 'admin';

export interface ConsoleBrowser {
  baseUrl: string;
  browser: Browser;
  accounts: Record<Role, TestAccount>;
  /** A fresh browser context (its own sessionStorage) and page. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  /** 로그인 through the console's form; resolves on the role's landing page. */
  signIn(page: Page, who: Role | TestAccount): Promise<void>;
  close(): Promise<void>;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * A browser over a listening shop, with a seller (the shop's own when given), an admin, and a
 * manager of that seller holding `managerPermissions` (default: ORDERS only), all made through the API.
 */
export async function openConsoleBrowser(shop: {
  app: TestApp;
  baseUrl: string;
  seller?: TestAccount;
  managerPermissions?: ManagerPermission[];
}): Promise<ConsoleBrowser> {
  const seller = shop.seller ?? (await signUpSeller(shop.app));
  const admin = await createAdmin(shop.app);
  const manager = await createManager(shop.app, admin);
  await assignManager(shop.app, seller, manager, shop.managerPermissions ?? ['ORDERS']);
  const accounts = { seller, admin, manager };
  const browser = await launchChromium();
  return {
    baseUrl: shop.baseUrl,
    browser,
    accounts,
    async newPage(viewport = DESKTOP) {
      const context = await browser.newContext({ viewport, locale: 'ko-KR' });
      return context.newPage();
    },
    async signIn(page, who) {
      const account = typeof who === 'string' ? accounts[who] : who;
      await page.goto(`${shop.baseUrl}/console/login`);
      await page.getByLabel('이메일').fill(account.email);
      await page.getByLabel('비밀번호').fill(account.password);
      await page.getByRole('button', { name: '로그인' }).click();
      await page.waitForURL(/\/console\/(seller|admin)(\/|$)/);
    },
    close: () => browser.close(),
  };
}

/** The API alone (no Temporal) on a free port: for screens that need no workflow. */
export async function serveTestApp(
  options: TestAppOptions = {},
): Promise<{ app: TestApp; baseUrl: string; close(): Promise<void> }> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const app = await createTestApp({ ...options, publicBaseUrl: baseUrl });
  const server = await listen(app.app.fetch, port, '127.0.0.1');
  return {
    app,
    baseUrl,
    async close() {
      await server.close();
      await app.close();
    },
  };
}

/**
 * The initial bundle a browser loads for any console page: the entry chunk, the chunks it
 * preloads and the CSS named by console/dist/index.html, each gzipped as a server would send it.
 */
export function initialBundle(): { files: string[]; gzippedBytes: number } {
  const html = readFileSync(join(CONSOLE_DIST_DIR, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/console\/(assets\/[^"]+\.(?:js|css))"/g)].map(
    (m) => m[1]!,
  );
  const gzippedBytes = files.reduce(
    (sum, file) => sum + gzipSync(readFileSync(join(CONSOLE_DIST_DIR, file)), { level: 9 }).length,
    0,
  );
  return { files, gzippedBytes };
}
