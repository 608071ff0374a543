// Issue 12: on a phone the questions come first, focus never gets lost when a
// follow-up question appears, and the review page links every open item to its
// question.
import { test, expect, problems } from '../lib/fixtures.mjs';
import { open, go, choose, fill, waitReady } from '../lib/app.mjs';

const isPhone = (page) => page.viewportSize().width < 600;

/** Whether the current step's entry lies within the visible part of the sideways step list. */
const currentStepInView = (page) => page.locator('nav[aria-label="Assessment steps"] li.current').evaluate((li) => {
  const list = li.closest('ol').getBoundingClientRect();
  const r = li.getBoundingClientRect();
  return r.left >= list.left - 1 && r.right <= list.right + 1;
});

/** Top of an element relative to the viewport, once the app has finished moving. */
const top = (locator) => locator.evaluate((e) => e.getBoundingClientRect().top);

test('on a phone, each step opens on its heading and first question, the summary is a bar @every-project', async ({ page, log }) => {
  test.skip(!isPhone(page), 'the phone layout only');
  const height = page.viewportSize().height;
  await open(page, '/scope');
  // Answers that bring every category in scope, so every step is checked.
  await go(page, '/applicability');
  await choose(page, 'app.security_reviews', 'yes');
  const steps = await page.locator('nav[aria-label="Assessment steps"] li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const questionSteps = steps.filter((h) => /#\/(scope|applicability|category\/)/.test(h));
  expect(questionSteps.length, 'scope, which report and the categories').toBeGreaterThanOrEqual(3);
  for (const href of questionSteps) {
    await go(page, href.slice(1));
    const heading = page.locator('main h1').first();
    const firstQuestion = page.locator('main fieldset[data-question] legend').first();
    await expect(firstQuestion).toBeVisible();
    // The app moves to the new step itself; nothing else scrolls.
    expect(await top(heading), `${href}: heading in the first screen`).toBeGreaterThanOrEqual(0);
    expect(await top(firstQuestion), `${href}: first question starts in the first screen`).toBeLessThan(height - 80);
    // The summary is one bar after the questions, closed until asked for.
    const bar = page.locator('[data-testid="summary-bar"]');
    await expect(bar).toBeVisible();
    await expect(bar).toHaveAttribute('aria-expanded', 'false');
    await expect(page.locator('.side-details')).toBeHidden();
    // The current step is scrolled into view in the sideways step list (in the next frame).
    await expect.poll(() => currentStepInView(page), `${href}: the current step is in view in the step list`).toBe(true);
  }
  // Also when the app opens on a late step.
  await page.reload();
  await waitReady(page);
  await expect.poll(() => currentStepInView(page), 'after a reload: the current step is in view in the step list').toBe(true);
  expect(await page.locator('nav[aria-label="Assessment steps"] ol').evaluate((ol) => ol.scrollLeft), 'the step list scrolled to the late step').toBeGreaterThan(0);
  // The bar opens on demand, with the score, what is answered and the gaps, and the recommendation on Scope.
  await go(page, '/scope');
  const bar = page.locator('[data-testid="summary-bar"]');
  await expect(bar).toContainText(/\/ 100/);
  await expect(bar).toContainText(/\d+ of \d+ answered/);
  await expect(bar).toContainText(/\d+ open gaps?/);
  await bar.click();
  await expect(bar).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('.side-details [data-testid="overall-score"]')).toBeVisible();
  await expect(page.locator('.side-details .decision')).toBeVisible();
  expect(problems(log)).toEqual([]);
});

test('on a wide screen the summary sits beside the questions, with no bar @every-project', async ({ page }) => {
  test.skip(isPhone(page), 'the wide layout only');
  await open(page, '/category/security');
  await expect(page.locator('[data-testid="summary-bar"]')).toBeHidden();
  const summary = page.locator('.side-details [data-testid="overall-score"]');
  await expect(summary).toBeVisible();
  const [q, s] = await Promise.all([
    page.locator('main fieldset[data-question]').first().boundingBox(),
    summary.boundingBox(),
  ]);
  expect(s.x, 'the summary is to the right of the questions').toBeGreaterThan(q.x + q.width - 1);
});

