// Playwright Test, extended with what the specs need from every page:
//   log  console messages, page errors, every request and every failed request
//        of the test's page, recorded from before the first navigation, so a
//        spec can assert e.g. that nothing is fetched after load (compare
//        log.requests.length before and after). On failure it is attached to the
//        report as console.log, beside Playwright's own trace and screenshot.
// Specs that inject tooling past the app's strict CSP (axe-core) say so with
// test.use({ bypassCSP: true }) in their describe block.
import { test as base, expect } from '@playwright/test';

export { expect };

export const test = base.extend({
  log: [async ({ page }, use, testInfo) => {
    const start = Date.now();
    const log = { console: [], errors: [], requests: [], failed: [] };
    const at = () => `+${Date.now() - start}ms`;
    page.on('console', (m) => log.console.push({ type: m.type(), text: m.text(), url: m.location()?.url ?? '', at: at() }));
    page.on('pageerror', (e) => log.errors.push(String(e?.stack ?? e)));
    page.on('request', (r) => log.requests.push(r.url()));
    page.on('requestfailed', (r) => log.failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
    await use(log);
    if (testInfo.status !== testInfo.expectedStatus) {
      const lines = [
        `url: ${page.isClosed() ? '(page closed)' : page.url()}`,
        '', '## console', ...log.console.map((m) => `${m.at} [${m.type}] ${m.text} ${m.url}`.trimEnd()),
        '', '## page errors', ...log.errors,
        '', '## failed requests', ...log.failed,
        '', '## requests', ...log.requests,
      ];
      await testInfo.attach('console.log', { body: lines.join('\n') + '\n', contentType: 'text/plain' });
    }
  }, { auto: true }],
});

/** Console messages of type "error" plus uncaught page errors, as strings. */
export function problems(log) {
  return [
    ...log.console.filter((m) => m.type === 'error').map((m) => `console.error: ${m.text} ${m.url}`.trim()),
    ...log.errors.map((e) => `pageerror: ${e}`),
  ];
}

/** The project's viewport and colour scheme, for file names and messages: {width, height, scheme}. */
export function screen(page, testInfo) {
  const { width, height } = page.viewportSize();
  return { width, height, scheme: testInfo.project.use.colorScheme ?? 'light' };
}
