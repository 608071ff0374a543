// Keep, share and export in the browser: several saved assessments, JSON and
// CSV export, import with clear refusals, share and invitation links, and
// nothing lost when storage fails, two tabs edit, or the page reloads mid-typing.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { test, expect, problems, screen } from '../lib/fixtures.mjs';
import { open, go, waitReady, first, text, choose, fill, tick, download } from '../lib/app.mjs';
import { controlQuestions } from '../lib/catalog.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const SCHEMA = path.resolve(here, '../../../schema/readiness-export.schema.json');
const AXE = path.resolve(here, '../node_modules/axe-core/axe.min.js');
const FILES = path.resolve(here, '../artifacts/files');
const MARKUP = '<img src=x onerror="window.__pwned=1">';

/** Our keys in this page's localStorage, as {key: value}. */
const saved = (page) => page.evaluate(() => Object.fromEntries(
  Object.keys(localStorage).filter((k) => k.startsWith('soc-readiness/')).map((k) => [k, localStorage.getItem(k)])));

/** How many assessments this page's localStorage holds. */
const savedAssessments = async (page) => Object.keys(await saved(page)).filter((k) => k.startsWith('soc-readiness/assessment/')).length;

/**
 * Waits until an assessment is saved and storage has stopped changing for
 * longer than the autosave's debounce; returns what is saved then.
 */
async function settled(page) {
  let last = null;
  let since = Date.now();
  await expect.poll(async () => {
    const now = JSON.stringify(await saved(page));
    if (now !== last) { last = now; since = Date.now(); }
    return { saved: now.includes('soc-readiness/assessment/'), quiet: Date.now() - since > 600 };
  }, { message: 'saving to settle', timeout: 8_000, intervals: [50] }).toEqual({ saved: true, quiet: true });
  return saved(page);
}

/** Company, a few scope answers and some Security answers: enough for gaps and a decision. */
async function seed(page, company = 'Export Roundtrip Ltd') {
  await open(page, '/scope');
  await fill(page, 'scope.company_name', company);
  await fill(page, 'scope.headcount', 25);
  await tick(page, 'scope.data_kinds', ['customer_confidential']);
  await tick(page, 'scope.customer_asks', ['soc2']);
  await go(page, '/category/security');
  const opts = ['no', 'partial', 'implemented', 'evidenced', 'planned', 'no', 'evidenced'];
  for (const [i, q] of controlQuestions('security').slice(0, opts.length).entries()) await choose(page, q.id, opts[i]);
  const note = page.locator('textarea').first();
  await note.fill(`note with ${MARKUP}`);
  await page.waitForTimeout(400);
}

/** Navigates within the app to a page that is not a step, and waits for its heading. */
async function visit(page, route, heading) {
  await page.evaluate((r) => { location.hash = r; }, `#${route}`);
  await expect(page.locator('main h1', { hasText: heading })).toBeVisible();
}

const notice = (page) => page.locator('[data-testid="notice"]');
const rows = (page) => page.locator('[data-testid="assessment-list"] li[data-assessment]');

/** Imports text as a file (written to the test's output folder) through the file picker on the welcome page. */
async function importText(page, testInfo, name, body) {
  const file = testInfo.outputPath(name);
  await writeFile(file, body);
  await page.locator('#import-file').setInputFiles(file);
}

