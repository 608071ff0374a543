// Keep, share and export in the browser: several saved assessments, JSON and
// CSV export, import with clear refusals, share and invitation links, and
// nothing lost when storage fails, two tabs edit, or the page reloads mid-typing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { startServer } from '../lib/server.mjs';
import { withPage, closeBrowser, eventually, problems, getBrowser, waitReady, ARTIFACTS } from '../lib/browser.mjs';
import { open, go, text, choose, fill, tick } from '../lib/app.mjs';
import { controlQuestions } from '../lib/catalog.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const SCHEMA = path.resolve(here, '../../../schema/readiness-export.schema.json');
const AXE = path.resolve(here, '../node_modules/axe-core/axe.min.js');
const FILES = path.join(ARTIFACTS, 'files');
const MARKUP = '<img src=x onerror="window.__pwned=1">';

let server;
before(async () => { server = await startServer(); await mkdir(FILES, { recursive: true }); });
after(async () => { await closeBrowser(); await server?.close(); });

/** Our keys in this page's localStorage, as {key: value}. */
const saved = (page) => page.evaluate(() => Object.fromEntries(
  Object.keys(localStorage).filter((k) => k.startsWith('soc-readiness/')).map((k) => [k, localStorage.getItem(k)])));

/**
 * Waits until an assessment is saved and storage has stopped changing for
 * longer than the autosave's debounce; returns what is saved then.
 */
async function settled(page) {
  let last = null;
  let since = Date.now();
  return eventually(async () => {
    const now = JSON.stringify(await saved(page));
    if (now !== last) { last = now; since = Date.now(); }
    return { now, quiet: Date.now() - since };
  }, ({ now, quiet }) => quiet > 600 && now.includes('soc-readiness/assessment/'), { what: 'saving to settle', timeout: 8_000 })
    .then(() => saved(page));
}

/** Company, a few scope answers and some Security answers: enough for gaps and a decision. */
async function seed(page, company = 'Export Roundtrip Ltd') {
  await open(page, server.url, '/scope');
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

/** Clicks a download button and returns {name, text}. */
async function download(page, locator) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), locator.click()]);
  const file = path.join(FILES, dl.suggestedFilename());
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), text: await readFile(file, 'utf8'), file };
}

/** Navigates within the app to a page that is not a step, and waits for its heading. */
async function visit(page, route, heading) {
  await page.evaluate((r) => { location.hash = r; }, `#${route}`);
  await page.locator('main h1', { hasText: heading }).waitFor();
}

const notice = (page) => page.locator('[data-testid="notice"]');
const rows = (page) => page.locator('[data-testid="assessment-list"] li[data-assessment]');

/** Imports text as a file through the file picker on the welcome page. */
async function importText(page, name, body) {
  const file = path.join(FILES, name);
  await writeFile(file, body);
  await page.locator('#import-file').setInputFiles(file);
}

