// Debian's Chromium, never a downloaded browser. Playwright Test launches it
// through playwright.config.mjs (launchOptions); the benchmark through launch().
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

// Quiet, offline-friendly flags: no background traffic that would pollute the
// request log, and no sandbox (we run as root in CI).
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Launches Debian's Chromium with the flags above (used by bench.mjs). */
export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
