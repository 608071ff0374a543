// Issue 4: the cost and the timeline on the results page move in the right
// direction when the auditor tier, the scope or the answers change, and the
// audit fee is the sum of its drivers. Fee expectations come from
// questionnaires/estimation.toml.
import { test, expect, problems } from '../lib/fixtures.mjs';
import { open, go, first, text, money, moneys, isoDate, choose, tick, fill, download } from '../lib/app.mjs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { controlQuestions, estimation, QUESTIONNAIRES } from '../lib/catalog.mjs';

const est = estimation();
const likely = (range) => range[1];
const cx = est.complexity;

const fee = (page) => text(page, '[data-testid="audit-fee"]').then(money);
const total = (page) => text(page, '[data-testid="cost-total"]').then(money);
const renewal = (page) => text(page, '[data-testid="renewal-total"]').then(money);
const firstReport = (page) => text(page, '[data-testid="first-report-date"]');

/** The audit-fee drivers table: [{key, low, likely, high}] per row, and the footer. */
async function auditDrivers(page) {
  const table = page.locator('table.drivers', { has: page.locator('caption', { hasText: 'Audit fee drivers' }) });
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    key: tr.dataset.driver, amount: tr.querySelector('td').textContent,
  })));
  const parse = (s) => { const [low, high, lik] = moneys(s); return { low, likely: lik, high }; };
  return {
    rows: rows.map((r) => ({ key: r.key, ...parse(r.amount) })),
    footer: parse(await table.locator('tfoot td').first().textContent()),
  };
}

/** The fee shown equals the footer of the drivers table, which equals the sum of its rows. */
async function expectFeeIsSumOfDrivers(page, what) {
  const { rows, footer } = await auditDrivers(page);
  expect(rows.length, 'the audit fee lists its drivers').toBeGreaterThanOrEqual(1);
  const sum = (k) => rows.reduce((s, r) => s + r[k], 0);
  // Each row is rounded to whole dollars on screen, so allow $1 per row.
  for (const k of ['low', 'likely', 'high']) {
    expect(Math.abs(sum(k) - footer[k]), `${what}: drivers' ${k} sum ${sum(k)} = footer ${footer[k]}`).toBeLessThanOrEqual(rows.length);
  }
  expect(await fee(page), `${what}: audit fee card = drivers table total`).toBe(footer.likely);
  const sub = moneys(await page.locator('.card', { has: page.locator('[data-testid="audit-fee"]') }).locator('.sub').textContent());
  expect(sub, `${what}: fee range card = drivers table range`).toEqual([footer.low, footer.high]);
  return rows;
}

async function results(page) {
  await page.locator('nav[aria-label="Assessment steps"] a[href="#/results"]').click();
  await expect(page.locator('[data-testid="audit-fee"]')).toBeVisible();
}