test('export JSON and CSV from the results, valid against the schema, and import it back as a new assessment', async (t) => {
  await withPage(t, async ({ page, log }) => {
    await seed(page);
    await go(page, '/results');
    assert.match(await text(page, '[data-testid="disclaimer"]'), /self-assessment.*not an audit/i);
    const json = await download(page, page.locator('[data-testid="export-json"]'));
    const today = new Date();
    const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    assert.equal(json.name, `soc-readiness-export-roundtrip-ltd-${iso(today)}.json`);
    const doc = JSON.parse(json.text);
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(await readFile(SCHEMA, 'utf8')));
    assert.ok(validate(doc), `export valid against the schema: ${ajv.errorsText(validate.errors)}`);
    assert.equal(doc.company, 'Export Roundtrip Ltd');
    assert.match(doc.disclaimer, /not an audit/i);
    assert.equal(doc.schema_version, 2);
    assert.ok(doc.gaps.length >= 4, `gaps exported (${doc.gaps.length})`);
    assert.equal(await text(page, '#gaps-title'), `Gaps to close (${doc.gaps.length})`);

    const csv = await download(page, page.locator('[data-testid="export-csv"]'));
    assert.match(csv.name, /^soc-readiness-export-roundtrip-ltd-gaps-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.text.trim().split('\r\n');
    assert.match(lines[0], /^rank,question,category,criteria/);
    assert.equal(lines.length - 1, doc.gaps.length, 'one CSV row per gap');

    // Import the file: a new assessment, the original untouched.
    await go(page, '/');
    assert.equal(await rows(page).count(), 1);
    await importText(page, 'roundtrip.json', json.text);
    await eventually(() => notice(page).textContent(), (s) => /Imported “roundtrip\.json” as a new assessment/.test(s), { what: 'import notice' });
    assert.equal(await rows(page).count(), 2, 'the import added an assessment');
    await notice(page).locator('[data-testid="notice-open"]').click();
    await eventually(() => text(page, '[data-testid="current-assessment"] .name'), (s) => s === 'Export Roundtrip Ltd', { what: 'imported one open' });
    await go(page, '/results');
    const again = JSON.parse((await download(page, page.locator('[data-testid="export-json"]'))).text);
    assert.deepEqual(again.answers, doc.answers, 'answers and notes equal after the round trip');
    assert.deepEqual(again.assumptions, doc.assumptions, 'assumptions equal after the round trip');
    assert.deepEqual(again.scores, doc.scores, 'same scores');
    assert.deepEqual(again.gaps, doc.gaps, 'same gaps');
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'markup in a note never ran');

    // The same file dropped on the import box: another new assessment.
    await go(page, '/');
    await page.evaluate((body) => {
      const dt = new DataTransfer();
      dt.items.add(new File([body], 'dropped.json', { type: 'application/json' }));
      const zone = document.querySelector('[data-testid="import-drop"]');
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, json.text);
    await eventually(() => notice(page).textContent(), (s) => /Imported “dropped\.json”/.test(s), { what: 'drop import notice' });
    assert.equal(await rows(page).count(), 3, 'the dropped file added an assessment');
    assert.deepEqual(problems(log), [], 'no console errors');
  });
});

test('a refused import says what is wrong and where, and changes nothing', async (t) => {
  await withPage(t, async ({ page }) => {
    await seed(page, 'Keep Me');
    await go(page, '/results');
    const good = JSON.parse((await download(page, page.locator('[data-testid="export-json"]'))).text);
    await go(page, '/');
    const before = await settled(page);
    const first = Object.keys(good.answers.values).find((k) => k.startsWith('sec.'));
    const cases = [
      ['not-json.json', 'this is not json', /not valid JSON/],
      ['truncated.json', JSON.stringify(good).slice(0, 500), /truncated|not valid JSON/],
      ['empty.json', '', /empty/],
      ['array.json', '[1,2,3]', /not a readiness summary/],
      ['no-version.json', JSON.stringify({ ...good, schema_version: undefined }), /schema_version: missing|At schema_version: missing/],
      ['newer.json', JSON.stringify({ ...good, schema_version: 99 }), /newer version/],
      ['unknown-question.json', JSON.stringify({ ...good, answers: { ...good.answers, values: { ...good.answers.values, 'sec.nope': { o: 'no' } } } }), /answers\.values\."sec\.nope".*no such question/],
      ['bad-option.json', JSON.stringify({ ...good, answers: { ...good.answers, values: { ...good.answers.values, [first]: { o: 'maybe' } } } }), new RegExp(`answers\\.values\\."${first.replace(/\./g, '\\.')}".*expected one of`)],
      ['out-of-range.json', JSON.stringify({ ...good, answers: { ...good.answers, values: { ...good.answers.values, 'scope.headcount': { n: -4 } } } }), /scope\.headcount.*expected a whole number/],
      ['bad-tier.json', JSON.stringify({ ...good, assumptions: { ...good.assumptions, tier: 'cheapest' } }), /assumptions\.tier/],
      ['wrong-type.json', JSON.stringify({ ...good, answers: { values: 'all of them' } }), /answers\.values/],
      ['too-large.json', ' '.repeat(2 * 1024 * 1024 + 10), /largest accepted/],
    ];
    for (const [name, body, reason] of cases) {
      await importText(page, name, body);
      const n = notice(page);
      await eventually(() => n.textContent(), (s) => s.includes(`“${name}” was not imported, and nothing changed.`), { what: `refusal of ${name}` });
      assert.match(await n.textContent(), reason, `${name}: the reason says what and where`);
      assert.match(await n.locator('[role=alert]').textContent(), /was not imported/, 'a refusal is announced assertively');
      assert.equal(await rows(page).count(), 1, `${name}: no assessment added`);
      assert.deepEqual(await saved(page), before, `${name}: storage unchanged`);
    }
  });
});