test('export JSON and CSV from the results, valid against the schema, and import it back as a new assessment', async ({ page, log }, testInfo) => {
  await seed(page);
  await go(page, '/results');
  await expect(first(page, '[data-testid="disclaimer"]')).toHaveText(/self-assessment.*not an audit/i);
  const json = await download(page, page.locator('[data-testid="export-json"]'), testInfo);
  const today = new Date();
  const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  expect(json.name).toBe(`soc-readiness-export-roundtrip-ltd-${iso(today)}.json`);
  const doc = JSON.parse(json.text);
  // The schema's numeric formats (uint, double) are not JSON Schema formats: Ajv ignores them, quietly.
  const ajv = new Ajv2020({ allErrors: true, strict: false, logger: false });
  const validate = ajv.compile(JSON.parse(await readFile(SCHEMA, 'utf8')));
  expect(validate(doc), `export valid against the schema: ${ajv.errorsText(validate.errors)}`).toBe(true);
  expect(doc.company).toBe('Export Roundtrip Ltd');
  expect(doc.disclaimer).toMatch(/not an audit/i);
  expect(doc.schema_version).toBe(3);
  expect(doc.gaps.length, `gaps exported (${doc.gaps.length})`).toBeGreaterThanOrEqual(4);
  await expect(first(page, '#gaps-title')).toHaveText(`Gaps to close (${doc.gaps.length})`);

  const csv = await download(page, page.locator('[data-testid="export-csv"]'), testInfo);
  expect(csv.name).toMatch(/^soc-readiness-export-roundtrip-ltd-gaps-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = csv.text.trim().split('\r\n');
  expect(lines[0]).toMatch(/^rank,question,category,criteria/);
  expect(lines.length - 1, 'one CSV row per gap').toBe(doc.gaps.length);

  // Import the file: a new assessment, the original untouched.
  await go(page, '/');
  await expect(rows(page)).toHaveCount(1);
  await importText(page, testInfo, 'roundtrip.json', json.text);
  await expect(notice(page), 'import notice').toHaveText(/Imported “roundtrip\.json” as a new assessment/);
  await expect(rows(page), 'the import added an assessment').toHaveCount(2);
  await notice(page).locator('[data-testid="notice-open"]').click();
  await expect(first(page, '[data-testid="current-assessment"] .name'), 'imported one open').toHaveText('Export Roundtrip Ltd');
  await go(page, '/results');
  const again = JSON.parse((await download(page, page.locator('[data-testid="export-json"]'), testInfo, 'again-')).text);
  expect(again.answers, 'answers and notes equal after the round trip').toEqual(doc.answers);
  expect(again.assumptions, 'assumptions equal after the round trip').toEqual(doc.assumptions);
  expect(again.scores, 'same scores').toEqual(doc.scores);
  expect(again.gaps, 'same gaps').toEqual(doc.gaps);
  expect(await page.evaluate(() => window.__pwned), 'markup in a note never ran').toBeUndefined();

  // The same file dropped on the import box: another new assessment.
  await go(page, '/');
  await page.evaluate((body) => {
    const dt = new DataTransfer();
    dt.items.add(new File([body], 'dropped.json', { type: 'application/json' }));
    const zone = document.querySelector('[data-testid="import-drop"]');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, json.text);
  await expect(notice(page), 'drop import notice').toHaveText(/Imported “dropped\.json”/);
  await expect(rows(page), 'the dropped file added an assessment').toHaveCount(3);
  expect(problems(log), 'no console errors').toEqual([]);
});

test('a refused import says what is wrong and where, and changes nothing', async ({ page }, testInfo) => {
  await seed(page, 'Keep Me');
  await go(page, '/results');
  const good = JSON.parse((await download(page, page.locator('[data-testid="export-json"]'), testInfo)).text);
  await go(page, '/');
  const before = await settled(page);
  const firstSec = Object.keys(good.answers.values).find((k) => k.startsWith('sec.'));
  const cases = [
    ['not-json.json', 'this is not json', /not valid JSON/],
    ['truncated.json', JSON.stringify(good).slice(0, 500), /truncated|not valid JSON/],
    ['empty.json', '', /empty/],
    ['array.json', '[1,2,3]', /not a readiness summary/],
    ['no-version.json', JSON.stringify({ ...good, schema_version: undefined }), /schema_version: missing|At schema_version: missing/],
    ['newer.json', JSON.stringify({ ...good, schema_version: 99 }), /newer version/],
    ['unknown-question.json', JSON.stringify({ ...good, answers: { ...good.answers, values: { ...good.answers.values, 'sec.nope': { o: 'no' } } } }), /answers\.values\."sec\.nope".*no such question/],
    ['bad-option.json', JSON.stringify({ ...good, answers: { ...good.answers, values: { ...good.answers.values, [firstSec]: { o: 'maybe' } } } }), new RegExp(`answers\\.values\\."${firstSec.replace(/\./g, '\\.')}".*expected one of`)],
    ['out-of-range.json', JSON.stringify({ ...good, answers: { ...good.answers, values: { ...good.answers.values, 'scope.headcount': { n: -4 } } } }), /scope\.headcount.*expected a whole number/],
    ['bad-tier.json', JSON.stringify({ ...good, assumptions: { ...good.assumptions, tier: 'cheapest' } }), /assumptions\.tier/],
    ['wrong-type.json', JSON.stringify({ ...good, answers: { values: 'all of them' } }), /answers\.values/],
    ['too-large.json', ' '.repeat(2 * 1024 * 1024 + 10), /largest accepted/],
  ];
  for (const [name, body, reason] of cases) {
    await importText(page, testInfo, name, body);
    const n = notice(page);
    await expect(n, `refusal of ${name}`).toContainText(`“${name}” was not imported, and nothing changed.`);
    await expect(n, `${name}: the reason says what and where`).toHaveText(reason);
    await expect(n.locator('[role=alert]'), 'a refusal is announced assertively').toHaveText(/was not imported/);
    await expect(rows(page), `${name}: no assessment added`).toHaveCount(1);
    expect(await saved(page), `${name}: storage unchanged`).toEqual(before);
  }
});

test('several assessments: new, rename, duplicate, delete with undo, start over with undo', async ({ page, log }, testInfo) => {
  await seed(page, 'First Co');
  await go(page, '/');
  await expect(rows(page), 'one saved assessment').toHaveCount(1);
  // New: the header says which one is open on every page.
  await page.locator('[data-testid="new-assessment"]').click();
  await expect(page.locator('main h1', { hasText: 'Scope' })).toBeVisible();
  await fill(page, 'scope.company_name', 'Second Co');
  await expect(first(page, '[data-testid="current-assessment"] .name')).toHaveText('Second Co');
  await go(page, '/');
  await settled(page);
  await expect(rows(page), 'two assessments').toHaveCount(2);
  const row = (name) => rows(page).filter({ has: page.locator('.assessment-name', { hasText: name }) });
  await expect(row('Second Co')).toHaveText(/Open now/);
  await expect(row('First Co')).toHaveText(/\d+ of \d+ answered/);

  // Rename, with markup kept as text.
  await page.getByRole('button', { name: 'Rename First Co' }).click();
  await page.locator('form.rename input[name=name]').fill(`Renamed ${MARKUP}`);
  await page.locator('form.rename button[type=submit]').click();
  await expect.poll(() => rows(page).allTextContents().then((ts) => ts.some((s) => s.includes(`Renamed ${MARKUP}`))),
    { message: 'renamed row' }).toBe(true);

  // Export from the list: the row's own answers, not the open one's.
  const fromList = JSON.parse((await download(page, page.getByRole('button', { name: `Download Renamed ${MARKUP} as JSON` }), testInfo)).text);
  expect(fromList.company).toBe('First Co');
  const csvFromList = await download(page, page.getByRole('button', { name: `Gaps CSV of Renamed ${MARKUP}` }), testInfo);
  expect(csvFromList.text.trim().split('\r\n').length - 1, 'one CSV row per gap of that assessment').toBe(fromList.gaps.length);

  // Duplicate.
  await page.getByRole('button', { name: `Duplicate Renamed ${MARKUP}` }).click();
  await expect(rows(page), 'duplicate added').toHaveCount(3);
  expect((await rows(page).allTextContents()).some((s) => s.includes(`Copy of Renamed ${MARKUP}`))).toBe(true);

  // Delete, then undo.
  await page.getByRole('button', { name: `Delete Copy of Renamed ${MARKUP}` }).click();
  await expect(rows(page), 'deleted').toHaveCount(2);
  await expect(notice(page)).toHaveText(/Deleted “Copy of Renamed/);
  await notice(page).locator('[data-testid="undo"]').click();
  await expect(rows(page), 'restored by undo').toHaveCount(3);

  // Open another one: its answers come back.
  await page.getByRole('button', { name: `Open Renamed ${MARKUP}` }).click();
  await expect(page.locator('main h1', { hasText: 'Scope' })).toBeVisible();
  await expect(page.locator('[id="scope.company_name--input"]')).toHaveValue('First Co');
  await expect(first(page, '[data-testid="current-assessment"] .name')).toHaveText(`Renamed ${MARKUP}`);

  // Start over clears the open one; undo brings the answers back.
  await go(page, '/');
  await page.getByRole('button', { name: `Start over: Renamed ${MARKUP}` }).click();
  await go(page, '/scope');
  await expect(page.locator('[id="scope.company_name--input"]')).toHaveValue('');
  await notice(page).locator('[data-testid="undo"]').click();
  await expect(page.locator('[id="scope.company_name--input"]'), 'answers back').toHaveValue('First Co');

  // Survives a reload: three assessments, the same one open.
  await settled(page);
  await page.reload();
  await waitReady(page);
  await go(page, '/');
  await expect(rows(page)).toHaveCount(3);
  await expect(first(page, '[data-testid="current-assessment"] .name')).toHaveText(`Renamed ${MARKUP}`);
  expect(await page.evaluate(() => window.__pwned), 'markup never ran').toBeUndefined();
  expect(problems(log), 'no console errors').toEqual([]);
});

/** Makes a share link from the results page of a seeded assessment. */
async function shareLink(page, { gaps = true } = {}) {
  await go(page, '/results');
  if (!gaps) await page.locator('#share-gaps').uncheck();
  const field = page.locator('[data-testid="share-link"]');
  const link = await field.inputValue();
  expect(link, 'the data sits in the fragment').toMatch(/#\/shared\/a3\.[A-Za-z0-9_-]+$/);
  return link;
}

test('a share link opens as a read-only summary in a fresh browser, and saves as a copy', async ({ page, browser }) => {
  await seed(page, `Shared ${MARKUP} Inc`);
  const link = await shareLink(page);
  const decision = await text(page, '[data-testid="decision-headline"]');
  const gaps = Number((await text(page, '#gaps-title')).match(/\((\d+)\)/)[1]);
  const firstReport = await text(page, '[data-testid="first-report-date"]');
  // The copy button: clipboard when allowed.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy link' }).first().click();
  await expect(page.locator('.copy-field [role=status]').first(), 'copy status').toHaveText(/copied|select/i);

  // A different browser context: no shared storage, like another person's browser.
  const other = await browser.newContext({ viewport: { width: 375, height: 800 } });
  try {
    const p2 = await other.newPage();
    const requests = [];
    p2.on('request', (r) => requests.push(r.url()));
    await p2.goto(link);
    await waitReady(p2);
    await expect(p2.locator('[data-testid="shared-summary"]')).toBeVisible();
    await expect(first(p2, 'main h1')).toHaveText(`Readiness summary: Shared ${MARKUP} Inc`);
    await expect(first(p2, '[data-testid="disclaimer"]')).toHaveText(/not an audit/i);
    await expect(first(p2, '[data-testid="shared-report"]')).toHaveText(decision);
    await expect(first(p2, '[data-testid="shared-categories"]')).toHaveText(/Security/);
    await expect(first(p2, '[data-testid="shared-date"]')).toHaveText(new RegExp(firstReport));
    await expect(p2.locator('[data-testid="shared-gap-list"] li')).toHaveCount(gaps);
    expect(await saved(p2), 'opening a link saves nothing').toEqual({});
    expect(requests.every((u) => !u.includes('a3.')), 'the link data never goes to the server').toBe(true);
    expect(await p2.evaluate(() => window.__pwned)).toBeUndefined();
    // Save as my own copy.
    await p2.locator('[data-testid="save-copy"]').click();
    await expect(p2.locator('main h1', { hasText: 'Readiness results' })).toBeVisible();
    await expect(first(p2, '#gaps-title')).toHaveText(`Gaps to close (${gaps})`);
    await expect.poll(() => savedAssessments(p2), { message: 'copy saved' }).toBeGreaterThan(0);
  } finally {
    await other.close();
  }
});

test('a share link without gaps carries no control answers', async ({ page, context }) => {
  await seed(page, 'Private Gaps Ltd');
  const link = await shareLink(page, { gaps: false });
  const p2 = await context.newPage();
  await p2.goto(link);
  await waitReady(p2);
  await expect(p2.locator('[data-testid="shared-no-gaps"]')).toBeVisible();
  await expect(p2.locator('[data-testid="shared-gap-list"]')).toHaveCount(0);
  await p2.locator('[data-testid="save-copy"]').click();
  await expect(p2.locator('main h1', { hasText: 'Readiness results' })).toBeVisible();
  await expect(first(p2, '#gaps-title'), 'the copy has no control answers').toHaveText('Gaps to close (0)');
});

test('damaged, altered, truncated, oversized, older and newer links show a clear page and change nothing', async ({ page, log }) => {
  await seed(page, 'Link Victim');
  const link = await shareLink(page);
  const before = await settled(page);
  const data = link.split('#/shared/')[1];
  const flip = (s, i) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
  const cases = [
    ['altered', flip(data, Math.floor(data.length / 2)), /damaged/],
    ['truncated', data.slice(0, -5), /damaged/],
    ['oversized', data + 'A'.repeat(7000), /damaged|longer/],
    ['not a link', 'hello-world', /damaged/],
    ['newer', 'a9.' + data.slice(3), /newer version/],
    ['older', 'a1.' + data.slice(3), /older version/],
  ];
  for (const [what, d, reason] of cases) {
    await page.goto(`/#/shared/${d}`);
    await waitReady(page);
    const problem = page.locator('[data-testid="link-problem"]');
    await expect(problem, `${what}: the reason`).toHaveText(reason);
    await expect(problem).toHaveText(/Nothing saved in this browser has changed/);
    expect(await saved(page), `${what}: nothing saved changed`).toEqual(before);
  }
  await page.goto('/#/nope');
  await waitReady(page);
  await expect(page.locator('main h1', { hasText: 'Page not found' })).toBeVisible();
  expect(problems(log), 'no console errors').toEqual([]);
});

test('an invitation link shows its text inert and starts a new assessment from it', async ({ page, context }) => {
  await open(page, '/scope');
  await fill(page, 'scope.headcount', 60);
  await visit(page, '/invite', 'Invite a prospect');
  await page.locator('#invite-contact').fill(`Sam ${MARKUP}`);
  await page.locator('#invite-organisation').fill('Seller Inc');
  await page.locator('#invite-prospect').fill('Prospect <b>Bold</b> GmbH');
  const message = `Hello!\n<script>window.__pwned=1</script>\n${MARKUP}`;
  await page.locator('#invite-message').fill(message);
  await page.locator('#invite-cat-availability').check();
  await page.locator('#invite-scope').check();
  // Over the limit: a message, no link.
  const link = await page.locator('[data-testid="invite-link"]').inputValue();
  expect(link).toMatch(/#\/start\/p1\./);

  const p2 = await context.newPage();
  await p2.goto(link);
  await waitReady(p2);
  await expect(p2.locator('[data-testid="invitation"]')).toBeVisible();
  await expect(first(p2, '[data-testid="invitation-from"]')).toHaveText(`From Sam ${MARKUP}, Seller Inc`);
  expect(await p2.locator('[data-testid="invitation-message"]').textContent(), 'the message is shown as text').toBe(message.trim());
  await expect(p2.locator('[data-testid="invitation-message"] *'), 'no element made from the message').toHaveCount(0);
  expect(await p2.evaluate(() => window.__pwned), 'no markup ran').toBeUndefined();
  await p2.locator('[data-testid="start-invited"]').click();
  await expect(p2.locator('main h1', { hasText: 'Scope' })).toBeVisible();
  await expect(p2.locator('[id="scope.company_name--input"]')).toHaveValue('Prospect <b>Bold</b> GmbH');
  await expect(p2.locator('[id="scope.headcount--input"]')).toHaveValue('60');
  await go(p2, '/applicability');
  await expect(p2.locator('input[type=checkbox][value="availability"]'), 'the suggested category is chosen').toBeChecked();

  // A damaged invitation.
  await p2.goto(link.slice(0, -4));
  await waitReady(p2);
  await expect(p2.locator('[data-testid="link-problem"]')).toBeVisible();
});

test('storage full: a lasting warning with a JSON download, and answering keeps working', async ({ page, context, log }, testInfo) => {
  await context.addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
  });
  await open(page, '/category/security');
  const [q1, q2] = controlQuestions('security');
  await choose(page, q1.id, 'no');
  const banner = page.locator('[data-testid="save-problem"]');
  await expect(banner).toBeVisible({ timeout: 5_000 });
  await expect(banner).toHaveText(/storage .* is full/);
  await choose(page, q2.id, 'evidenced');
  await expect(banner, 'the warning stays').toBeVisible();
  const { text: body } = await download(page, page.locator('[data-testid="save-problem-download"]'), testInfo);
  const doc = JSON.parse(body);
  expect(doc.answers.values[q1.id]).toEqual({ o: 'no' });
  expect(doc.answers.values[q2.id]).toEqual({ o: 'evidenced' });
  expect(problems(log), 'no console errors').toEqual([]);
});

test('storage disabled: the app works, says so, and offers the download', async ({ page, context, log }) => {
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  await open(page, '/category/security');
  const banner = page.locator('[data-testid="save-problem"]');
  await expect(banner).toBeVisible();
  await expect(banner).toHaveText(/does not let the app save/);
  const [q1] = controlQuestions('security');
  await choose(page, q1.id, 'evidenced');
  await expect(first(page, '[data-testid="overall-score"]'), 'score still updates').toHaveText('100');
  expect(problems(log), 'no console errors').toEqual([]);
});

/** Clicks an answer in the page itself, so two tabs can answer at the same moment. */
const click = (p, id, v) => p.evaluate(([id, v]) => {
  document.querySelector(`fieldset[data-question="${id}"] input[value="${v}"]`).click();
}, [id, v]);
const answer = (p, id, v) => p.locator(`fieldset[data-question="${id}"] input[value="${v}"]`);

test('two tabs stay in step: answers given in either are kept by both', async ({ page, context }) => {
  await open(page, '/category/security');
  const qs = controlQuestions('security');
  await choose(page, qs[0].id, 'no');
  await settled(page);
  const p2 = await context.newPage();
  await open(p2, '/category/security');
  await expect(answer(p2, qs[0].id, 'no'), 'the second tab opens the same answers').toBeChecked();
  // Both tabs answer at the same moment, round after round, before either save lands.
  const expected = [[qs[0].id, 'no']];
  for (let round = 0; round < 4; round += 1) {
    const [a, b] = [qs[1 + 2 * round], qs[2 + 2 * round]];
    await Promise.all([click(page, a.id, 'partial'), click(p2, b.id, 'evidenced')]);
    expected.push([a.id, 'partial'], [b.id, 'evidenced']);
    await page.waitForTimeout(round * 150);
  }
  for (const p of [page, p2]) {
    for (const [id, v] of expected) {
      await expect(answer(p, id, v), `${id} = ${v} in both tabs`).toBeChecked({ timeout: 8_000 });
    }
  }
  await settled(page);
  const p3 = await context.newPage();
  await open(p3, '/category/security');
  for (const [id, v] of expected) {
    await expect(answer(p3, id, v), `saved: ${id} = ${v}`).toBeChecked();
  }
});

test('two tabs: a change to an answer the other tab set wins, and a deletion is not undone by a pending save', async ({ page, context }) => {
  const qs = controlQuestions('security');
  await open(page, '/category/security');
  await choose(page, qs[0].id, 'no');
  await settled(page);
  const p2 = await context.newPage();
  await open(p2, '/category/security');
  // Concurrent answers to different questions, then tab A changes the one tab B set.
  await Promise.all([click(page, qs[1].id, 'partial'), click(p2, qs[2].id, 'no')]);
  await expect(answer(page, qs[2].id, 'no'), 'tab A sees tab B answer').toBeChecked({ timeout: 8_000 });
  await click(page, qs[2].id, 'evidenced');
  for (const p of [page, p2]) {
    await expect(answer(p, qs[2].id, 'evidenced'), 'the later change wins in both tabs').toBeChecked({ timeout: 8_000 });
    await expect(answer(p, qs[1].id, 'partial'), 'the other answer is kept').toBeChecked({ timeout: 8_000 });
  }
  await settled(page);

  // Tab B answers (its save is pending) while tab A deletes the assessment.
  await go(page, '/');
  await click(p2, qs[3].id, 'planned');
  await page.getByRole('button', { name: /^Delete / }).first().click();
  await expect(p2.locator('[data-testid="deleted-elsewhere"]')).toBeVisible({ timeout: 8_000 });
  await page.waitForTimeout(800);
  expect(await savedAssessments(page), 'the deleted assessment did not come back').toBe(0);
  // "Keep it" in tab B saves it again, deliberately.
  await p2.getByRole('button', { name: 'Keep it' }).click();
  await expect.poll(() => savedAssessments(p2), { message: 'kept again' }).toBe(1);
});

test('a note and a company name typed just before a reload are kept', async ({ page }) => {
  await open(page, '/scope');
  await page.locator('[id="scope.company_name--input"]').pressSequentially('Typed Then Reloaded');
  await page.reload();
  await waitReady(page);
  await expect(page.locator('[id="scope.company_name--input"]')).toHaveValue('Typed Then Reloaded');
  await go(page, '/category/security');
  const note = page.locator('textarea').first();
  await note.pressSequentially('half a sentence');
  await page.reload();
  await waitReady(page);
  await expect(page.locator('textarea').first()).toHaveValue('half a sentence');
});

test('a saved value this version cannot read is kept, reported and downloadable', async ({ page, context, log }, testInfo) => {
  await context.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('soc-readiness/assessment/broken1', 'v2:not-base64!!');
      localStorage.setItem('soc-readiness/assessment/broken2', 'v9:from the future');
      localStorage.setItem('soc-readiness/current', 'v1:AAAA garbage');
    }
  });
  await open(page, '/');
  await expect(first(page, '[data-testid="notice"]')).toHaveText(/3 saved values could not be read/);
  const list = page.locator('[data-testid="unreadable"] li');
  await expect(list).toHaveCount(3);
  expect((await list.allTextContents()).join(' ')).toMatch(/newer version/);
  const { text: body } = await download(page, page.getByRole('button', { name: 'Download saved value 2' }), testInfo);
  expect(body).toBe('v9:from the future');
  // Answering saves elsewhere; the unreadable values stay as they were.
  await go(page, '/category/security');
  await choose(page, controlQuestions('security')[0].id, 'no');
  const s = await settled(page);
  expect(s['soc-readiness/assessment/broken1']).toBe('v2:not-base64!!');
  expect(s['soc-readiness/assessment/broken2']).toBe('v9:from the future');
  expect(s['soc-readiness/current']).toBe('v1:AAAA garbage');
  expect(problems(log), 'no console errors').toEqual([]);
});

