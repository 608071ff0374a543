// Issue 10: the decision a SOC practitioner would sign, as the page and the
// export show it. The native decision table holds every rule path; these walk
// the cases the issue called wrong through the real app and check that the
// page, the steps and the downloaded JSON say what the table expects.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { startServer } from '../lib/server.mjs';
import { withPage, closeBrowser, eventually, problems, ARTIFACTS } from '../lib/browser.mjs';
import { open, go, text, choose, tick, fill } from '../lib/app.mjs';

let server;
const FILES = path.join(ARTIFACTS, 'files');
before(async () => { server = await startServer(); await mkdir(FILES, { recursive: true }); });
after(async () => { await closeBrowser(); await server?.close(); });

const sidebar = 'nav[aria-label="Assessment steps"]';
const steps = (page) => page.locator(`${sidebar} a`).evaluateAll((as) => as.map((a) => a.getAttribute('href')));

async function exportJson(page) {
  await go(page, '/results');
  const button = page.locator('[data-testid="export-json"]');
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), button.click()]);
  const file = path.join(FILES, `decision-${dl.suggestedFilename()}`);
  await dl.saveAs(file);
  return JSON.parse(await readFile(file, 'utf8'));
}

test('a SOC 1 on its own: no SOC 2 categories or add-ons, SOC 1 objectives, SOC 1 fee and customers\' controls', async (t) => {
  await withPage(t, async ({ page, log }) => {
    await open(page, server.url, '/scope');
    await fill(page, 'scope.company_name', 'Ledger Works');
    await tick(page, 'scope.data_kinds', ['financial']);
    await go(page, '/applicability');
    await choose(page, 'app.financial_impact', 'yes');
    await choose(page, 'app.read_only', 'no');
    await choose(page, 'app.security_reviews', 'no');
    await choose(page, 'app.public_report', 'yes');
    await choose(page, 'app.other_frameworks', 'yes');
    await tick(page, 'app.soc1_processes', ['calculations', 'output']);
    await choose(page, 'app.customer_year_end', 'dec');
    await eventually(() => text(page, '[data-testid="decision-headline"]'),
      (s) => s === 'SOC 1 Type II, 6-month observation window', { what: 'SOC 1 headline' });
    const decision = await text(page, '[data-testid="decision"]');
    assert.doesNotMatch(decision, /Option: SOC 3|Option: SOC 2\+/, 'no add-on without a SOC 2');
    assert.match(await text(page, '[data-testid="categories-in-scope"]'), /No SOC 2 categories/);
    assert.deepEqual(await steps(page), ['#/', '#/scope', '#/applicability', '#/category/soc1', '#/review', '#/results'],
      'the SOC 1 objectives replace the Trust Services steps');

    await go(page, '/category/soc1');
    await page.locator('fieldset[data-question="soc1.bp.calc_tested"]').waitFor();
    assert.equal(await page.locator('fieldset[data-question="soc1.bp.funds_authorisation"]').count(), 0, 'money movement not chosen');
    await choose(page, 'soc1.it.access_lifecycle', 'no');
    await choose(page, 'soc1.bp.calc_tested', 'implemented');

    await go(page, '/results');
    assert.equal(await text(page, '#scores-title'), 'SOC 1 readiness');
    const cuecs = await text(page, '[data-testid="cuecs"]');
    assert.match(cuecs, /review the reports and statements they receive/, 'output brings its customer control');
    assert.match(cuecs, /Customers approve who in their organisation gets access/);
    assert.match(await text(page, '[data-testid="fiscal-overlap"]'), /financial year ending \d{4}-12-31/);

    const doc = await exportJson(page);
    assert.deepEqual(doc.decision.reports.map((r) => [r.id, r.status]), [['soc1', 'recommended']]);
    assert.deepEqual(doc.decision.add_ons, []);
    assert.deepEqual(doc.decision.categories_in_scope, []);
    assert.deepEqual(doc.decision.assessed, ['soc1']);
    assert.equal(doc.decision.window_months, 6);
    assert.match(doc.cost.audit_drivers[0].label, /^SOC 1 Type II base fee/);
    assert.ok(!doc.cost.audit_drivers.some((d) => d.key === 'cost.reports.soc1'), 'no "alongside a SOC 2" fee');
    assert.deepEqual(doc.cuecs.map((c) => c.objective), ['CO.IT1', 'CO.IT5', 'CO.BP4']);
    assert.deepEqual(doc.gaps.map((g) => g.question), ['soc1.it.access_lifecycle', 'soc1.bp.calc_tested']);
    assert.deepEqual(problems(log), []);
  });
});

