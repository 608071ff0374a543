// Issue 5: a new user's walk through the whole flow, from the welcome page to
// the results, checking that what the results show is consistent with the
// answers, that Back and Forward move between steps, and that a reload keeps
// the step and the answers.
import { test, expect, problems } from '../lib/fixtures.mjs';
import { open, waitReady, first, text, money, moneys, isoDate, choose, tick, fill, answeredCount, gapIds } from '../lib/app.mjs';
import { controlQuestions, expectedScore, expectedGaps, scale } from '../lib/catalog.mjs';

const COMPANY = 'Acme Analytics';
const REASON = 'We run no office network: fully remote.';
// With cloud hosting the own-hardware (physical) section stays hidden.
const security = controlQuestions('security').filter((q) => !q.conditional);
const sidebar = 'nav[aria-label="Assessment steps"]';
const hash = (page) => new URL(page.url()).hash;

/** Waits until the URL hash and the page heading both show a step. */
async function atStep(page, wantHash, wantHeading) {
  await expect.poll(async () => ({
    hash: hash(page),
    h1: await page.locator('main h1').first().textContent({ timeout: 1_000 }).then((s) => s.trim()).catch(() => ''),
  }), { message: `${wantHash} showing "${wantHeading}"` }).toEqual({ hash: wantHash, h1: wantHeading });
}

/** Varied answers for every Security question: every scale option appears. */
function securityAnswers() {
  const cycle = ['evidenced', 'implemented', 'partial', 'evidenced', 'planned', 'no', 'evidenced'];
  const out = {};
  security.forEach((q, i) => { out[q.id] = cycle[i % cycle.length]; });
  out[security.find((q) => !q.key).id] = 'na'; // one not-applicable, with a reason
  return out;
}

