// Issue 10: the decision a SOC practitioner would sign, as the page and the
// export show it. The native decision table holds every rule path; these walk
// the cases the issue called wrong through the real app and check that the
// page, the steps and the downloaded JSON say what the table expects.
import { test, expect, problems } from '../lib/fixtures.mjs';
import { open, go, first, text, choose, tick, fill, download } from '../lib/app.mjs';

const sidebar = 'nav[aria-label="Assessment steps"]';
const steps = (page) => page.locator(`${sidebar} a`).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
const headline = (page) => first(page, '[data-testid="decision-headline"]');

/** Downloads the JSON export from the results page (kept in the test's output folder) and parses it. */
async function exportJson(page, testInfo) {
  await go(page, '/results');
  const { text: body } = await download(page, page.locator('[data-testid="export-json"]'), testInfo, 'decision-');
  return JSON.parse(body);
}

test('a SOC 1 on its own: no SOC 2 categories or add-ons, SOC 1 objectives, SOC 1 fee and customers\' controls', async ({ page, log }, testInfo) => {
  await open(page, '/scope');
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
  await expect(headline(page), 'SOC 1 headline').toHaveText('SOC 1 Type II, 6-month observation window');
  const decision = await text(page, '[data-testid="decision"]');
  expect(decision, 'no add-on without a SOC 2').not.toMatch(/Option: SOC 3|Option: SOC 2\+/);
  await expect(first(page, '[data-testid="categories-in-scope"]')).toHaveText(/No SOC 2 categories/);
  expect(await steps(page), 'the SOC 1 objectives replace the Trust Services steps')
    .toEqual(['#/', '#/scope', '#/applicability', '#/category/soc1', '#/review', '#/results']);

  await go(page, '/category/soc1');
  await expect(page.locator('fieldset[data-question="soc1.bp.calc_tested"]')).toBeVisible();
  await expect(page.locator('fieldset[data-question="soc1.bp.funds_authorisation"]'), 'money movement not chosen').toHaveCount(0);
  await choose(page, 'soc1.it.access_lifecycle', 'no');
  await choose(page, 'soc1.bp.calc_tested', 'implemented');

  await go(page, '/results');
  await expect(first(page, '#scores-title')).toHaveText('SOC 1 readiness');
  const cuecs = first(page, '[data-testid="cuecs"]');
  await expect(cuecs, 'output brings its customer control').toHaveText(/review the reports and statements they receive/);
  await expect(cuecs).toHaveText(/Customers approve who in their organisation gets access/);
  await expect(first(page, '[data-testid="fiscal-overlap"]')).toHaveText(/financial year ending \d{4}-12-31/);

  const doc = await exportJson(page, testInfo);
  expect(doc.decision.reports.map((r) => [r.id, r.status])).toEqual([['soc1', 'recommended']]);
  expect(doc.decision.add_ons).toEqual([]);
  expect(doc.decision.categories_in_scope).toEqual([]);
  expect(doc.decision.assessed).toEqual(['soc1']);
  expect(doc.decision.window_months).toBe(6);
  expect(doc.cost.audit_drivers[0].label).toMatch(/^SOC 1 Type II base fee/);
  expect(doc.cost.audit_drivers.some((d) => d.key === 'cost.reports.soc1'), 'no "alongside a SOC 2" fee').toBe(false);
  expect(doc.cuecs.map((c) => c.objective)).toEqual(['CO.IT1', 'CO.IT5', 'CO.BP4']);
  expect(doc.gaps.map((g) => g.question)).toEqual(['soc1.it.access_lifecycle', 'soc1.bp.calc_tested']);
  expect(problems(log)).toEqual([]);
});

test('read-only financial data and nobody asking: the page says no report is needed yet, and why', async ({ page, log }, testInfo) => {
  await open(page, '/scope');
  await tick(page, 'scope.data_kinds', ['financial']);
  await tick(page, 'scope.customer_asks', ['nothing_yet']);
  await go(page, '/applicability');
  await choose(page, 'app.financial_impact', 'yes');
  await choose(page, 'app.read_only', 'yes');
  await choose(page, 'app.security_reviews', 'no');
  await expect(headline(page), 'no report yet').toHaveText('No report is needed yet');
  const soc2 = page.locator('[data-testid="decision"] li[data-status="not_yet"]');
  await expect(soc2).toHaveText(/SOC 2 \(not needed yet\)/);
  const notes = first(page, '[data-testid="decision-notes"]');
  await expect(notes).toHaveText(/usually do not need a SOC 1/);
  // The reason quotes the answers the rule used, in the user's words.
  await expect(notes).toHaveText(/Do you only read the customer's financial data.*→ Yes, read-only/);
  const doc = await exportJson(page, testInfo);
  expect(doc.decision.reports.map((r) => [r.id, r.status])).toEqual([['soc2', 'not_yet']]);
  expect(doc.decision.notes.map((n) => n.rule)).toEqual(['note.read_only']);
  expect(problems(log)).toEqual([]);
});

test('a Type II required with a 3-month deadline: no plan proposes a Type I first', async ({ page, log }) => {
  await open(page, '/scope');
  await choose(page, 'scope.deadline', '3m');
  await go(page, '/applicability');
  await choose(page, 'app.security_reviews', 'yes');
  await choose(page, 'app.type1_accepted', 'no');
  await expect(headline(page), 'Type II headline').toHaveText('SOC 2 Type II, 3-month observation window');
  await expect(first(page, '[data-testid="decision"]')).toHaveText(/Not proposed: Get a Type I report first/);
  await go(page, '/results');
  const deadline = await text(page, '[data-testid="deadline"]');
  expect(deadline).toMatch(/unlikely to be met/);
  expect(deadline, 'no Type I among the alternatives').not.toMatch(/Type I/);
  expect(deadline).toMatch(/Double the compliance capacity/);
  expect(deadline).toMatch(/Bring in outside help/);
  // A 3-month window alone fills the 3 months: nothing meets it, and the page says so plainly.
  await expect(first(page, '[data-testid="deadline-closest"]')).toHaveText(/^Nothing below meets \d{4}-\d{2}-\d{2}, alone or together\. The closest is “.+”, with a first report around \d{4}-\d{2}-\d{2}\.$/);
  expect(problems(log)).toEqual([]);
});

test('a renewal after a Type II continues from the last period, with no Type I question', async ({ page, log }) => {
  await open(page, '/applicability');
  await choose(page, 'app.security_reviews', 'yes');
  await choose(page, 'app.prior_report', 'type2');
  await expect(page.locator('fieldset[data-question="app.type1_accepted"]'), 'Type I is not asked after a Type II').toHaveCount(0);
  const last = page.locator('[id="app.last_period_end--input"]');
  await last.fill('2026-12-31');
  await last.dispatchEvent('change');
  await expect(headline(page), 'renewal headline').toHaveText('SOC 2 Type II, 12-month observation window');
  await go(page, '/results');
  await expect(first(page, '[data-testid="renewal"]')).toHaveText(/starts on 2027-01-01/);
  await expect(first(page, '.timeline')).toHaveText(/Bridge letters will be needed from 2026-12-31/);
  expect(problems(log)).toEqual([]);
});
