// Issue 4: the cost and the timeline on the results page move in the right
// direction when the auditor tier, the scope or the answers change, and the
// audit fee is the sum of its drivers. Fee expectations come from
// questionnaires/estimation.toml.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { withPage, closeBrowser, eventually, problems } from '../lib/browser.mjs';
import { open, go, text, money, moneys, isoDate, choose, tick, fill } from '../lib/app.mjs';
import { controlQuestions, estimation } from '../lib/catalog.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await closeBrowser(); await server?.close(); });

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
async function assertFeeIsSumOfDrivers(page, what) {
  const { rows, footer } = await auditDrivers(page);
  assert.ok(rows.length >= 1, 'the audit fee lists its drivers');
  const sum = (k) => rows.reduce((s, r) => s + r[k], 0);
  // Each row is rounded to whole dollars on screen, so allow $1 per row.
  for (const k of ['low', 'likely', 'high']) {
    assert.ok(Math.abs(sum(k) - footer[k]) <= rows.length, `${what}: drivers' ${k} sum ${sum(k)} = footer ${footer[k]}`);
  }
  assert.equal(await fee(page), footer.likely, `${what}: audit fee card = drivers table total`);
  const sub = moneys(await page.locator('.card', { has: page.locator('[data-testid="audit-fee"]') }).locator('.sub').textContent());
  assert.deepEqual(sub, [footer.low, footer.high], `${what}: fee range card = drivers table range`);
  return rows;
}

async function results(page) {
  await page.locator('nav[aria-label="Assessment steps"] a[href="#/results"]').click();
  await page.locator('[data-testid="audit-fee"]').waitFor();
}