test('several assessments: new, rename, duplicate, delete with undo, start over with undo', async (t) => {
  await withPage(t, async ({ page, log }) => {
    await seed(page, 'First Co');
    await go(page, '/');
    await eventually(() => rows(page).count(), (n) => n === 1, { what: 'one saved assessment' });
    // New: the header says which one is open on every page.
    await page.locator('[data-testid="new-assessment"]').click();
    await page.locator('main h1', { hasText: 'Scope' }).waitFor();
    await fill(page, 'scope.company_name', 'Second Co');
    assert.equal(await text(page, '[data-testid="current-assessment"] .name'), 'Second Co');
    await go(page, '/');
    await settled(page);
    await eventually(() => rows(page).count(), (n) => n === 2, { what: 'two assessments' });
    const row = (name) => rows(page).filter({ has: page.locator('.assessment-name', { hasText: name }) });
    assert.match(await row('Second Co').textContent(), /Open now/);
    assert.match(await row('First Co').textContent(), /\d+ of \d+ answered/);

    // Rename, with markup kept as text.
    await page.getByRole('button', { name: 'Rename First Co' }).click();
    await page.locator('form.rename input[name=name]').fill(`Renamed ${MARKUP}`);
    await page.locator('form.rename button[type=submit]').click();
    await eventually(() => rows(page).allTextContents(), (ts) => ts.some((s) => s.includes(`Renamed ${MARKUP}`)), { what: 'renamed row' });

    // Export from the list: the row's own answers, not the open one's.
    const fromList = JSON.parse((await download(page, page.getByRole('button', { name: `Download Renamed ${MARKUP} as JSON` }))).text);
    assert.equal(fromList.company, 'First Co');
    const csvFromList = await download(page, page.getByRole('button', { name: `Gaps CSV of Renamed ${MARKUP}` }));
    assert.equal(csvFromList.text.trim().split('\r\n').length - 1, fromList.gaps.length, 'one CSV row per gap of that assessment');

    // Duplicate.
    await page.getByRole('button', { name: `Duplicate Renamed ${MARKUP}` }).click();
    await eventually(() => rows(page).count(), (n) => n === 3, { what: 'duplicate added' });
    assert.ok((await rows(page).allTextContents()).some((s) => s.includes(`Copy of Renamed ${MARKUP}`)));

    // Delete, then undo.
    await page.getByRole('button', { name: `Delete Copy of Renamed ${MARKUP}` }).click();
    await eventually(() => rows(page).count(), (n) => n === 2, { what: 'deleted' });
    assert.match(await notice(page).textContent(), /Deleted “Copy of Renamed/);
    await notice(page).locator('[data-testid="undo"]').click();
    await eventually(() => rows(page).count(), (n) => n === 3, { what: 'restored by undo' });

    // Open another one: its answers come back.
    await page.getByRole('button', { name: `Open Renamed ${MARKUP}` }).click();
    await page.locator('main h1', { hasText: 'Scope' }).waitFor();
    assert.equal(await page.locator('[id="scope.company_name--input"]').inputValue(), 'First Co');
    assert.equal(await text(page, '[data-testid="current-assessment"] .name'), `Renamed ${MARKUP}`);

    // Start over clears the open one; undo brings the answers back.
    await go(page, '/');
    await page.getByRole('button', { name: `Start over: Renamed ${MARKUP}` }).click();
    await go(page, '/scope');
    assert.equal(await page.locator('[id="scope.company_name--input"]').inputValue(), '');
    await notice(page).locator('[data-testid="undo"]').click();
    await eventually(() => page.locator('[id="scope.company_name--input"]').inputValue(), (v) => v === 'First Co', { what: 'answers back' });

    // Survives a reload: three assessments, the same one open.
    await settled(page);
    await page.reload();
    await waitReady(page);
    await go(page, '/');
    assert.equal(await rows(page).count(), 3);
    assert.equal(await text(page, '[data-testid="current-assessment"] .name'), `Renamed ${MARKUP}`);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'markup never ran');
    assert.deepEqual(problems(log), [], 'no console errors');
  });
});