test('a version 1 assessment is moved into the list with its answers', async ({ page, context }) => {
  // A version 1 snapshot (postcard + base64) as the old app wrote it: company "Old Co", default assumptions.
  await context.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('soc-readiness/current', 'v1:ARJzY29wZS5jb21wYW55X25hbWUBBk9sZCBDbwAKMjAyNi0wMS0wNQhib3V0aXF1ZQEAAAA=');
    }
  });
  await open(page, '/');
  await expect(rows(page), 'the old assessment listed').toHaveCount(1);
  await expect(first(page, '[data-testid="current-assessment"] .name'), 'its answers came along, and it is open').toHaveText('Old Co');
  const s = await saved(page);
  expect(s['soc-readiness/current'], 'the old key is removed once copied').toBeUndefined();
});

test.describe(() => {
  // Lets axe-core be injected past the app's strict CSP.
  test.use({ bypassCSP: true });

  // One run per project: 375 and 1280 px, light and dark.
  test('axe finds nothing on the new pages at 375 and 1280 px, light and dark @every-project', async ({ page }, testInfo) => {
    test.slow(true, 'seven pages, each with axe-core and a full-page screenshot');
    const { width, scheme: colorScheme } = screen(page, testInfo);
    await mkdir(FILES, { recursive: true });
    await seed(page, 'Axe Check Ltd');
    const link = await shareLink(page);
    await visit(page, '/invite', 'Invite a prospect');
    await page.locator('#invite-message').fill('Hello');
    const invite = await page.locator('[data-testid="invite-link"]').inputValue();
    const pages = [['welcome', '/#/'], ['results', '/#/results'], ['invite', '/#/invite'],
      ['shared', link], ['invitation', invite], ['bad link', '/#/shared/a3.AAAA'], ['not found', '/#/nope']];
    for (const [name, url] of pages) {
      await page.goto(url);
      await waitReady(page);
      await expect(first(page, 'main h1')).toBeVisible();
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async () => {
        const r = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] });
        return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations, `${name} at ${width}px, ${colorScheme}`).toEqual([]);
      await page.screenshot({ path: path.join(FILES, `${name.replace(/ /g, '-')}-${width}-${colorScheme}.png`), fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${name} at ${width}px does not scroll sideways (${overflow}px)`).toBeLessThanOrEqual(0);
    }
  });
});
