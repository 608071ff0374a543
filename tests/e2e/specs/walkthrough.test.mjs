// Issue 5: a new user's walk through the whole flow, from the welcome page to
// the results, checking that what the results show is consistent with the
// answers, that Back and Forward move between steps, and that a reload keeps
// the step and the answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { withPage, closeBrowser, waitReady, eventually, problems } from '../lib/browser.mjs';
import { open, text, money, moneys, isoDate, choose, tick, fill, answeredCount, gapIds } from '../lib/app.mjs';
import { controlQuestions, expectedScore, expectedGaps, scale } from '../lib/catalog.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await closeBrowser(); await server?.close(); });

const COMPANY = 'Acme Analytics';
const REASON = 'We run no office network: fully remote.';
const security = controlQuestions('security');
const sidebar = 'nav[aria-label="Assessment steps"]';
const heading = (page) => text(page, 'main h1');
const hash = (page) => new URL(page.url()).hash;

/** Waits until the URL hash and the page heading both show a step. */
async function atStep(page, wantHash, wantHeading) {
  await eventually(async () => ({ hash: hash(page), h1: await heading(page).catch(() => '') }),
    (v) => v.hash === wantHash && v.h1 === wantHeading, { what: `${wantHash} showing "${wantHeading}"` });
}

/** Varied answers for every Security question: every scale option appears. */
function securityAnswers() {
  const cycle = ['evidenced', 'implemented', 'partial', 'evidenced', 'planned', 'no', 'evidenced'];
  const out = {};
  security.forEach((q, i) => { out[q.id] = cycle[i % cycle.length]; });
  out[security.find((q) => !q.key).id] = 'na'; // one not-applicable, with a reason
  return out;
}