test('read-only financial data and nobody asking: the page says no report is needed yet, and why', async (t) => {
  await withPage(t, async ({ page, log }) => {
    await open(page, server.url, '/scope');
    await tick(page, 'scope.data_kinds', ['financial']);
    await tick(page, 'scope.customer_asks', ['nothing_yet']);
    await go(page, '/applicability');
    await choose(page, 'app.financial_impact', 'yes');
    await choose(page, 'app.read_only', 'yes');
    await choose(page, 'app.security_reviews', 'no');
    await eventually(() => text(page, '[data-testid="decision-headline"]'), (s) => s === 'No report is needed yet',
      { what: 'no report yet' });
    const soc2 = page.locator('[data-testid="decision"] li[data-status="not_yet"]');
    assert.match(await soc2.textContent(), /SOC 2 \(not needed yet\)/);
    assert.match(await text(page, '[data-testid="decision-notes"]'), /usually do not need a SOC 1/);
    // The reason quotes the answers the rule used, in the user's words.
    assert.match(await text(page, '[data-testid="decision-notes"]'), /Do you only read the customer's financial data.*→ Yes, read-only/);
    const doc = await exportJson(page);
    assert.deepEqual(doc.decision.reports.map((r) => [r.id, r.status]), [['soc2', 'not_yet']]);
    assert.deepEqual(doc.decision.notes.map((n) => n.rule), ['note.read_only']);
    assert.deepEqual(problems(log), []);
  });
});

test('a Type II required with a 3-month deadline: no plan proposes a Type I first', async (t) => {
  await withPage(t, async ({ page, log }) => {
    await open(page, server.url, '/scope');
    await choose(page, 'scope.deadline', '3m');
    await go(page, '/applicability');
    await choose(page, 'app.security_reviews', 'yes');
    await choose(page, 'app.type1_accepted', 'no');
    await eventually(() => text(page, '[data-testid="decision-headline"]'),
      (s) => s === 'SOC 2 Type II, 3-month observation window', { what: 'Type II headline' });
    assert.match(await text(page, '[data-testid="decision"]'), /Not proposed: Get a Type I report first/);
    await go(page, '/results');
    const deadline = await text(page, '[data-testid="deadline"]');
    assert.match(deadline, /unlikely to be met/);
    assert.doesNotMatch(deadline, /Type I/, 'no Type I among the alternatives');
    assert.match(deadline, /Double the compliance capacity/);
    assert.match(deadline, /Bring in outside help/);
    // A 3-month window alone fills the 3 months: nothing meets it, and the page says so plainly.
    assert.match(await text(page, '[data-testid="deadline-closest"]'), /^Nothing below meets \d{4}-\d{2}-\d{2}, alone or together\. The closest is “.+”, with a first report around \d{4}-\d{2}-\d{2}\.$/);
    assert.deepEqual(problems(log), []);
  });
});

test('a renewal after a Type II continues from the last period, with no Type I question', async (t) => {
  await withPage(t, async ({ page, log }) => {
    await open(page, server.url, '/applicability');
    await choose(page, 'app.security_reviews', 'yes');
    await choose(page, 'app.prior_report', 'type2');
    assert.equal(await page.locator('fieldset[data-question="app.type1_accepted"]').count(), 0, 'Type I is not asked after a Type II');
    const last = page.locator('[id="app.last_period_end--input"]');
    await last.fill('2026-12-31');
    await last.dispatchEvent('change');
    await eventually(() => text(page, '[data-testid="decision-headline"]'),
      (s) => s === 'SOC 2 Type II, 12-month observation window', { what: 'renewal headline' });
    await go(page, '/results');
    assert.match(await text(page, '[data-testid="renewal"]'), /starts on 2027-01-01/);
    assert.match(await text(page, '.timeline'), /Bridge letters will be needed from 2026-12-31/);
    assert.deepEqual(problems(log), []);
  });
});
