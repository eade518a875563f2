import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { CHROMIUM, FLAGS } = require('./chromium.cjs') as typeof import('./chromium.cjs');
export const SCREENSHOTS = join(__dirname, '..', 'screenshots');
export const PASSWORD = 'MedChannel#2026';

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Saves e2e/screenshots/<name>.png. */
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** What an open session saw go wrong: told with a failing test's error (support/retry.ts). */
interface Trouble {
  page: Page;
  /** the API's coded errors and failed requests, newest last */
  answers: string[];
}
const open = new Set<Trouble>();

/**
 * For each browser still open: where it is, the messages and alerts on screen, the API's last
 * errors, and a screenshot (e2e/screenshots/FAILED-<worker>-<n>.png: one Jest worker's never
 * overwrites another's). A test that waited for a state and timed out then says what the user saw
 * instead.
 */
export async function describeOpenSessions(): Promise<string> {
  const lines: string[] = [];
  let n = 0;
  for (const { page, answers } of open) {
    n += 1;
    if (page.isClosed()) continue;
    const shot = `FAILED-${process.env.JEST_WORKER_ID ?? '1'}-${n}.png`;
    const shown = await page
      .locator(
        '.ant-alert, .ant-message-notice, .ant-notification-notice, .ant-form-item-explain-error, [role="alert"]',
      )
      .allInnerTexts()
      .catch(() => [] as string[]);
    await page.screenshot({ path: join(SCREENSHOTS, shot) }).catch(() => undefined);
    lines.push(
      `browser ${n} at ${page.url()} (screenshot ${shot})`,
      `  on screen: ${
        shown
          .map((t) => t.replace(/\s+/g, ' ').trim())
          .filter(Boolean)
          .join(' | ') || '(no alert)'
      }`,
      `  API errors: ${answers.slice(-5).join(' | ') || '(none)'}`,
    );
  }
  return lines.join('\n');
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
  const trouble: Trouble = { page, answers: [] };
  open.add(trouble);
  page.on('requestfailed', (request) => {
    if (request.url().includes('/graphql'))
      trouble.answers.push(`request failed: ${request.failure()?.errorText ?? '?'}`);
  });
  page.on('response', (response) => {
    if (!response.url().includes('/graphql')) return;
    void response
      .json()
      .then((body: { errors?: Array<{ message: string; extensions?: { code?: string } }> }) => {
        for (const e of body.errors ?? []) trouble.answers.push(`${e.extensions?.code ?? '?'}: ${e.message}`);
      })
      .catch(() => {
        if (response.status() >= 400) trouble.answers.push(`HTTP ${response.status()}`);
      });
  });
  return {
    context,
    page,
    shot: async (name) => {
      // Let antd's motion settle so the picture shows the state, not a transition.
      await page.waitForTimeout(350);
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
    },
    close: async () => {
      open.delete(trouble);
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

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1366, height: 900 };
export type Viewport = { width: number; height: number };

export interface Browsers {
  /** A fresh browser (its own profile) of this size. */
  open(viewport?: Viewport): Promise<Session>;
  /** A fresh browser at `path` of the app, signed in as `email` (the login page comes first). */
  signedIn(app: 'console' | 'portal', email: string, path?: string, viewport?: Viewport): Promise<Session>;
}

/**
 * A test file's browsers: every one a test opens is closed after it, whatever happened, and a page
 * error any of them saw then fails the test (Session.close).
 */
export function browsers(defaultViewport: Viewport = DESKTOP): Browsers {
  const sessions: Session[] = [];
  afterEach(async () => {
    const closed = await Promise.allSettled(sessions.splice(0).map((s) => s.close()));
    const failed = closed.find((c): c is PromiseRejectedResult => c.status === 'rejected');
    if (failed) throw failed.reason;
  });
  const open = async (viewport = defaultViewport): Promise<Session> => {
    const s = await openBrowser(viewport);
    sessions.push(s);
    return s;
  };
  return {
    open,
    signedIn: async (app, email, path = '/', viewport) => {
      const s = await open(viewport);
      await s.page.goto(url(app, path));
      await login(s.page, email);
      return s;
    },
  };
}

export function url(app: 'console' | 'portal', path = '/'): string {
  const base = app === 'console' ? process.env.E2E_CONSOLE_URL : process.env.E2E_PORTAL_URL;
  if (!base) throw new Error('global setup did not start the apps');
  return base + path;
}
