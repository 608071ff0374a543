// Issue 6 (privacy part): once loaded, the app makes no network request at
// all, whatever the user does; the first load fetches only the app's own files
// from its own origin; and the Content-Security-Policy forbids everything else.
import { test, expect, problems } from '../lib/fixtures.mjs';
import { open, go, choose, tick, fill, first } from '../lib/app.mjs';
import { controlQuestions } from '../lib/catalog.mjs';

test('after load, a whole assessment makes no network request', async ({ page, log, baseURL }) => {
  await open(page, '/');
  // The parts split off the first screen are fetched in the background: after
  // that, nothing more is ever needed.
  await expect(page.locator('body[data-parts="loaded"]'), 'the background fetch of the parts ends').toHaveCount(1);
  const origin = new URL(baseURL).origin;
  const atLoad = [...log.requests];
  expect(atLoad.length, 'the load itself was recorded').toBeGreaterThan(0);
  expect(atLoad.filter((u) => new URL(u).origin !== origin), 'the first load fetches nothing from another origin').toEqual([]);
  // The page, then the app's own files, each with a content hash in its name.
  const files = [...new Set(atLoad.map((u) => new URL(u).pathname))].sort();
  const firstScreen = /^\/(index\.html)?$|^\/assets\/(app-[0-9a-f]{16}\.css|boot-[0-9a-f]{16}\.js|soc-readiness-[0-9a-f]{16}\.js|__wasm_split-[0-9a-f]{16}\.js|soc-readiness_bg-[0-9a-f]{16}\.wasm)$/;
  const part = /^\/assets\/(split|chunk)_\w+-[0-9a-f]{16}\.wasm$/;
  expect(files.filter((f) => !firstScreen.test(f) && !part.test(f)), `only the app's own files are loaded, got ${files.join(', ')}`).toEqual([]);
  expect(files.filter((f) => firstScreen.test(f) && f.startsWith('/assets/')), 'the five hashed assets of the first screen').toHaveLength(5);
  expect(files.filter((f) => /\/split_/.test(f)).length, 'the split-off parts: results, shared summary, invitations, files').toBe(4);

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
  await expect(first(page, 'main h1'), 'still on the results after Back and Forward').toHaveText(/results/i);

  // Keeping and sharing: downloads are made in the page, links carry their data after the #.
  for (const id of ['export-json', 'export-csv']) {
    await Promise.all([page.waitForEvent('download'), page.locator(`[data-testid="${id}"]`).click()]);
  }
  const link = await page.locator('[data-testid="share-link"]').inputValue();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.evaluate((l) => { location.hash = l.split('#')[1]; }, link);
  await expect(page.locator('[data-testid="shared-summary"]')).toBeVisible();
  await page.locator('[data-testid="save-copy"]').click();
  await expect(page.locator('main h1', { hasText: 'Readiness results' })).toBeVisible();
  await page.evaluate(() => { location.hash = '#/invite'; });
  await page.locator('#invite-message').fill('Hello from sales');
  const invite = await page.locator('[data-testid="invite-link"]').inputValue();
  await page.evaluate((l) => { location.hash = l.split('#')[1]; }, invite);
  await page.locator('[data-testid="start-invited"]').click();
  await expect(page.locator('main h1', { hasText: 'Scope' })).toBeVisible();
  await go(page, '/');
  await page.locator('#import-file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"schema_version": 1}') });
  await expect(page.locator('[data-testid="notice"]', { hasText: 'was not imported' })).toBeVisible();

  // A download is a blob: made in the page, never a network request.
  expect(log.requests.slice(atLoad.length).filter((u) => !u.startsWith('blob:')), 'no request at all after load').toEqual([]);
  expect(problems(log), 'no console errors or page errors').toEqual([]);
});

test('the page carries a strict Content-Security-Policy and no inline script', async ({ page, log }) => {
  await open(page, '/');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const rules = Object.fromEntries(csp.split(';').map((r) => r.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  expect(rules['default-src']).toEqual(["'none'"]);
  expect(rules['script-src'], 'scripts only from the app itself, wasm allowed, no eval').toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(rules['connect-src']).toEqual(["'self'"]);
  expect(!csp.includes("'unsafe-inline'") && !csp.includes("'unsafe-eval'"), 'no unsafe-inline or unsafe-eval').toBe(true);
  await expect(page.locator('script:not([src])'), 'no inline script').toHaveCount(0);
  // The policy is live: an injected inline script does not run.
  const ran = await page.evaluate(() => {
    window.__injected = false;
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.body.appendChild(s);
    return window.__injected;
  });
  expect(ran, 'the CSP blocks inline script').toBe(false);
  expect(problems(log).filter((p) => !/Content Security Policy/i.test(p)), 'no other console errors').toEqual([]);
});

test('served as a host serves it: the header policy is the page policy plus frame-ancestors, and only hashed files are cached long', async ({ page, request, baseURL }) => {
  const res = await page.goto('/');
  const header = res.headers()['content-security-policy'];
  expect(header, 'the build ships its host headers (_headers) and the test server sends them').toBeTruthy();
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const set = (p) => p.split(';').map((d) => d.trim().split(/\s+/).join(' ')).filter(Boolean).sort();
  expect(set(header)).toEqual(set(`${meta}; frame-ancestors 'none'`));
  expect(res.headers()['cache-control']).toBe('no-cache');
  // Every asset the page loads is content-hashed and cached for a year.
  const assets = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
  const hashed = assets.filter((a) => a.startsWith('/assets/'));
  expect(hashed.length, `assets loaded: ${assets.join(', ')}`).toBeGreaterThanOrEqual(3);
  for (const a of hashed) {
    const r = await request.get(a);
    expect(r.headers()['cache-control'], a).toBe('public, max-age=31536000, immutable');
  }
  // The app cannot be framed by another page: the framed copy never starts.
  await page.goto('about:blank');
  await page.setContent(`<iframe src="${baseURL}/" title="framed"></iframe>`);
  const child = page.frames().find((f) => f !== page.mainFrame());
  // A blocked frame shows the browser's error page, never the app's loader.
  await expect.poll(() => child.url(), { message: 'frame-ancestors blocks the framed app' }).toMatch(/^chrome-error:/);
  expect(await child.locator('#boot, body[data-ready]').count()).toBe(0);
});