test('auditor tier and scope answers move the audit fee and the total', async (t) => {
  await withPage(t, async ({ page, log }) => {
    await open(page, server.url, '/scope');
    await fill(page, 'scope.company_name', 'Fee Test Ltd');
    await fill(page, 'scope.headcount', 30);
    await fill(page, 'scope.systems', 3);
    await fill(page, 'scope.locations', 1);
    await choose(page, 'scope.hosting', 'cloud');
    await fill(page, 'scope.subservice_count', 2);
    await choose(page, 'scope.subservice_method', 'carve_out');
    await choose(page, 'scope.tooling', 'manual');
    await fill(page, 'scope.compliance_fte', 1);
    assert.equal(await text(page, '[data-testid="decision-headline"]'), 'No report is needed yet', 'nothing asks for a report yet');
    // Security questionnaires from customers call for a SOC 2, with Security alone in scope.
    await tick(page, 'scope.customer_asks', ['questionnaires']);
    assert.match(await text(page, '[data-testid="decision-headline"]'), /^SOC 2 Type II, 6-month observation window$/);
    assert.match(await text(page, '[data-testid="categories-in-scope"]'), /^Security \(recommended\)/);

    await results(page);
    assert.equal(await page.locator('select#tier').inputValue(), 'boutique', 'boutique is the default tier');
    // Type II, boutique, 1 extra system, 2 carve-out subservice orgs, 3 months beyond 3, <= 50 people.
    const expected = likely(est.tiers.boutique.type2) + (3 - cx.included_systems) * likely(cx.per_extra_system.range)
      + 2 * likely(cx.per_subservice_carve_out.range) + (6 - 3) * likely(cx.per_window_month_over_3.range);
    const base = { fee: await fee(page), total: await total(page), renewal: await renewal(page) };
    assert.equal(base.fee, expected, 'boutique Type II fee from estimation.toml');
    const rows = await assertFeeIsSumOfDrivers(page, 'boutique');
    assert.deepEqual(rows.map((r) => r.key), ['cost.tiers.boutique.type2', 'cost.complexity.per_extra_system',
      'cost.complexity.per_subservice_carve_out', 'cost.complexity.per_window_month_over_3']);
    assert.ok(base.total > base.fee, 'the first-year total includes more than the audit fee');
    // A sourced figure links to its source by title; an assumption says so.
    const source = page.locator('tr[data-driver="cost.tiers.boutique.type2"] a');
    const cited = est.sources[est.tiers.boutique.type2Source];
    assert.equal(await source.getAttribute('href'), cited.url);
    assert.equal(await source.textContent(), cited.title);
    assert.match(cited.url, /^https:\/\//);

    // Boutique -> large firm: the fee rises by the difference of the base fees, and so does the total.
    await page.locator('select#tier').selectOption('large_firm');
    const tierDelta = likely(est.tiers.large_firm.type2) - likely(est.tiers.boutique.type2);
    await eventually(() => fee(page), (f) => f === base.fee + tierDelta, { what: `large-firm fee ${base.fee + tierDelta}` });
    const large = { fee: await fee(page), total: await total(page), renewal: await renewal(page) };
    assert.ok(large.total > base.total, `total rises with a large firm (${base.total} -> ${large.total})`);
    assert.equal(large.total - base.total, tierDelta, 'only the audit fee changed in the total');
    assert.ok(large.renewal > base.renewal, 'renewal rises with a large firm');
    await assertFeeIsSumOfDrivers(page, 'large firm');

    // More systems in scope: the fee rises by the per-system amount.
    await page.locator('nav[aria-label="Assessment steps"] a[href="#/scope"]').click();
    await fill(page, 'scope.systems', 8);
    await results(page);
    assert.equal(await page.locator('select#tier').inputValue(), 'large_firm', 'the tier choice is kept');
    const systems = { fee: await fee(page), total: await total(page) };
    assert.equal(systems.fee - large.fee, 5 * likely(cx.per_extra_system.range), '5 more systems');
    assert.ok(systems.total > large.total, 'the total rises with more systems');
    assert.match(await page.locator('tr[data-driver="cost.complexity.per_extra_system"] th').textContent(), /8 systems/);

    // Inclusive treatment of the subservice organisations costs more than carve-out.
    await page.locator('nav[aria-label="Assessment steps"] a[href="#/scope"]').click();
    await choose(page, 'scope.subservice_method', 'inclusive');
    await results(page);
    const inclusive = await fee(page);
    assert.equal(inclusive - systems.fee,
      2 * (likely(cx.per_subservice_inclusive.range) - likely(cx.per_subservice_carve_out.range)), 'inclusive subservice orgs');

    // Customer confidential data adds the Confidentiality category and its fee.
    await page.locator('nav[aria-label="Assessment steps"] a[href="#/scope"]').click();
    await tick(page, 'scope.data_kinds', ['customer_confidential']);
    await eventually(() => text(page, '[data-testid="categories-in-scope"]'), (s) => /Confidentiality/.test(s),
      { what: 'Confidentiality in scope' });
    await results(page);
    const withCategory = { fee: await fee(page), total: await total(page) };
    // A share of the base fee of the tier in use (the large firm chosen above).
    assert.equal(withCategory.fee - inclusive, Math.round(likely(est.tiers.large_firm.type2) * likely(est.categories.confidentiality)), 'Confidentiality in scope');
    assert.ok(withCategory.total > systems.total);
    assert.equal(await page.locator('tr[data-driver="cost.categories.confidentiality"]').count(), 1);
    await assertFeeIsSumOfDrivers(page, 'with Confidentiality');

    assert.deepEqual(problems(log), [], 'no console errors or page errors');
  });
});

test('open gaps and a later start move the first report later', async (t) => {
  await withPage(t, async ({ page, log }) => {
    await open(page, server.url, '/scope');
    await fill(page, 'scope.compliance_fte', 1);
    await results(page);
    const before = await firstReport(page);
    isoDate(before);
    // The first report is the end of the last phase in the table.
    const lastEnd = await page.locator('tr[data-phase="type2_report"] td').nth(1).textContent();
    assert.equal(lastEnd.trim(), before, 'first-report date = Type II report issued (likely end)');
    const phases = await page.locator('tr[data-phase]').evaluateAll((rs) => rs.map((r) => r.dataset.phase));
    for (const p of ['scoping', 'remediation', 'observation', 'type2_fieldwork', 'type2_report']) {
      assert.ok(phases.includes(p), `timeline has a ${p} phase (has ${phases})`);
    }
    const remediationEnd = await page.locator('tr[data-phase="remediation"] td').nth(1).textContent();

    // "No" on the five Security questions with the most effort.
    const heavy = controlQuestions('security').filter((q) => !q.conditional)
      .sort((a, b) => b.effortDays - a.effortDays).slice(0, 5);
    await page.locator('nav[aria-label="Assessment steps"] a[href="#/category/security"]').click();
    for (const q of heavy) await choose(page, q.id, 'no');
    await results(page);
    const after = await firstReport(page);
    assert.ok(isoDate(after) > isoDate(before), `first report later with open gaps: ${before} -> ${after}`);
    const remediationAfter = await page.locator('tr[data-phase="remediation"] td').nth(1).textContent();
    assert.ok(isoDate(remediationAfter.trim()) > isoDate(remediationEnd.trim()), 'remediation ends later');

    // A later start date moves every date by the same amount.
    const start = isoDate(await page.locator('input#start-date').inputValue());
    const later = new Date(start.getTime() + 28 * 86_400_000).toISOString().slice(0, 10);
    await page.locator('input#start-date').fill(later);
    await page.locator('input#start-date').press('Tab');
    const moved = await eventually(() => firstReport(page), (s) => s !== after, { what: 'first report after a later start' });
    assert.equal((isoDate(moved) - isoDate(after)) / 86_400_000, 28, `start +28 days moves the report +28 days (${after} -> ${moved})`);

    assert.deepEqual(problems(log), [], 'no console errors or page errors');
  });
});

test('a deadline that cannot be met says so and offers alternatives', async (t) => {
  await withPage(t, async ({ page }) => {
    await open(page, server.url, '/scope');
    await choose(page, 'scope.deadline', '6m');
    await fill(page, 'scope.compliance_fte', 0.5);
    await go(page, '/category/security');
    const qs = controlQuestions('security').filter((q) => !q.conditional).slice(0, 20);
    for (const q of qs) await choose(page, q.id, 'no');
    await go(page, '/results');
    const deadline = page.locator('[data-testid="deadline"]');
    assert.match(await deadline.textContent(), /unlikely to be met/, 'a late plan is flagged');
    assert.ok(await deadline.locator('li').count() >= 1, 'alternatives are offered');
    const due = (await deadline.textContent()).match(/deadline of (\d{4}-\d{2}-\d{2})/)[1];
    assert.ok(isoDate(await firstReport(page)) > isoDate(due), 'the first report is after the deadline');
  });
});

test('bad input gets a message and is never used: number questions, assumptions, start date', async (t) => {
  await withPage(t, async ({ page, log }) => {
    await open(page, server.url, '/scope');
    await fill(page, 'scope.headcount', 12);
    const headcount = page.locator('[id="scope.headcount--input"]');
    const message = page.locator('fieldset[data-question="scope.headcount"] .warning');
    // A fraction of a person: the typed value stays, with a message, and no answer is used.
    await headcount.fill('2.5');
    await headcount.press('Tab');
    await message.waitFor();
    assert.match(await message.textContent(), /2\.5 is not a whole number/);
    assert.equal(await headcount.inputValue(), '2.5', 'what was typed stays visible');
    assert.equal(await headcount.getAttribute('aria-invalid'), 'true');
    // Above the largest number allowed: said, not clamped.
    const systems = page.locator('[id="scope.systems--input"]');
    await systems.fill('700');
    await systems.press('Tab');
    const sysMessage = page.locator('fieldset[data-question="scope.systems"] .warning');
    await sysMessage.waitFor();
    assert.match(await sysMessage.textContent(), /700 is outside the range: enter a number from 1 to 500/);
    assert.equal(await systems.inputValue(), '700');
    // A good value clears the message and is used.
    await fill(page, 'scope.headcount', 8);
    assert.equal(await message.count(), 0);

    await results(page);
    const before = await fee(page);
    const hoursBefore = await text(page, '[data-testid="auditor-hours"]');
    await page.locator('details.assumptions summary').click();
    const row = page.locator('tr[data-assumption="cost.auditor.blended_rate"]');
    const likely = row.locator('input').nth(1);
    // Likely above high: refused with a message, nothing re-sorted.
    await likely.fill('5000');
    await likely.press('Tab');
    const problem = page.locator('tr.assumption-problem .warning');
    await problem.waitFor();
    assert.match(await problem.textContent(), /likely must be from 50 to 1500; the estimate still uses 200\./);
    await likely.fill('300');
    await likely.press('Tab');
    assert.match(await problem.textContent(), /Keep low <= likely <= high/);
    assert.equal(await row.locator('input').nth(2).inputValue(), '275', 'high is not moved');
    // An accepted value changes the auditor hours, not the fee.
    await likely.fill('250');
    await likely.press('Tab');
    await eventually(() => problem.count(), (n) => n === 0, { what: 'the message goes once the value fits' });
    assert.equal(await fee(page), before, 'the rate changes hours, not the fee');
    // The likely hours are the likely fee over the likely rate: 200 -> 250 an hour.
    const hoursAfter = await eventually(() => text(page, '[data-testid="auditor-hours"]'), (h) => h !== hoursBefore,
      { what: 'auditor hours after a new rate' });
    assert.equal(Number(hoursAfter.replace(/\D/g, '')), Math.round(before / 250), `${hoursBefore} -> ${hoursAfter}`);

    // Start date far away: said, and the field goes back to the date in use.
    const start = page.locator('input#start-date');
    const used = await start.inputValue();
    await start.fill('9999-01-01');
    await start.press('Tab');
    const startProblem = page.locator('.date-field .warning');
    await startProblem.waitFor();
    assert.match(await startProblem.textContent(), /9999-01-01 is outside \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}\. Still using/);
    assert.equal(await start.inputValue(), used);
    // Cleared: the plan starts today, and the field says so.
    await start.fill('');
    await start.press('Tab');
    const startNote = page.locator('.date-field [role="status"]');
    await eventually(() => startNote.textContent().catch(() => ''), (s) => /Cleared: the plan starts today/.test(s), { what: 'cleared start date' });
    assert.equal(await startProblem.count(), 0, 'clearing is a note, not an error');
    assert.equal(await start.getAttribute('aria-invalid'), null);
    assert.match(await start.inputValue(), /^\d{4}-\d{2}-\d{2}$/, 'the field shows the date in use');
    assert.deepEqual(problems(log), []);
  });
});