// Runs in every project: it holds the print check, and walks the layout at both widths.
test('a new user walks from welcome to results, navigates back and forward, and reloads @every-project', async ({ page, log }) => {
  // Welcome.
  await open(page, '/');
  await expect(first(page, 'main h1')).toHaveText(/SOC 1 or SOC 2 audit/);
  await expect(first(page, '[data-testid="start"]'), 'a new user is offered to start').toHaveText('Start the assessment');
  await page.locator('[data-testid="start"]').click();
  await atStep(page, '#/scope', 'Scope');

  // Scope.
  await fill(page, 'scope.company_name', COMPANY);
  await fill(page, 'scope.headcount', 42);
  await fill(page, 'scope.services', 'Analytics dashboards for retailers');
  await fill(page, 'scope.systems', 4);
  await fill(page, 'scope.locations', 2);
  await choose(page, 'scope.hosting', 'cloud');
  await tick(page, 'scope.cloud_providers', ['aws']);
  await fill(page, 'scope.subservice_count', 3);
  await choose(page, 'scope.subservice_method', 'carve_out');
  await tick(page, 'scope.data_kinds', ['customer_confidential', 'personal']);
  await tick(page, 'scope.customer_features', ['user_admin', 'api_keys']);
  await tick(page, 'scope.customer_asks', ['soc2', 'questionnaires']);
  await choose(page, 'scope.deadline', '9m');
  await tick(page, 'scope.frameworks', ['none']);
  await choose(page, 'scope.tooling', 'manual');
  await fill(page, 'scope.compliance_fte', 1.5);
  const scopeCount = await answeredCount(page);
  expect(scopeCount.answered, 'every scope question answered').toBe(scopeCount.applicable);
  await expect(page.locator('fieldset[data-question]'), 'every visible scope question counted').toHaveCount(scopeCount.applicable);
  await expect(first(page, `${sidebar} a[href="#/scope"] .count`)).toHaveText(`${scopeCount.answered} of ${scopeCount.applicable}`);
  await expect(first(page, '[data-testid="current-assessment"] .name'), 'company name in the header').toHaveText(COMPANY);
  // The decision shows as soon as it can be made, on the scope step already.
  await expect(first(page, '[data-testid="decision-headline"]')).toHaveText('SOC 2 Type II, 3-month observation window');
  await expect(first(page, '[data-testid="categories-in-scope"]')).toHaveText(/^Security, Confidentiality \(recommended\)$/);

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
  await expect(page.locator('fieldset[data-question="app.read_only"]'), 'read-only question hidden when no financial impact').toHaveCount(0);
  await expect(first(page, '[data-testid="decision-headline"]')).toHaveText('SOC 2 Type II, 3-month observation window');
  await expect(first(page, '[data-testid="categories-in-scope"]'), 'Availability added by the SLA answer')
    .toHaveText('Security, Availability, Confidentiality (recommended)');
  await expect(first(page, '[data-testid="decision"]'), 'SOC 3 offered for a public report').toHaveText(/Option: SOC 3/);
  const steps = await page.locator(`${sidebar} a`).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(steps, 'the sidebar lists the categories in scope').toEqual(['#/', '#/scope', '#/applicability', '#/category/security', '#/category/availability',
    '#/category/confidentiality', '#/review', '#/results']);

  // Security: answer every visible question.
  await page.locator('main .step-nav a', { hasText: 'Continue' }).click();
  await atStep(page, '#/category/security', 'Security');
  const visible = await page.locator('fieldset[data-question]').evaluateAll((fs) => fs.map((f) => f.dataset.question));
  expect(visible, 'the Security step shows every Security question, in order').toEqual(security.map((q) => q.id));
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
  expect(secCount, 'all Security questions answered').toEqual({ answered: visible.length, applicable: visible.length });
  await expect(first(page, `${sidebar} a[href="#/category/security"] .count`)).toHaveText(`${visible.length} of ${visible.length}`);
  const score = String(expectedScore(answers, security));
  await expect(first(page, '[data-testid="category-score"]'), `Security score ${score}`).toHaveText(score);
  // Availability and Confidentiality are unanswered: they lower confidence, not the score.
  await expect(first(page, '[data-testid="overall-score"]'), 'overall = Security while other categories are unanswered').toHaveText(score);

  // Review.
  await page.locator(`${sidebar} a[href="#/review"]`).click();
  await atStep(page, '#/review', 'Check your answers');
  await expect(first(page, 'section[aria-labelledby="review-security"]')).toHaveText(/All answered/);
  await expect(first(page, 'section[aria-labelledby="review-scope"]')).toHaveText(/All answered/);
  await expect(first(page, 'section[aria-labelledby="review-availability"]')).toHaveText(/unanswered/);

  // Results.
  await page.locator('main .step-nav a', { hasText: 'Continue' }).click();
  await atStep(page, '#/results', 'Readiness results');
  await expect(first(page, '[data-testid="results-overall"]'), 'results show the same overall score').toHaveText(score);
  await expect(first(page, '.report-head .meta')).toHaveText(new RegExp(`^${COMPANY} · assessed \\d{4}-\\d{2}-\\d{2}`));
  await expect(first(page, '[data-testid="current-assessment"] .name')).toHaveText(COMPANY);
  await expect(first(page, '[data-testid="decision-headline"]')).toHaveText('SOC 2 Type II, 3-month observation window');

  // Gaps: exactly the non-evidenced, applicable answers.
  const sc = scale();
  const notEvidenced = Object.entries(answers).filter(([, o]) => !sc[o].na && o !== 'evidenced').map(([id]) => id);
  const gaps = await gapIds(page);
  expect(gaps.length, 'one gap per non-evidenced answer').toBe(notEvidenced.length);
  expect([...gaps].sort()).toEqual([...notEvidenced].sort());
  expect(gaps, 'ranked by severity').toEqual(expectedGaps(answers, security).map((g) => g.id));
  await expect(first(page, '#gaps-title')).toHaveText(new RegExp(`\\(${notEvidenced.length}\\)`));
  await expect(first(page, '.gaps p.sub')).toHaveText(new RegExp(`Showing ${notEvidenced.length} of ${notEvidenced.length}`));
  const categories = await page.locator('#gap-category option').evaluateAll((os) => os.map((o) => o.value));
  expect(categories).toEqual(['all', 'security', 'availability', 'confidentiality']);
  await page.locator('#gap-category').selectOption('availability');
  // Availability is unanswered: it lists only the Security gaps that also cover its criteria (asked once).
  const coversA1 = new Set(security.filter((q) => q.criteria.some((c) => c.startsWith('A1.'))).map((q) => q.id));
  await expect.poll(() => gapIds(page), { message: 'Availability lists the Security gaps covering A1 criteria' })
    .toEqual(gaps.filter((id) => coversA1.has(id)));
  await page.locator('#gap-category').selectOption('all');

  // Timeline: an ISO date after the start, the deadline verdict, the phases in order.
  const start = isoDate(await page.locator('input#start-date').inputValue());
  const firstReport = isoDate(await text(page, '[data-testid="first-report-date"]'));
  expect(firstReport > start, 'the first report comes after the start date').toBe(true);
  await expect(first(page, '[data-testid="deadline"]')).toHaveText(/deadline of \d{4}-\d{2}-\d{2}/);
  const phases = await page.locator('tr[data-phase]').evaluateAll((rs) => rs.map((r) => r.dataset.phase));
  expect(phases).toEqual(['scoping', 'remediation', 'pen_test', 'observation', 'type2_fieldwork', 'type2_report']);
  await expect(first(page, 'tr[data-phase="observation"] th')).toHaveText(/3 months/);
  expect(await text(page, 'tr[data-phase="type2_report"] td:nth-of-type(2)')).toBe(await text(page, '[data-testid="first-report-date"]'));
  await expect(first(page, 'section.timeline'), 'remediation uses the stated capacity').toHaveText(/at 1\.5 FTE/);

  // Cost: drivers follow the scope answers and add up to the fee.
  const drivers = await page.locator('tr[data-driver]').evaluateAll((rs) => rs.map((r) => r.dataset.driver));
  for (const d of ['cost.tiers.boutique.type2', 'cost.categories.availability', 'cost.categories.confidentiality',
    'cost.complexity.per_extra_system', 'cost.complexity.per_extra_location', 'cost.complexity.per_subservice_carve_out',
    'cost.reports.soc3']) {
    expect(drivers, `audit fee driver ${d}`).toContain(d);
  }
  expect(drivers, 'a 3-month window adds no months').not.toContain('cost.complexity.per_window_month_over_3');
  const fee = money(await text(page, '[data-testid="audit-fee"]'));
  const feeTable = page.locator('table.drivers', { has: page.locator('caption', { hasText: 'Audit fee drivers' }) });
  const rowSum = (await feeTable.locator('tbody td:nth-of-type(1)').allTextContents()).reduce((s, x) => s + moneys(x)[2], 0);
  expect(rowSum, 'the audit fee is the sum of its drivers').toBe(fee);
  const total = money(await text(page, '[data-testid="cost-total"]'));
  const renewal = money(await text(page, '[data-testid="renewal-total"]'));
  expect(fee > 0 && total > fee && renewal > 0, `fee ${fee}, first year ${total}, renewal ${renewal}`).toBe(true);

  // "Print or save as PDF" opens the browser's print dialog (stubbed here), and the
  // print stylesheet hides the navigation and the controls.
  await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await page.locator('[data-testid="print"]').click();
  await expect.poll(() => page.evaluate(() => window.__printed), { message: 'the print button calls window.print' }).toBe(1);
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['nav.steps', '[data-testid="print"]', '#gap-category']) {
    await expect(first(page, hidden), `${hidden} is hidden in print`).toBeHidden();
  }
  await expect(page.locator('[data-testid="results-overall"]'), 'the scores print').toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // Back and Forward move between steps.
  await page.goBack();
  await atStep(page, '#/review', 'Check your answers');
  await page.goBack();
  await atStep(page, '#/category/security', 'Security');
  await expect(page.locator(`${sidebar} li.current a`), 'the sidebar follows').toHaveAttribute('href', '#/category/security');
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
  await expect.poll(() => page.locator('fieldset[data-question]').evaluateAll((fs) => Object.fromEntries(
    fs.map((f) => [f.dataset.question, f.querySelector('input[type=radio]:checked')?.value ?? null]))),
  { message: 'every Security answer survives the reload' }).toEqual(answers);
  const naId = Object.keys(answers).find((id) => answers[id] === 'na');
  await expect(page.locator(`[id="${naId}--note"]`), 'the note survives').toHaveValue(REASON);
  await expect(first(page, '[data-testid="category-score"]')).toHaveText(score);
  await expect(first(page, '[data-testid="current-assessment"] .name')).toHaveText(COMPANY);
  await page.locator(`${sidebar} a[href="#/scope"]`).click();
  await atStep(page, '#/scope', 'Scope');
  await expect(page.locator('[id="scope.headcount--input"]')).toHaveValue('42');
  await expect(page.locator('[id="scope.compliance_fte--input"]')).toHaveValue('1.5');
  await expect(page.locator('fieldset[data-question="scope.data_kinds"] input[value="personal"]')).toBeChecked();
  await page.locator(`${sidebar} a[href="#/"]`).click();
  await expect(first(page, '[data-testid="start"]'), 'a returning user continues').toHaveText('Continue the assessment');

  expect(problems(log), 'no console errors or page errors').toEqual([]);
});

// A user types why a question does not apply and then clicks an answer of the
// next question. The note commits on blur (mousedown), which removes the
// "Say why this does not apply" warning above the pointer; the page must not
// shift under the pointer so that the click is lost. Layout: every project.
test('clicking the next answer right after typing a not-applicable reason selects it @every-project', async ({ page }) => {
  await open(page, '/category/security');
  const [firstQ, next] = security;
  await choose(page, firstQ.id, 'na');
  const note = page.locator(`[id="${firstQ.id}--note"]`);
  await note.fill(REASON);
  const radio = page.locator(`fieldset[data-question="${next.id}"] input[type=radio][value="evidenced"]`);
  await radio.scrollIntoViewIfNeeded();
  const box = await radio.boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  try {
    await expect(radio).toBeChecked({ timeout: 2_000 });
  } catch (err) {
    const now = await radio.boundingBox();
    err.message = `${next.id} = evidenced after one click (the radio moved from y=${Math.round(box.y)} to y=${Math.round(now?.y)})\n${err.message}`;
    throw err;
  }
  await expect(note, 'the note was kept').toHaveValue(REASON);
});
