import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Quiet, offline-friendly Chromium (Debian's; no browser download here); headless comes from Playwright itself.
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const SCREENSHOTS = join(__dirname, '..', 'screenshots');
export const PASSWORD = 'MedChannel#2026';

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Saves e2e/screenshots/<name>.png. */
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** A fresh browser profile per scenario: no cookies or stored language carried between tests. */
export async function openBrowser(viewport: { width: number; height: number }, locale = 'zh-CN'): Promise<Session> {
  const profile = mkdtempSync(join(tmpdir(), 'medchannel-chromium-'));
  mkdirSync(SCREENSHOTS, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport,
    locale,
    deviceScaleFactor: 1,
    isMobile: viewport.width < 600,
    hasTouch: viewport.width < 600,
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return {
    context,
    page,
    shot: async (name) => {
      // Let antd's motion settle so the picture shows the state, not a transition.
      await page.waitForTimeout(350);
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      if (errors.length) throw new Error(`uncaught page errors:\n${errors.join('\n')}`);
    },
  };
}

export async function login(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

export function url(app: 'console' | 'portal', path = '/'): string {
  const base = app === 'console' ? process.env.E2E_CONSOLE_URL : process.env.E2E_PORTAL_URL;
  if (!base) throw new Error('global setup did not start the apps');
  return base + path;
}