test('auditor tier and scope answers move the audit fee and the total', async ({ page, log }) => {
  await open(page, '/scope');
  await fill(page, 'scope.company_name', 'Fee Test Ltd');
  await fill(page, 'scope.headcount', 30);
  await fill(page, 'scope.systems', 3);
  await fill(page, 'scope.locations', 1);
  await choose(page, 'scope.hosting', 'cloud');
  await fill(page, 'scope.subservice_count', 2);
  await choose(page, 'scope.subservice_method', 'carve_out');
  await choose(page, 'scope.tooling', 'manual');
  await fill(page, 'scope.compliance_fte', 1);
  await expect(first(page, '[data-testid="decision-headline"]'), 'nothing asks for a report yet').toHaveText('No report is needed yet');
  // Security questionnaires from customers call for a SOC 2, with Security alone in scope.
  await tick(page, 'scope.customer_asks', ['questionnaires']);
  await expect(first(page, '[data-testid="decision-headline"]')).toHaveText(/^SOC 2 Type II, 6-month observation window$/);
  await expect(first(page, '[data-testid="categories-in-scope"]')).toHaveText(/^Security \(recommended\)/);

  await results(page);
  await expect(page.locator('select#tier'), 'boutique is the default tier').toHaveValue('boutique');
  // Type II, boutique, 1 extra system, 2 carve-out subservice orgs, 3 months beyond 3, <= 50 people.
  const expected = likely(est.tiers.boutique.type2) + (3 - cx.included_systems) * likely(cx.per_extra_system.range)
    + 2 * likely(cx.per_subservice_carve_out.range) + (6 - 3) * likely(cx.per_window_month_over_3.range);
  const base = { fee: await fee(page), total: await total(page), renewal: await renewal(page) };
  expect(base.fee, 'boutique Type II fee from estimation.toml').toBe(expected);
  const rows = await expectFeeIsSumOfDrivers(page, 'boutique');
  expect(rows.map((r) => r.key)).toEqual(['cost.tiers.boutique.type2', 'cost.complexity.per_extra_system',
    'cost.complexity.per_subservice_carve_out', 'cost.complexity.per_window_month_over_3']);
  expect(base.total, 'the first-year total includes more than the audit fee').toBeGreaterThan(base.fee);
  // A sourced figure links to its source by title; an assumption says so.
  const source = page.locator('tr[data-driver="cost.tiers.boutique.type2"] a');
  const cited = est.sources[est.tiers.boutique.type2Source];
  await expect(source).toHaveAttribute('href', cited.url);
  expect(await source.textContent()).toBe(cited.title);
  expect(cited.url).toMatch(/^https:\/\//);

  // Boutique -> large firm: the fee rises by the difference of the base fees, and so does the total.
  await page.locator('select#tier').selectOption('large_firm');
  const tierDelta = likely(est.tiers.large_firm.type2) - likely(est.tiers.boutique.type2);
  await expect.poll(() => fee(page), { message: `large-firm fee ${base.fee + tierDelta}` }).toBe(base.fee + tierDelta);
  const large = { fee: await fee(page), total: await total(page), renewal: await renewal(page) };
  expect(large.total, `total rises with a large firm (${base.total} -> ${large.total})`).toBeGreaterThan(base.total);
  expect(large.total - base.total, 'only the audit fee changed in the total').toBe(tierDelta);
  expect(large.renewal, 'renewal rises with a large firm').toBeGreaterThan(base.renewal);
  await expectFeeIsSumOfDrivers(page, 'large firm');

  // More systems in scope: the fee rises by the per-system amount.
  await page.locator('nav[aria-label="Assessment steps"] a[href="#/scope"]').click();
  await fill(page, 'scope.systems', 8);
  await results(page);
  await expect(page.locator('select#tier'), 'the tier choice is kept').toHaveValue('large_firm');
  const systems = { fee: await fee(page), total: await total(page) };
  expect(systems.fee - large.fee, '5 more systems').toBe(5 * likely(cx.per_extra_system.range));
  expect(systems.total, 'the total rises with more systems').toBeGreaterThan(large.total);
  await expect(page.locator('tr[data-driver="cost.complexity.per_extra_system"] th')).toHaveText(/8 systems/);

  // Inclusive treatment of the subservice organisations costs more than carve-out.
  await page.locator('nav[aria-label="Assessment steps"] a[href="#/scope"]').click();
  await choose(page, 'scope.subservice_method', 'inclusive');
  await results(page);
  const inclusive = await fee(page);
  expect(inclusive - systems.fee, 'inclusive subservice orgs')
    .toBe(2 * (likely(cx.per_subservice_inclusive.range) - likely(cx.per_subservice_carve_out.range)));

  // Customer confidential data adds the Confidentiality category and its fee.
  await page.locator('nav[aria-label="Assessment steps"] a[href="#/scope"]').click();
  await tick(page, 'scope.data_kinds', ['customer_confidential']);
  await expect(first(page, '[data-testid="categories-in-scope"]'), 'Confidentiality in scope').toHaveText(/Confidentiality/);
  await results(page);
  const withCategory = { fee: await fee(page), total: await total(page) };
  // A share of the base fee of the tier in use (the large firm chosen above).
  expect(withCategory.fee - inclusive, 'Confidentiality in scope')
    .toBe(Math.round(likely(est.tiers.large_firm.type2) * likely(est.categories.confidentiality)));
  expect(withCategory.total).toBeGreaterThan(systems.total);
  await expect(page.locator('tr[data-driver="cost.categories.confidentiality"]')).toHaveCount(1);
  await expectFeeIsSumOfDrivers(page, 'with Confidentiality');

  expect(problems(log), 'no console errors or page errors').toEqual([]);
});

test('open gaps and a later start move the first report later', async ({ page, log }) => {
  await open(page, '/scope');
  await fill(page, 'scope.compliance_fte', 1);
  await results(page);
  const before = await firstReport(page);
  isoDate(before);
  // The first report is the end of the last phase in the table.
  const lastEnd = await page.locator('tr[data-phase="type2_report"] td').nth(1).textContent();
  expect(lastEnd.trim(), 'first-report date = Type II report issued (likely end)').toBe(before);
  const phases = await page.locator('tr[data-phase]').evaluateAll((rs) => rs.map((r) => r.dataset.phase));
  for (const p of ['scoping', 'remediation', 'observation', 'type2_fieldwork', 'type2_report']) {
    expect(phases, `timeline has a ${p} phase (has ${phases})`).toContain(p);
  }
  const remediationEnd = await page.locator('tr[data-phase="remediation"] td').nth(1).textContent();

  // "No" on the five Security questions with the most effort.
  const heavy = controlQuestions('security').filter((q) => !q.conditional)
    .sort((a, b) => b.effortDays - a.effortDays).slice(0, 5);
  await page.locator('nav[aria-label="Assessment steps"] a[href="#/category/security"]').click();
  for (const q of heavy) await choose(page, q.id, 'no');
  await results(page);
  const after = await firstReport(page);
  expect(isoDate(after) > isoDate(before), `first report later with open gaps: ${before} -> ${after}`).toBe(true);
  const remediationAfter = await page.locator('tr[data-phase="remediation"] td').nth(1).textContent();
  expect(isoDate(remediationAfter.trim()) > isoDate(remediationEnd.trim()), 'remediation ends later').toBe(true);

  // A later start date moves every date by the same amount.
  const start = isoDate(await page.locator('input#start-date').inputValue());
  const later = new Date(start.getTime() + 28 * 86_400_000).toISOString().slice(0, 10);
  await page.locator('input#start-date').fill(later);
  await page.locator('input#start-date').press('Tab');
  await expect.poll(() => firstReport(page), { message: 'first report after a later start' }).not.toBe(after);
  const moved = await firstReport(page);
  expect((isoDate(moved) - isoDate(after)) / 86_400_000, `start +28 days moves the report +28 days (${after} -> ${moved})`).toBe(28);

  expect(problems(log), 'no console errors or page errors').toEqual([]);
});

test('a deadline that cannot be met says so and offers alternatives', async ({ page }) => {
  await open(page, '/scope');
  await choose(page, 'scope.deadline', '6m');
  await fill(page, 'scope.compliance_fte', 0.5);
  await go(page, '/category/security');
  const qs = controlQuestions('security').filter((q) => !q.conditional).slice(0, 20);
  for (const q of qs) await choose(page, q.id, 'no');
  await go(page, '/results');
  const deadline = page.locator('[data-testid="deadline"]');
  await expect(deadline, 'a late plan is flagged').toHaveText(/unlikely to be met/);
  expect(await deadline.locator('li').count(), 'alternatives are offered').toBeGreaterThanOrEqual(1);
  const due = (await deadline.textContent()).match(/deadline of (\d{4}-\d{2}-\d{2})/)[1];
  expect(isoDate(await firstReport(page)) > isoDate(due), 'the first report is after the deadline').toBe(true);
});

test('bad input gets a message and is never used: number questions, assumptions, start date', async ({ page, log }) => {
  await open(page, '/scope');
  await fill(page, 'scope.headcount', 12);
  const headcount = page.locator('[id="scope.headcount--input"]');
  const message = page.locator('fieldset[data-question="scope.headcount"] .warning');
  // A fraction of a person: the typed value stays, with a message, and no answer is used.
  await headcount.fill('2.5');
  await headcount.press('Tab');
  await expect(message).toHaveText(/2\.5 is not a whole number/);
  await expect(headcount, 'what was typed stays visible').toHaveValue('2.5');
  await expect(headcount).toHaveAttribute('aria-invalid', 'true');
  // Above the largest number allowed: said, not clamped.
  const systems = page.locator('[id="scope.systems--input"]');
  await systems.fill('700');
  await systems.press('Tab');
  const sysMessage = page.locator('fieldset[data-question="scope.systems"] .warning');
  await expect(sysMessage).toHaveText(/700 is outside the range: enter a number from 1 to 500/);
  await expect(systems).toHaveValue('700');
  // A good value clears the message and is used.
  await fill(page, 'scope.headcount', 8);
  await expect(message).toHaveCount(0);

  await results(page);
  const before = await fee(page);
  const hoursBefore = await text(page, '[data-testid="auditor-hours"]');
  await page.locator('details.assumptions summary').click();
  const row = page.locator('tr[data-assumption="cost.auditor.blended_rate"]');
  const likelyRate = row.locator('input').nth(1);
  // Likely above high: refused with a message, nothing re-sorted.
  await likelyRate.fill('5000');
  await likelyRate.press('Tab');
  const problem = page.locator('tr.assumption-problem .warning');
  await expect(problem).toHaveText(/likely must be from 50 to 1500; the estimate still uses 200\./);
  await likelyRate.fill('300');
  await likelyRate.press('Tab');
  await expect(problem).toHaveText(/Keep low <= likely <= high/);
  await expect(row.locator('input').nth(2), 'high is not moved').toHaveValue('275');
  // An accepted value changes the auditor hours, not the fee.
  await likelyRate.fill('250');
  await likelyRate.press('Tab');
  await expect(problem, 'the message goes once the value fits').toHaveCount(0);
  expect(await fee(page), 'the rate changes hours, not the fee').toBe(before);
  // The likely hours are the likely fee over the likely rate: 200 -> 250 an hour.
  await expect.poll(() => text(page, '[data-testid="auditor-hours"]'), { message: 'auditor hours after a new rate' }).not.toBe(hoursBefore);
  const hoursAfter = await text(page, '[data-testid="auditor-hours"]');
  expect(Number(hoursAfter.replace(/\D/g, '')), `${hoursBefore} -> ${hoursAfter}`).toBe(Math.round(before / 250));

  // Start date far away: said, and the field goes back to the date in use.
  const start = page.locator('input#start-date');
  const used = await start.inputValue();
  await start.fill('9999-01-01');
  await start.press('Tab');
  const startProblem = page.locator('.date-field .warning');
  await expect(startProblem).toHaveText(/9999-01-01 is outside \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}\. Still using/);
  await expect(start).toHaveValue(used);
  // Cleared: the plan starts today, and the field says so.
  await start.fill('');
  await start.press('Tab');
  const startNote = page.locator('.date-field [role="status"]');
  await expect(startNote, 'cleared start date').toHaveText(/Cleared: the plan starts today/);
  await expect(startProblem, 'clearing is a note, not an error').toHaveCount(0);
  await expect(start).not.toHaveAttribute('aria-invalid');
  expect(await start.inputValue(), 'the field shows the date in use').toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(problems(log)).toEqual([]);
});

