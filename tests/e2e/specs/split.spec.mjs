// Issue 13: the results, the shared summary, the invitations and the file
// functions are split off the first screen's wasm. The first screen never waits
// for them; they arrive in the background; and a page whose part cannot be
// fetched says so, keeps everything entered, and loads when asked again.
import { test, expect } from '../lib/fixtures.mjs';
import { open, go, fill, first, choose, download } from '../lib/app.mjs';
import { controlQuestions } from '../lib/catalog.mjs';

const PART = /\/assets\/(split|chunk)_\w+-[0-9a-f]{16}\.wasm$/;

test('the first screen is up before any split-off part is asked for, and the parts follow', async ({ page, log }) => {
  await open(page, '/category/security');
  await expect(page.locator('body[data-parts="loaded"]'), 'the parts arrive in the background').toHaveCount(1);
  const firstPart = log.requests.findIndex((u) => PART.test(u));
  const wasm = log.requests.findIndex((u) => /soc-readiness_bg-[0-9a-f]{16}\.wasm$/.test(u));
  expect(wasm, 'the first screen\'s wasm was fetched').toBeGreaterThanOrEqual(0);
  expect(firstPart, 'parts are fetched after the first screen\'s wasm').toBeGreaterThan(wasm);
  expect(log.requests.filter((u) => /\/split_\w+-/.test(u)).length, 'results, shared summary, invitations, files').toBe(4);
  // Opened afterwards, the results need nothing more from the network.
  const before = log.requests.length;
  await go(page, '/results');
  await expect(first(page, 'main h1')).toHaveText('Readiness results');
  expect(log.requests.slice(before), 'no request when the results open').toEqual([]);
});

test('a page opened while its part is still on its way says it is loading, then shows', async ({ page }) => {
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(PART, async (route) => { await held; await route.continue(); });
  await page.goto('/#/results');
  await expect(page.locator('main [role="status"] h1')).toHaveText('Loading your results…');
  release();
  await expect(first(page, 'main h1')).toHaveText('Readiness results');
  await expect(page.locator('[data-testid="part-loading"]')).toHaveCount(0);
});

test('offline before the parts arrived: the results and the file functions say so, nothing is lost, and Try again loads them', async ({ page }) => {
  await page.route(PART, (route) => route.abort('internetdisconnected'));
  await open(page, '/scope');
  await fill(page, 'scope.company_name', 'Offline Parts Ltd');
  // Importing a file needs the file functions: refused with a message, nothing changed.
  await go(page, '/');
  const rows = page.locator('[data-testid="assessment-list"] > li');
  const count = await rows.count();
  await page.locator('#import-file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"schema_version": 1}') });
  await expect(page.locator('[data-testid="notice"]', { hasText: 'could not be loaded' })).toBeVisible();
  await expect(rows, 'no assessment added').toHaveCount(count);

  await go(page, '/results');
  const failed = page.locator('[data-testid="part-failed"]');
  await expect(failed.locator('h1')).toHaveText('Your results could not be loaded');
  await expect(failed.getByRole('alert')).toContainText('could not load your results');
  await expect(failed.getByRole('alert')).toContainText('Nothing you entered is lost');

  // Back online: Try again shows the results of what was entered.
  await page.unroute(PART);
  await failed.getByRole('button', { name: 'Try again' }).click();
  await expect(first(page, 'main h1')).toHaveText('Readiness results');
  await expect(page.locator('#main'), 'the focus stays on the page, not lost with the button').toBeFocused();
  await expect(page.locator('main')).toContainText('Offline Parts Ltd');
  await go(page, '/scope');
  await expect(page.locator('fieldset[data-question="scope.company_name"] input')).toHaveValue('Offline Parts Ltd');
});

test('storage full and the parts cut off: the warning\'s download still saves the answers', async ({ page, context }, testInfo) => {
  await context.addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
  });
  await page.route(PART, (route) => route.abort('internetdisconnected'));
  await open(page, '/category/security');
  const [q1] = controlQuestions('security');
  await choose(page, q1.id, 'partial');
  const banner = page.locator('[data-testid="save-problem"]');
  await expect(banner).toBeVisible({ timeout: 5_000 });
  const { text } = await download(page, page.locator('[data-testid="save-problem-download"]'), testInfo);
  const doc = JSON.parse(text);
  expect(doc.answers.values[q1.id], 'the answer given is in the file').toEqual({ o: 'partial' });
  expect(doc.schema_version, 'a file the import reads').toBeGreaterThan(0);
});