test('revealing a follow-up keeps focus on the control and announces the new question @every-project', async ({ page }) => {
  await open(page, '/scope');
  // A number that reveals a follow-up: focus stays in the field after the change.
  const count = page.locator('[id="scope.subservice_count--input"]');
  await count.fill('2');
  await count.dispatchEvent('change');
  await expect(page.locator('fieldset[data-question="scope.subservice_method"]')).toBeVisible();
  await expect(count).toBeFocused();
  await expect(page.locator('[data-testid="announcer"]')).toContainText(/New question below: .+/);
  // A radio chosen with the keyboard that reveals follow-ups: focus stays on it.
  await go(page, '/applicability');
  const yes = page.locator('fieldset[data-question="app.financial_impact"] input[value="yes"]');
  await yes.focus();
  await page.keyboard.press('Space');
  await expect(yes).toBeChecked();
  await expect(page.locator('fieldset[data-question="app.read_only"]')).toBeVisible();
  await expect(yes).toBeFocused();
  await expect(page.locator('[data-testid="announcer"]')).not.toBeEmpty();
  // Hiding it again does not move focus either.
  const no = page.locator('fieldset[data-question="app.financial_impact"] input[value="no"]');
  await no.focus();
  await page.keyboard.press('Space');
  await expect(page.locator('fieldset[data-question="app.read_only"]')).toHaveCount(0);
  await expect(no).toBeFocused();
});

test('every unanswered item on the review page links to its question', async ({ page }) => {
  await open(page, '/scope');
  await fill(page, 'scope.headcount', 20);
  await go(page, '/category/security');
  // One "not applicable" without a reason: it must be listed and linked too.
  const naQuestion = await page.locator('main fieldset[data-question]').first().getAttribute('data-question');
  await choose(page, naQuestion, 'na');
  await go(page, '/review');
  const links = page.locator('main a[data-question-link]');
  const items = await links.evaluateAll((as) => as.map((a) => ({ id: a.dataset.questionLink, href: a.getAttribute('href'), list: a.closest('ul').previousElementSibling.textContent })));
  // Every open item of every step is listed: the counts in the headings add up to the links.
  const said = await page.locator('main .review-step p').evaluateAll((ps) => ps.map((p) => p.textContent));
  const total = said.map((s) => Number((s.match(/^(\d+) (unanswered|marked not applicable)/) ?? [, 0])[1])).reduce((a, b) => a + b, 0);
  expect(items.length, 'one link per open item').toBe(total);
  for (const it of items) expect(it.href, it.id).toMatch(new RegExp(`^#/[^?]+\\?q=${it.id.replace(/\./g, '\\.')}$`));
  expect(items.some((it) => it.id === naQuestion && /not applicable/.test(it.list)), 'the reason-less "not applicable" is listed').toBe(true);
  // Following a link lands on the question with focus on its first control.
  for (const id of [items[0].id, naQuestion, items.at(-1).id]) {
    await go(page, '/review');
    await page.locator(`main a[data-question-link="${id}"]`).first().click();
    await expect(page.locator(`fieldset[data-question="${id}"]`)).toBeVisible();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('fieldset')?.dataset.question), { message: `focus on ${id}` }).toBe(id);
  }
});

test('unknown addresses say "page not found" with a way back, without console errors', async ({ page, log }) => {
  for (const route of ['/nope', '/results/extra', '/category/']) {
    await page.goto(`/#${route}`);
    await expect(page.locator('main h1')).toHaveText('Page not found');
    await expect(page.locator('main a', { hasText: 'Go to your assessments' })).toBeVisible();
  }
  // A fragment without its leading slash still works.
  await page.goto('/#results');
  await expect(page.locator('main h1')).toHaveText('Readiness results');
  expect(problems(log)).toEqual([]);
});