test('a deadline can be a date: the plan reads it, and tools, yearly controls and the pen test show', async (t) => {
  await withPage(t, async ({ page, log }) => {
    await open(page, server.url, '/scope');
    const iso = (d) => d.toISOString().slice(0, 10);
    const inDays = (n) => iso(new Date(Date.now() + n * 86_400_000));
    await choose(page, 'scope.deadline', 'date');
    const field = page.locator('[id="scope.deadline_date--input"]');
    await field.waitFor();
    // Five years out is outside the window a deadline can have: said, and not used.
    await field.fill(inDays(5 * 366));
    await field.press('Tab');
    const message = page.locator('fieldset[data-question="scope.deadline_date"] [role="alert"]');
    await message.waitFor();
    assert.match(await message.textContent(), /is outside \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}/);
    // Six weeks away: a Type I first, and the deadline is that date.
    const due = inDays(42);
    await fill(page, 'scope.deadline_date', due);
    await go(page, '/category/security');
    await choose(page, 'sec.cc6.endpoint_protection_mdm', 'no');
    await go(page, '/results');
    const deadline = page.locator('[data-testid="deadline"]');
    await deadline.waitFor();
    assert.match(await deadline.textContent(), new RegExp(`deadline of ${due}`));
    const reason = page.locator('li[data-rule="type.tight_deadline"]');
    assert.match(await reason.textContent(), new RegExp(`On which date do you need the report in hand\\?” → ${due}`), 'the reason quotes the date');
    assert.match(await page.locator('.timeline').textContent(), /Type I “as of” date: \d{4}-\d{2}-\d{2}/, 'six weeks: a Type I first');
    // The penetration test sits in the plan; the device gap brings its tools in.
    assert.match(await page.locator('.timeline').textContent(), /Penetration test, fixes and retest/);
    const tools = page.locator('table.drivers', { has: page.locator('caption', { hasText: 'Tools and services to buy' }) });
    assert.match(await tools.textContent(), /Device management \(MDM\)/);
    assert.match(await tools.textContent(), /Endpoint protection \(EDR\)/);
    // A short window must hold each yearly control.
    const yearly = page.locator('[data-testid="annual-controls"]');
    assert.match(await yearly.textContent(), /3-month window must contain each yearly control/);
    assert.match(await yearly.textContent(), /Risk assessment/);
    assert.deepEqual(problems(log), [], 'no console errors or page errors');
  });
});