test('a new user walks from welcome to results, navigates back and forward, and reloads', async (t) => {
  await withPage(t, async ({ page, log }) => {
    // Welcome.
    await open(page, server.url, '/');
    assert.match(await heading(page), /SOC 1 or SOC 2 audit/);
    assert.equal(await text(page, '[data-testid="start"]'), 'Start the assessment', 'a new user is offered to start');
    await page.locator('[data-testid="start"]').click();
    await atStep(page, '#/scope', 'Scope');

    // Scope.
    await fill(page, 'scope.company_name', COMPANY);
    await fill(page, 'scope.headcount', 42);
    await fill(page, 'scope.services', 'Analytics dashboards for retailers');
    await fill(page, 'scope.systems', 4);
    await fill(page, 'scope.locations', 2);
    await choose(page, 'scope.hosting', 'cloud');
    await fill(page, 'scope.subservice_count', 3);
    await choose(page, 'scope.subservice_method', 'carve_out');
    await tick(page, 'scope.data_kinds', ['customer_confidential', 'personal']);
    await tick(page, 'scope.customer_asks', ['soc2', 'questionnaires']);
    await choose(page, 'scope.deadline', '9m');
    await tick(page, 'scope.frameworks', ['none']);
    await choose(page, 'scope.tooling', 'manual');
    await fill(page, 'scope.compliance_fte', 1.5);
    const scopeCount = await answeredCount(page);
    assert.equal(scopeCount.answered, scopeCount.applicable, 'every scope question answered');
    assert.equal(await page.locator('fieldset[data-question]').count(), scopeCount.applicable, 'every visible scope question counted');
    assert.equal(await text(page, `${sidebar} a[href="#/scope"] .count`), `${scopeCount.answered} of ${scopeCount.applicable}`);
    assert.equal(await text(page, '[data-testid="current-assessment"] .name'), COMPANY, 'company name in the header');
    // The decision shows as soon as it can be made, on the scope step already.
    assert.equal(await text(page, '[data-testid="decision-headline"]'), 'SOC 2 Type II, 3-month observation window');
    assert.match(await text(page, '[data-testid="categories-in-scope"]'), /^Security, Confidentiality \(recommended\)$/);

    // Applicability.
    await page.locator('main .step-nav a', { hasText: 'Continue' }).click();
    await atStep(page, '#/applicability', 'Which report');
    const appAnswers = {
      'app.financial_impact': 'no', 'app.sox_customers': 'no', 'app.security_reviews': 'yes', 'app.sla': 'yes',
      'app.confidential_data': 'yes', 'app.processing_critical': 'no', 'app.personal_data_controller': 'no',
      'app.prior_report': 'none', 'app.type1_accepted': 'yes', 'app.fiscal_gap': 'no',
      'app.public_report': 'yes', 'app.other_frameworks': 'no',
    };
    for (const [id, o] of Object.entries(appAnswers)) await choose(page, id, o);
    assert.equal(await page.locator('fieldset[data-question="app.read_only"]').count(), 0, 'read-only question hidden when no financial impact');
    assert.equal(await text(page, '[data-testid="decision-headline"]'), 'SOC 2 Type II, 3-month observation window');
    await eventually(() => text(page, '[data-testid="categories-in-scope"]'),
      (s) => s === 'Security, Availability, Confidentiality (recommended)', { what: 'Availability added by the SLA answer' });
    assert.match(await text(page, '[data-testid="decision"]'), /Option: SOC 3/, 'SOC 3 offered for a public report');
    const steps = await page.locator(`${sidebar} a`).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(steps, ['#/', '#/scope', '#/applicability', '#/category/security', '#/category/availability',
      '#/category/confidentiality', '#/review', '#/results'], 'the sidebar lists the categories in scope');

    // Security: answer every visible question.
    await page.locator('main .step-nav a', { hasText: 'Continue' }).click();
    await atStep(page, '#/category/security', 'Security');
    const visible = await page.locator('fieldset[data-question]').evaluateAll((fs) => fs.map((f) => f.dataset.question));
    assert.deepEqual(visible, security.map((q) => q.id), 'the Security step shows every Security question, in order');
    const answers = securityAnswers();
    for (const id of visible) {
      await choose(page, id, answers[id]);
      if (answers[id] === 'na') {
        // Notes commit on change: Tab out of the field, as a keyboard user would.
        // (Clicking the next answer directly is covered by its own test below.)
        await page.locator(`[id="${id}--note"]`).fill(REASON);
        await page.locator(`[id="${id}--note"]`).press('Tab');
      }
    }
    const secCount = await answeredCount(page);
    assert.deepEqual(secCount, { answered: visible.length, applicable: visible.length }, 'all Security questions answered');
    assert.equal(await text(page, `${sidebar} a[href="#/category/security"] .count`), `${visible.length} of ${visible.length}`);
    const score = String(expectedScore(answers, security));
    await eventually(() => text(page, '[data-testid="category-score"]'), (s) => s === score, { what: `Security score ${score}` });
    // Availability and Confidentiality are unanswered: they lower confidence, not the score.
    assert.equal(await text(page, '[data-testid="overall-score"]'), score, 'overall = Security while other categories are unanswered');

    // Review.
    await page.locator(`${sidebar} a[href="#/review"]`).click();
    await atStep(page, '#/review', 'Check your answers');
    assert.match(await text(page, 'section[aria-labelledby="review-security"]'), /All answered/);
    assert.match(await text(page, 'section[aria-labelledby="review-scope"]'), /All answered/);
    assert.match(await text(page, 'section[aria-labelledby="review-availability"]'), /unanswered/);

    // Results.
    await page.locator('main .step-nav a', { hasText: 'Continue' }).click();
    await atStep(page, '#/results', 'Readiness results');
    assert.equal(await text(page, '[data-testid="results-overall"]'), score, 'results show the same overall score');
    assert.match(await text(page, '.report-head .meta'), new RegExp(`^${COMPANY} · assessed \\d{4}-\\d{2}-\\d{2}`));
    assert.equal(await text(page, '[data-testid="current-assessment"] .name'), COMPANY);
    assert.equal(await text(page, '[data-testid="decision-headline"]'), 'SOC 2 Type II, 3-month observation window');

    // Gaps: exactly the non-evidenced, applicable answers.
    const sc = scale();
    const notEvidenced = Object.entries(answers).filter(([, o]) => !sc[o].na && o !== 'evidenced').map(([id]) => id);
    const gaps = await gapIds(page);
    assert.equal(gaps.length, notEvidenced.length, 'one gap per non-evidenced answer');
    assert.deepEqual([...gaps].sort(), [...notEvidenced].sort());
    assert.deepEqual(gaps, expectedGaps(answers, security).map((g) => g.id), 'ranked by severity');
    assert.match(await text(page, '#gaps-title'), new RegExp(`\\(${notEvidenced.length}\\)`));
    assert.match(await text(page, '.gaps p.sub'), new RegExp(`Showing ${notEvidenced.length} of ${notEvidenced.length}`));
    const categories = await page.locator('#gap-category option').evaluateAll((os) => os.map((o) => o.value));
    assert.deepEqual(categories, ['all', 'security', 'availability', 'confidentiality']);
    await page.locator('#gap-category').selectOption('availability');
    await eventually(() => gapIds(page), (ids) => ids.length === 0, { what: 'no Availability gaps (unanswered)' });
    await page.locator('#gap-category').selectOption('all');

    // Timeline: an ISO date after the start, the deadline verdict, the phases in order.
    const start = isoDate(await page.locator('input#start-date').inputValue());
    const first = isoDate(await text(page, '[data-testid="first-report-date"]'));
    assert.ok(first > start, 'the first report comes after the start date');
    assert.match(await text(page, '[data-testid="deadline"]'), /deadline of \d{4}-\d{2}-\d{2}/);
    const phases = await page.locator('tr[data-phase]').evaluateAll((rs) => rs.map((r) => r.dataset.phase));
    assert.deepEqual(phases, ['scoping', 'remediation', 'pen_test', 'observation', 'type2_fieldwork', 'type2_report']);
    assert.match(await text(page, 'tr[data-phase="observation"] th'), /3 months/);
    assert.equal(await text(page, 'tr[data-phase="type2_report"] td:nth-of-type(2)'), await text(page, '[data-testid="first-report-date"]'));
    assert.match(await text(page, 'section.timeline'), /at 1\.5 FTE/, 'remediation uses the stated capacity');

    // Cost: drivers follow the scope answers and add up to the fee.
    const drivers = await page.locator('tr[data-driver]').evaluateAll((rs) => rs.map((r) => r.dataset.driver));
    for (const d of ['cost.tiers.boutique.type2', 'cost.categories.availability', 'cost.categories.confidentiality',
      'cost.complexity.per_extra_system', 'cost.complexity.per_extra_location', 'cost.complexity.per_subservice_carve_out',
      'cost.reports.soc3']) {
      assert.ok(drivers.includes(d), `audit fee driver ${d}`);
    }
    assert.ok(!drivers.includes('cost.complexity.per_window_month_over_3'), 'a 3-month window adds no months');
    const fee = money(await text(page, '[data-testid="audit-fee"]'));
    const feeTable = page.locator('table.drivers', { has: page.locator('caption', { hasText: 'Audit fee drivers' }) });
    const rowSum = (await feeTable.locator('tbody td:nth-of-type(1)').allTextContents()).reduce((s, x) => s + moneys(x)[2], 0);
    assert.equal(rowSum, fee, 'the audit fee is the sum of its drivers');
    const total = money(await text(page, '[data-testid="cost-total"]'));
    const renewal = money(await text(page, '[data-testid="renewal-total"]'));
    assert.ok(fee > 0 && total > fee && renewal > 0, `fee ${fee}, first year ${total}, renewal ${renewal}`);

    // "Print or save as PDF" opens the browser's print dialog (stubbed here), and the
    // print stylesheet hides the navigation and the controls.
    await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
    await page.locator('[data-testid="print"]').click();
    assert.equal(await page.evaluate(() => window.__printed), 1, 'the print button calls window.print');
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['nav.steps', '[data-testid="print"]', '#gap-category']) {
      assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is hidden in print`);
    }
    assert.ok(await page.locator('[data-testid="results-overall"]').isVisible(), 'the scores print');
    await page.emulateMedia({ media: 'screen' });

    // Back and Forward move between steps.
    await page.goBack();
    await atStep(page, '#/review', 'Check your answers');
    await page.goBack();
    await atStep(page, '#/category/security', 'Security');
    assert.equal(await page.locator(`${sidebar} li.current a`).getAttribute('href'), '#/category/security', 'the sidebar follows');
    await page.goForward();
    await atStep(page, '#/review', 'Check your answers');
    await page.goForward();
    await atStep(page, '#/results', 'Readiness results');
    await page.goBack();
    await page.goBack();
    await atStep(page, '#/category/security', 'Security');

    // Reload: the same step, the same answers.
    await page.reload();
    await waitReady(page);
    await atStep(page, '#/category/security', 'Security');
    const checked = await page.locator('fieldset[data-question]').evaluateAll((fs) => Object.fromEntries(
      fs.map((f) => [f.dataset.question, f.querySelector('input[type=radio]:checked')?.value ?? null])));
    assert.deepEqual(checked, answers, 'every Security answer survives the reload');
    const naId = Object.keys(answers).find((id) => answers[id] === 'na');
    assert.equal(await page.locator(`[id="${naId}--note"]`).inputValue(), REASON, 'the note survives');
    assert.equal(await text(page, '[data-testid="category-score"]'), score);
    assert.equal(await text(page, '[data-testid="current-assessment"] .name'), COMPANY);
    await page.locator(`${sidebar} a[href="#/scope"]`).click();
    await atStep(page, '#/scope', 'Scope');
    assert.equal(await page.locator('[id="scope.headcount--input"]').inputValue(), '42');
    assert.equal(await page.locator('[id="scope.compliance_fte--input"]').inputValue(), '1.5');
    assert.ok(await page.locator('fieldset[data-question="scope.data_kinds"] input[value="personal"]').isChecked());
    await page.locator(`${sidebar} a[href="#/"]`).click();
    assert.equal(await text(page, '[data-testid="start"]'), 'Continue the assessment', 'a returning user continues');

    assert.deepEqual(problems(log), [], 'no console errors or page errors');
  });
});

// A user types why a question does not apply and then clicks an answer of the
// next question. The note commits on blur (mousedown), which removes the
// "Say why this does not apply" warning above the pointer; the page must not
// shift under the pointer so that the click is lost.
test('clicking the next answer right after typing a not-applicable reason selects it', async (t) => {
  await withPage(t, async ({ page }) => {
    await open(page, server.url, '/category/security');
    const [first, next] = security;
    await choose(page, first.id, 'na');
    const note = page.locator(`[id="${first.id}--note"]`);
    await note.fill(REASON);
    const radio = page.locator(`fieldset[data-question="${next.id}"] input[type=radio][value="evidenced"]`);
    await radio.scrollIntoViewIfNeeded();
    const box = await radio.boundingBox();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await eventually(() => radio.isChecked(), Boolean, { timeout: 2_000,
      what: `${next.id} = evidenced after one click (the radio moved from y=${Math.round(box.y)} to y=${Math.round((await radio.boundingBox()).y)})` });
    assert.equal(await note.inputValue(), REASON, 'the note was kept');
  });
});
