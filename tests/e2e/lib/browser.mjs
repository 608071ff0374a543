// Drives Debian's Chromium through playwright-core. Never downloads a browser.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ARTIFACTS = path.resolve(here, '../artifacts');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    // Quiet, offline-friendly flags: no background traffic that would pollute
    // the request log, and no sandbox (we run as root in CI).
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

// One browser per test file (launching costs ~0.5 s); every test gets a fresh context.
let shared;
export function getBrowser() {
  shared ??= launch();
  return shared;
}
export async function closeBrowser() {
  if (!shared) return;
  const b = await shared.catch(() => null);
  shared = undefined;
  await b?.close();
}

/** Resolves once the app says it is interactive (the app's `data-ready` contract). */
export function waitReady(page, timeout = 15_000) {
  return page.waitForFunction(() => document.body?.dataset.ready === 'true', null, { timeout });
}

/**
 * Polls read() until accept(value) holds; returns the value, or throws with the
 * last value seen so a failure says what the page showed instead.
 */
export async function eventually(read, accept, { timeout = 5_000, what = 'condition' } = {}) {
  const until = Date.now() + timeout;
  let value;
  for (;;) {
    value = await read();
    if (accept(value)) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Console messages of type "error" plus uncaught page errors, as strings.
 */
export function problems(log) {
  return [
    ...log.console.filter((m) => m.type === 'error').map((m) => `console.error: ${m.text} ${m.url}`.trim()),
    ...log.errors.map((e) => `pageerror: ${e}`),
  ];
}

/**
 * Runs fn({page, context, log}) in a fresh context and page. `log` collects
 * console messages, page errors and every request, so a spec can assert e.g.
 * that nothing is fetched after load (compare log.requests.length before/after).
 * When fn throws, writes artifacts/<test>.png and <test>.console.log, then rethrows.
 * Options: width, height, colorScheme ('light' | 'dark'), bypassCSP (default false).
 */
export async function withPage(t, fn, { width = 1280, height = 800, colorScheme = 'light', bypassCSP = false } = {}) {
  const browser = await getBrowser();
  // bypassCSP lets a spec inject tooling such as axe-core past the app's strict CSP.
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, bypassCSP });
  const page = await context.newPage();
  const start = Date.now();
  const log = { console: [], errors: [], requests: [], failed: [] };
  const at = () => `+${Date.now() - start}ms`;
  page.on('console', (m) => log.console.push({ type: m.type(), text: m.text(), url: m.location()?.url ?? '', at: at() }));
  page.on('pageerror', (e) => log.errors.push(String(e?.stack ?? e)));
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('requestfailed', (r) => log.failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
  try {
    return await fn({ page, context, log });
  } catch (err) {
    await saveArtifacts(t, page, log).catch((e) => console.error('could not save artifacts:', e));
    throw err;
  } finally {
    await context.close();
  }
}

async function saveArtifacts(t, page, log) {
  await mkdir(ARTIFACTS, { recursive: true });
  const base = path.join(ARTIFACTS, String(t?.name ?? 'test').replace(/[^\w.-]+/g, '_').slice(0, 120));
  await page.screenshot({ path: `${base}.png`, fullPage: true, timeout: 10_000 }).catch(() => {});
  const lines = [
    `url: ${page.url()}`,
    '', '## console', ...log.console.map((m) => `${m.at} [${m.type}] ${m.text} ${m.url}`.trimEnd()),
    '', '## page errors', ...log.errors,
    '', '## failed requests', ...log.failed,
    '', '## requests', ...log.requests,
  ];
  await writeFile(`${base}.console.log`, lines.join('\n') + '\n');
}