/** Makes a share link from the results page of a seeded assessment. */
async function shareLink(page, { gaps = true } = {}) {
  await go(page, '/results');
  if (!gaps) await page.locator('#share-gaps').uncheck();
  const field = page.locator('[data-testid="share-link"]');
  const link = await field.inputValue();
  assert.match(link, /#\/shared\/a2\.[A-Za-z0-9_-]+$/, 'the data sits in the fragment');
  return link;
}

test('a share link opens as a read-only summary in a fresh browser, and saves as a copy', async (t) => {
  await withPage(t, async ({ page }) => {
    await seed(page, `Shared ${MARKUP} Inc`);
    const link = await shareLink(page);
    const decision = await text(page, '[data-testid="decision-headline"]');
    const gaps = Number((await text(page, '#gaps-title')).match(/\((\d+)\)/)[1]);
    const firstReport = await text(page, '[data-testid="first-report-date"]');
    // The copy button: clipboard when allowed.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Copy link' }).first().click();
    await eventually(() => page.locator('.copy-field [role=status]').first().textContent(), (s) => /copied|select/i.test(s), { what: 'copy status' });

    // A different browser context: no shared storage, like another person's browser.
    const browser = await getBrowser();
    const other = await browser.newContext({ viewport: { width: 375, height: 800 } });
    try {
      const p2 = await other.newPage();
      const requests = [];
      p2.on('request', (r) => requests.push(r.url()));
      await p2.goto(link);
      await waitReady(p2);
      await p2.locator('[data-testid="shared-summary"]').waitFor();
      assert.equal(await text(p2, 'main h1'), `Readiness summary: Shared ${MARKUP} Inc`);
      assert.match(await text(p2, '[data-testid="disclaimer"]'), /not an audit/i);
      assert.equal(await text(p2, '[data-testid="shared-report"]'), decision);
      assert.match(await text(p2, '[data-testid="shared-categories"]'), /Security/);
      assert.match(await text(p2, '[data-testid="shared-date"]'), new RegExp(firstReport));
      assert.equal(await p2.locator('[data-testid="shared-gap-list"] li').count(), gaps);
      assert.deepEqual(await saved(p2), {}, 'opening a link saves nothing');
      assert.ok(requests.every((u) => !u.includes('a2.')), 'the link data never goes to the server');
      assert.equal(await p2.evaluate(() => window.__pwned), undefined);
      // Save as my own copy.
      await p2.locator('[data-testid="save-copy"]').click();
      await p2.locator('main h1', { hasText: 'Readiness results' }).waitFor();
      assert.equal(await text(p2, '#gaps-title'), `Gaps to close (${gaps})`);
      await eventually(() => saved(p2), (s) => Object.keys(s).some((k) => k.startsWith('soc-readiness/assessment/')), { what: 'copy saved' });
    } finally {
      await other.close();
    }
  });
});

test('a share link without gaps carries no control answers', async (t) => {
  await withPage(t, async ({ page, context }) => {
    await seed(page, 'Private Gaps Ltd');
    const link = await shareLink(page, { gaps: false });
    const p2 = await context.newPage();
    await p2.goto(link);
    await waitReady(p2);
    await p2.locator('[data-testid="shared-no-gaps"]').waitFor();
    assert.equal(await p2.locator('[data-testid="shared-gap-list"]').count(), 0);
    await p2.locator('[data-testid="save-copy"]').click();
    await p2.locator('main h1', { hasText: 'Readiness results' }).waitFor();
    assert.equal(await text(p2, '#gaps-title'), 'Gaps to close (0)', 'the copy has no control answers');
  });
});

test('damaged, altered, truncated, oversized, older and newer links show a clear page and change nothing', async (t) => {
  await withPage(t, async ({ page, log }) => {
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
      await page.goto(`${server.url}/#/shared/${d}`);
      await waitReady(page);
      const problem = page.locator('[data-testid="link-problem"]');
      await problem.waitFor();
      assert.match(await problem.textContent(), reason, `${what}: the reason`);
      assert.match(await problem.textContent(), /Nothing saved in this browser has changed/);
      assert.deepEqual(await saved(page), before, `${what}: nothing saved changed`);
    }
    await page.goto(`${server.url}/#/nope`);
    await waitReady(page);
    await page.locator('main h1', { hasText: 'Page not found' }).waitFor();
    assert.deepEqual(problems(log), [], 'no console errors');
  });
});

