// Issue 6 (privacy part): once loaded, the app makes no network request at
// all, whatever the user does; the first load fetches only the app's own files
// from its own origin; and the Content-Security-Policy forbids everything else.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { withPage, closeBrowser, problems } from '../lib/browser.mjs';
import { open, go, choose, tick, fill, text } from '../lib/app.mjs';
import { controlQuestions } from '../lib/catalog.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await closeBrowser(); await server?.close(); });

test('after load, a whole assessment makes no network request', async (t) => {
  await withPage(t, async ({ page, log }) => {
    await open(page, server.url, '/');
    const origin = new URL(server.url).origin;
    const atLoad = [...log.requests];
    assert.ok(atLoad.length > 0, 'the load itself was recorded');
    assert.deepEqual(atLoad.filter((u) => new URL(u).origin !== origin), [], 'the first load fetches nothing from another origin');
    const files = atLoad.map((u) => new URL(u).pathname.split('/').pop()).sort();
    assert.deepEqual([...new Set(files)].filter((f) => !['', 'index.html', 'boot.js', 'app.css', 'soc-readiness.js', 'soc-readiness_bg.wasm'].includes(f)), [],
      `only the app's own files are loaded, got ${files.join(', ')}`);

    // Everything a user does after that: every step, answers, notes, results, estimate inputs.
    await go(page, '/scope');
    await fill(page, 'scope.company_name', 'Offline Ltd');
    await fill(page, 'scope.headcount', 40);
    await tick(page, 'scope.data_kinds', ['customer_confidential', 'personal']);
    await go(page, '/applicability');
    await choose(page, 'app.sla', 'yes');
    await go(page, '/category/security');
    for (const q of controlQuestions('security').slice(0, 10)) await choose(page, q.id, 'partial');
    const note = page.locator('textarea').first();
    await note.fill('kept in this browser');
    await note.press('Tab');
    await go(page, '/review');
    await go(page, '/results');
    await page.locator('select#tier').selectOption('large_firm');
    await page.locator('main details').evaluateAll((ds) => ds.forEach((d) => { d.open = true; }));
    await page.locator('input#start-date').fill('2027-03-01');
    await page.locator('input#start-date').press('Tab');
    await page.goBack();
    await page.goForward();
    assert.match(await text(page, 'main h1'), /results/i, 'still on the results after Back and Forward');

    // Keeping and sharing: downloads are made in the page, links carry their data after the #.
    for (const id of ['export-json', 'export-csv']) {
      await Promise.all([page.waitForEvent('download'), page.locator(`[data-testid="${id}"]`).click()]);
    }
    const link = await page.locator('[data-testid="share-link"]').inputValue();
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.evaluate((l) => { location.hash = l.split('#')[1]; }, link);
    await page.locator('[data-testid="shared-summary"]').waitFor();
    await page.locator('[data-testid="save-copy"]').click();
    await page.locator('main h1', { hasText: 'Readiness results' }).waitFor();
    await page.evaluate(() => { location.hash = '#/invite'; });
    await page.locator('#invite-message').fill('Hello from sales');
    const invite = await page.locator('[data-testid="invite-link"]').inputValue();
    await page.evaluate((l) => { location.hash = l.split('#')[1]; }, invite);
    await page.locator('[data-testid="start-invited"]').click();
    await page.locator('main h1', { hasText: 'Scope' }).waitFor();
    await go(page, '/');
    await page.locator('#import-file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"schema_version": 1}') });
    await page.locator('[data-testid="notice"]', { hasText: 'was not imported' }).waitFor();

    // A download is a blob: made in the page, never a network request.
    assert.deepEqual(log.requests.slice(atLoad.length).filter((u) => !u.startsWith('blob:')), [], 'no request at all after load');
    assert.deepEqual(problems(log), [], 'no console errors or page errors');
  });
});

test('the page carries a strict Content-Security-Policy and no inline script', async (t) => {
  await withPage(t, async ({ page, log }) => {
    await open(page, server.url, '/');
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    const rules = Object.fromEntries(csp.split(';').map((r) => r.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    assert.deepEqual(rules['default-src'], ["'none'"]);
    assert.deepEqual(rules['script-src'], ["'self'", "'wasm-unsafe-eval'"], 'scripts only from the app itself, wasm allowed, no eval');
    assert.deepEqual(rules['connect-src'], ["'self'"]);
    assert.ok(!csp.includes("'unsafe-inline'") && !csp.includes("'unsafe-eval'"), 'no unsafe-inline or unsafe-eval');
    assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline script');
    // The policy is live: an injected inline script does not run.
    const ran = await page.evaluate(() => {
      window.__injected = false;
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.body.appendChild(s);
      return window.__injected;
    });
    assert.equal(ran, false, 'the CSP blocks inline script');
    assert.deepEqual(problems(log).filter((p) => !/Content Security Policy/i.test(p)), [], 'no other console errors');
  });
});