test('a deadline can be a date: the plan reads it, and tools, yearly controls and the pen test show', async ({ page, log }, testInfo) => {
  await open(page, '/scope');
  const iso = (d) => d.toISOString().slice(0, 10);
  const inDays = (n) => iso(new Date(Date.now() + n * 86_400_000));
  await choose(page, 'scope.deadline', 'date');
  const field = page.locator('[id="scope.deadline_date--input"]');
  await expect(field).toBeVisible();
  // Five years out is outside the window a deadline can have: said, and not used.
  await field.fill(inDays(5 * 366));
  await field.press('Tab');
  const message = page.locator('fieldset[data-question="scope.deadline_date"] [role="alert"]');
  await expect(message).toHaveText(/is outside \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}/);
  // Six weeks away: a Type I first, and the deadline is that date.
  const due = inDays(42);
  await fill(page, 'scope.deadline_date', due);
  await go(page, '/category/security');
  await choose(page, 'sec.cc6.endpoint_protection_mdm', 'no');
  await go(page, '/results');
  const deadline = page.locator('[data-testid="deadline"]');
  await expect(deadline).toHaveText(new RegExp(`deadline of ${due}`));
  const reason = page.locator('li[data-rule="type.tight_deadline"]');
  await expect(reason, 'the reason quotes the date').toHaveText(new RegExp(`On which date do you need the report in hand\\?” → ${due}`));
  const timeline = page.locator('.timeline');
  await expect(timeline, 'six weeks: a Type I first').toHaveText(/Type I “as of” date: \d{4}-\d{2}-\d{2}/);
  // The penetration test sits in the plan; the device gap brings its tools in.
  await expect(timeline).toHaveText(/Penetration test, fixes and retest/);
  const tools = page.locator('table.drivers', { has: page.locator('caption', { hasText: 'Tools and services to buy' }) });
  await expect(tools).toHaveText(/Device management \(MDM\)/);
  await expect(tools).toHaveText(/Endpoint protection \(EDR\)/);
  // A short window must hold each yearly control.
  const yearly = page.locator('[data-testid="annual-controls"]');
  await expect(yearly).toHaveText(/3-month window must contain each yearly control/);
  await expect(yearly).toHaveText(/Risk assessment/);
  // The control calendar lays the recurring controls on the window's dates.
  const calendar = page.locator('[data-testid="control-calendar"]');
  const caption = await calendar.locator('caption').textContent();
  const [, opens, closes] = caption.match(/(\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})/);
  const rows = await calendar.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    control: tr.dataset.control, often: tr.children[1].textContent, due: tr.children[2].textContent.split(', '),
  })));
  // The recurring controls as the data lists them (an array of inline tables: read with a pattern).
  const recurring = [...readFileSync(path.join(QUESTIONNAIRES, 'estimation.toml'), 'utf8')
    .matchAll(/\{ label = "([^"]+)", every_months = \d+ \}/g)].map((m) => m[1]);
  expect(recurring.length).toBeGreaterThanOrEqual(5);
  expect(rows.map((r) => r.control), 'every recurring control of the data, in order').toEqual(recurring);
  for (const r of rows) for (const d of r.due) expect(d > opens && d <= closes, `${r.control} due ${d} inside ${opens}..${closes}`).toBe(true);
  expect(rows.find((r) => r.control.startsWith('User access review')).often).toBe('Quarterly');
  // ... and downloads as CSV, one row per run.
  const { name, text: csv } = await download(page, page.locator('[data-testid="export-calendar"]'), testInfo);
  expect(name).toMatch(/control-calendar.*\.csv$/);
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toBe('control,every_months,due_by,must_fit_short_window');
  expect(lines.length - 1).toBe(rows.reduce((n, r) => n + r.due.length, 0));
  expect(lines.some((l) => /^Risk assessment,12,\d{4}-\d{2}-\d{2},true$/.test(l))).toBe(true);
  // The policy checklist reads the answers: device management answered "No" leaves
  // the endpoint policy to write; the rest is not known yet.
  const policies = page.locator('[data-testid="policy-checklist"]');
  await expect(policies.locator('tr[data-policy="endpoint_remote_work"] td').first()).toHaveText('To write');
  await expect(policies.locator('tr[data-policy="encryption"] td').first()).toHaveText('Not known yet');
  const shown = await policies.locator('tbody tr').count();
  const { text: policyCsv } = await download(page, page.locator('[data-testid="export-policies"]'), testInfo);
  const policyLines = policyCsv.trim().split('\r\n');
  expect(policyLines[0]).toBe('policy,status,questions');
  expect(policyLines.length - 1, 'one CSV row per policy shown').toBe(shown);
  expect(policyLines.some((l) => /^Remote work and endpoint security,To write,/.test(l))).toBe(true);
  expect(problems(log), 'no console errors or page errors').toEqual([]);
});