test('an invitation link shows its text inert and starts a new assessment from it', async (t) => {
  await withPage(t, async ({ page, context }) => {
    await open(page, server.url, '/scope');
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
    assert.match(link, /#\/start\/p1\./);

    const p2 = await context.newPage();
    await p2.goto(link);
    await waitReady(p2);
    await p2.locator('[data-testid="invitation"]').waitFor();
    assert.equal(await text(p2, '[data-testid="invitation-from"]'), `From Sam ${MARKUP}, Seller Inc`);
    assert.equal(await p2.locator('[data-testid="invitation-message"]').textContent(), message.trim(), 'the message is shown as text');
    assert.equal(await p2.locator('[data-testid="invitation-message"] *').count(), 0, 'no element made from the message');
    assert.equal(await p2.evaluate(() => window.__pwned), undefined, 'no markup ran');
    await p2.locator('[data-testid="start-invited"]').click();
    await p2.locator('main h1', { hasText: 'Scope' }).waitFor();
    assert.equal(await p2.locator('[id="scope.company_name--input"]').inputValue(), 'Prospect <b>Bold</b> GmbH');
    assert.equal(await p2.locator('[id="scope.headcount--input"]').inputValue(), '60');
    await go(p2, '/applicability');
    assert.ok(await p2.locator('input[type=checkbox][value="availability"]').isChecked(), 'the suggested category is chosen');

    // A damaged invitation.
    await p2.goto(link.slice(0, -4));
    await waitReady(p2);
    await p2.locator('[data-testid="link-problem"]').waitFor();
  });
});

test('storage full: a lasting warning with a JSON download, and answering keeps working', async (t) => {
  await withPage(t, async ({ page, context, log }) => {
    await context.addInitScript(() => {
      Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
    });
    await open(page, server.url, '/category/security');
    const [q1, q2] = controlQuestions('security');
    await choose(page, q1.id, 'no');
    const banner = page.locator('[data-testid="save-problem"]');
    await banner.waitFor({ timeout: 5_000 });
    assert.match(await banner.textContent(), /storage .* is full/);
    await choose(page, q2.id, 'evidenced');
    assert.ok(await banner.isVisible(), 'the warning stays');
    const { text: body } = await download(page, page.locator('[data-testid="save-problem-download"]'));
    const doc = JSON.parse(body);
    assert.deepEqual(doc.answers.values[q1.id], { o: 'no' });
    assert.deepEqual(doc.answers.values[q2.id], { o: 'evidenced' });
    assert.deepEqual(problems(log), [], 'no console errors');
  });
});

test('storage disabled: the app works, says so, and offers the download', async (t) => {
  await withPage(t, async ({ page, context, log }) => {
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
    });
    await open(page, server.url, '/category/security');
    await page.locator('[data-testid="save-problem"]').waitFor();
    assert.match(await text(page, '[data-testid="save-problem"]'), /does not let the app save/);
    const [q1] = controlQuestions('security');
    await choose(page, q1.id, 'evidenced');
    await eventually(() => text(page, '[data-testid="overall-score"]'), (s) => s === '100', { what: 'score still updates' });
    assert.deepEqual(problems(log), [], 'no console errors');
  });
});

