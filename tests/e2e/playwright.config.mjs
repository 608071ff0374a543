// Playwright Test for the browser tests: Debian's Chromium (never a downloaded
// browser), the release build served by lib/serve-cli.mjs, four projects.
//
//   npx playwright test                       every project (DIST=dir to test another build)
//   npx playwright test --project=desktop-light
//   npx playwright show-report artifacts/report
//
// Every test runs in desktop-light. Tests whose title carries @every-project
// (accessibility, keyboard, print, layout) run in all four projects: the whole
// suite four times over would be too slow on a 2-core machine.
//
// Traces are recorded for every test and kept for failures only; recording
// roughly doubles a test's time (--trace=off for a quicker local run). Two runs
// at once in this folder share artifacts/results and the port: give the second
// one E2E_PORT=<other port> and --output=<other dir>.
import { defineConfig } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './lib/browser.mjs';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${PORT}`;
const EVERY_PROJECT = /@every-project/;
const desktop = { width: 1280, height: 800 };
const phone = { width: 375, height: 812 };

export default defineConfig({
  testDir: './specs',
  testMatch: '*.spec.mjs',
  outputDir: 'artifacts/results',
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'artifacts/report' }]],
  // The app is interactive about 1 s after load; the longest walks take ~40 s
  // with tracing on two busy cores. The axe-core walks are marked test.slow().
  timeout: 60_000,
  expect: { timeout: 5_000 },
  // Every test gets a fresh browser context, so tests run in any order and in parallel.
  fullyParallel: true,
  workers: 2,
  // On CI, a test that fails once runs again and is reported as flaky rather
  // than failing the run (the two-tab deletion test races storage events on two
  // busy cores); a test that fails twice fails the run. Locally: no retries.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  webServer: {
    command: 'node lib/serve-cli.mjs',
    url: `${baseURL}/`,
    reuseExistingServer: !process.env.CI,
    env: { E2E_PORT: String(PORT) },
    timeout: 15_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
  use: {
    baseURL,
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    // A click or check on something that never comes fails in 15 s, not at the test's timeout.
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    trace: 'retain-on-failure',
    screenshot: { mode: 'only-on-failure', fullPage: true },
  },
  projects: [
    { name: 'desktop-light', use: { viewport: desktop, colorScheme: 'light' } },
    { name: 'desktop-dark', grep: EVERY_PROJECT, use: { viewport: desktop, colorScheme: 'dark' } },
    { name: 'phone-light', grep: EVERY_PROJECT, use: { viewport: phone, colorScheme: 'light' } },
    { name: 'phone-dark', grep: EVERY_PROJECT, use: { viewport: phone, colorScheme: 'dark' } },
  ],
});