test('two tabs stay in step: answers given in either are kept by both', async (t) => {
  await withPage(t, async ({ page, context }) => {
    await open(page, server.url, '/category/security');
    const qs = controlQuestions('security');
    await choose(page, qs[0].id, 'no');
    await settled(page);
    const p2 = await context.newPage();
    await open(p2, server.url, '/category/security');
    assert.ok(await p2.locator(`fieldset[data-question="${qs[0].id}"] input[value="no"]`).isChecked(), 'the second tab opens the same answers');
    // Both tabs answer at the same moment, round after round, before either save lands.
    const click = (p, id, v) => p.evaluate(([id, v]) => {
      document.querySelector(`fieldset[data-question="${id}"] input[value="${v}"]`).click();
    }, [id, v]);
    const expected = [[qs[0].id, 'no']];
    for (let round = 0; round < 4; round += 1) {
      const [a, b] = [qs[1 + 2 * round], qs[2 + 2 * round]];
      await Promise.all([click(page, a.id, 'partial'), click(p2, b.id, 'evidenced')]);
      expected.push([a.id, 'partial'], [b.id, 'evidenced']);
      await page.waitForTimeout(round * 150);
    }
    for (const p of [page, p2]) {
      for (const [id, v] of expected) {
        await eventually(() => p.locator(`fieldset[data-question="${id}"] input[value="${v}"]`).isChecked(), Boolean, { what: `${id} = ${v} in both tabs`, timeout: 8_000 });
      }
    }
    await settled(page);
    const p3 = await context.newPage();
    await open(p3, server.url, '/category/security');
    for (const [id, v] of expected) {
      assert.ok(await p3.locator(`fieldset[data-question="${id}"] input[value="${v}"]`).isChecked(), `saved: ${id} = ${v}`);
    }
  });
});

test('two tabs: a change to an answer the other tab set wins, and a deletion is not undone by a pending save', async (t) => {
  await withPage(t, async ({ page, context }) => {
    const qs = controlQuestions('security');
    const click = (p, id, v) => p.evaluate(([id, v]) => {
      document.querySelector(`fieldset[data-question="${id}"] input[value="${v}"]`).click();
    }, [id, v]);
    const isSet = (p, id, v) => p.locator(`fieldset[data-question="${id}"] input[value="${v}"]`).isChecked();
    await open(page, server.url, '/category/security');
    await choose(page, qs[0].id, 'no');
    await settled(page);
    const p2 = await context.newPage();
    await open(p2, server.url, '/category/security');
    // Concurrent answers to different questions, then tab A changes the one tab B set.
    await Promise.all([click(page, qs[1].id, 'partial'), click(p2, qs[2].id, 'no')]);
    await eventually(() => isSet(page, qs[2].id, 'no'), Boolean, { what: 'tab A sees tab B answer', timeout: 8_000 });
    await click(page, qs[2].id, 'evidenced');
    for (const p of [page, p2]) {
      await eventually(() => isSet(p, qs[2].id, 'evidenced'), Boolean, { what: 'the later change wins in both tabs', timeout: 8_000 });
      await eventually(() => isSet(p, qs[1].id, 'partial'), Boolean, { what: 'the other answer is kept', timeout: 8_000 });
    }
    await settled(page);

    // Tab B answers (its save is pending) while tab A deletes the assessment.
    await go(page, '/');
    await click(p2, qs[3].id, 'planned');
    await page.getByRole('button', { name: /^Delete / }).first().click();
    await p2.locator('[data-testid="deleted-elsewhere"]').waitFor({ timeout: 8_000 });
    await page.waitForTimeout(800);
    const keys = Object.keys(await saved(page)).filter((k) => k.startsWith('soc-readiness/assessment/'));
    assert.equal(keys.length, 0, 'the deleted assessment did not come back');
    // "Keep it" in tab B saves it again, deliberately.
    await p2.getByRole('button', { name: 'Keep it' }).click();
    await eventually(async () => Object.keys(await saved(p2)).filter((k) => k.startsWith('soc-readiness/assessment/')).length, (n) => n === 1, { what: 'kept again' });
  });
});

test('a note and a company name typed just before a reload are kept', async (t) => {
  await withPage(t, async ({ page }) => {
    await open(page, server.url, '/scope');
    await page.locator('[id="scope.company_name--input"]').pressSequentially('Typed Then Reloaded');
    await page.reload();
    await waitReady(page);
    assert.equal(await page.locator('[id="scope.company_name--input"]').inputValue(), 'Typed Then Reloaded');
    await go(page, '/category/security');
    const note = page.locator('textarea').first();
    await note.pressSequentially('half a sentence');
    await page.reload();
    await waitReady(page);
    assert.equal(await page.locator('textarea').first().inputValue(), 'half a sentence');
  });
});

test('a saved value this version cannot read is kept, reported and downloadable', async (t) => {
  await withPage(t, async ({ page, context, log }) => {
    await context.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem('soc-readiness/assessment/broken1', 'v2:not-base64!!');
        localStorage.setItem('soc-readiness/assessment/broken2', 'v9:from the future');
        localStorage.setItem('soc-readiness/current', 'v1:AAAA garbage');
      }
    });
    await open(page, server.url, '/');
    assert.match(await text(page, '[data-testid="notice"]'), /3 saved values could not be read/);
    const list = page.locator('[data-testid="unreadable"] li');
    assert.equal(await list.count(), 3);
    assert.match(await list.allTextContents().then((t) => t.join(' ')), /newer version/);
    const { text: body } = await download(page, page.getByRole('button', { name: 'Download saved value 2' }));
    assert.equal(body, 'v9:from the future');
    // Answering saves elsewhere; the unreadable values stay as they were.
    await go(page, '/category/security');
    await choose(page, controlQuestions('security')[0].id, 'no');
    const s = await settled(page);
    assert.equal(s['soc-readiness/assessment/broken1'], 'v2:not-base64!!');
    assert.equal(s['soc-readiness/assessment/broken2'], 'v9:from the future');
    assert.equal(s['soc-readiness/current'], 'v1:AAAA garbage');
    assert.deepEqual(problems(log), [], 'no console errors');
  });
});

test('a version 1 assessment is moved into the list with its answers', async (t) => {
  await withPage(t, async ({ page, context }) => {
    // A version 1 snapshot (postcard + base64) as the old app wrote it: company "Old Co", default assumptions.
    await context.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem('soc-readiness/current', 'v1:ARJzY29wZS5jb21wYW55X25hbWUBBk9sZCBDbwAKMjAyNi0wMS0wNQhib3V0aXF1ZQEAAAA=');
      }
    });
    await open(page, server.url, '/');
    await eventually(() => rows(page).count(), (n) => n === 1, { what: 'the old assessment listed' });
    assert.equal(await text(page, '[data-testid="current-assessment"] .name'), 'Old Co', 'its answers came along, and it is open');
    const s = await saved(page);
    assert.equal(s['soc-readiness/current'], undefined, 'the old key is removed once copied');
  });
});

test('axe finds nothing on the new pages at 375 and 1280 px, light and dark', async (t) => {
  for (const [width, colorScheme] of [[375, 'light'], [1280, 'light'], [375, 'dark'], [1280, 'dark']]) {
    await withPage(t, async ({ page, context }) => {
      await seed(page, 'Axe Check Ltd');
      const link = await shareLink(page);
      await visit(page, '/invite', 'Invite a prospect');
      await page.locator('#invite-message').fill('Hello');
      const invite = await page.locator('[data-testid="invite-link"]').inputValue();
      const pages = [['welcome', `${server.url}/#/`], ['results', `${server.url}/#/results`], ['invite', `${server.url}/#/invite`],
        ['shared', link], ['invitation', invite], ['bad link', `${server.url}/#/shared/a2.AAAA`], ['not found', `${server.url}/#/nope`]];
      for (const [name, url] of pages) {
        await page.goto(url);
        await waitReady(page);
        await page.locator('main h1').first().waitFor();
        await page.addScriptTag({ path: AXE });
        const violations = await page.evaluate(async () => {
          const r = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] });
          return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        });
        assert.deepEqual(violations, [], `${name} at ${width}px, ${colorScheme}`);
        await page.screenshot({ path: path.join(FILES, `${name.replace(/ /g, '-')}-${width}-${colorScheme}.png`), fullPage: true });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${name} at ${width}px does not scroll sideways (${overflow}px)`);
      }
    }, { width, height: 800, colorScheme, bypassCSP: true });
  }
});
