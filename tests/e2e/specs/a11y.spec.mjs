// Issue 5: WCAG 2.2 AA. axe-core on every step (all five categories in scope)
// in every project (375 px and 1280 px, light and dark), failing on any
// violation; a screenshot of each step at each size and scheme in
// artifacts/screens/; and a keyboard check on the Security step.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, problems, screen } from '../lib/fixtures.mjs';
import { open, go, text, num, choose, tick, fill, answeredCount } from '../lib/app.mjs';
import { controlQuestions } from '../lib/catalog.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const AXE = path.resolve(here, '../node_modules/axe-core/axe.min.js');
const SCREENS = path.resolve(here, '../artifacts/screens');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const STEPS = [
  ['welcome', '/'],
  ['scope', '/scope'],
  ['applicability', '/applicability'],
  ['security', '/category/security'],
  ['availability', '/category/availability'],
  ['confidentiality', '/category/confidentiality'],
  ['processing_integrity', '/category/processing_integrity'],
  ['privacy', '/category/privacy'],
  ['review', '/review'],
  ['results', '/results'],
];

/** Enough answers that every step shows its states: decision, warnings, gaps, key badges, deadline. */
async function seed(page) {
  await open(page, '/scope');
  await fill(page, 'scope.company_name', 'Contrast Check Inc');
  await fill(page, 'scope.headcount', 120);
  await fill(page, 'scope.systems', 5);
  await fill(page, 'scope.subservice_count', 2);
  await choose(page, 'scope.subservice_method', 'inclusive');
  await tick(page, 'scope.data_kinds', ['customer_confidential']);
  await choose(page, 'scope.deadline', '6m');
  await go(page, '/applicability');
  await choose(page, 'app.financial_impact', 'unsure'); // shows the conditional read-only question
  await choose(page, 'app.sla', 'yes');
  await choose(page, 'app.fiscal_gap', 'yes');
  // Every category in scope, so every category step is checked.
  await choose(page, 'app.processing_critical', 'yes');
  await choose(page, 'app.personal_data_controller', 'yes');
  await go(page, '/category/security');
  const qs = controlQuestions('security');
  const opts = ['no', 'partial', 'implemented', 'evidenced', 'planned', 'no'];
  for (const [i, q] of qs.slice(0, opts.length).entries()) await choose(page, q.id, opts[i]);
  await choose(page, qs[opts.length].id, 'na'); // not applicable without a reason: the warning state
}

/** Runs axe-core on the current document; returns readable lines, one per violation. */
async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.addScriptTag({ path: AXE });
  // Sections off screen skip layout (content-visibility: auto) and keep a placeholder
  // height, so axe would measure targets the browser has not laid out yet. A user only
  // ever sees laid-out questions: measure those.
  await page.addStyleTag({ content: '.q-section { content-visibility: visible !important; }' });
  const violations = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
      targets: v.nodes.slice(0, 4).map((n) => n.target.join(' ')),
      summary: (v.nodes[0]?.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 240),
    }));
  }, TAGS);
  return violations.map((v) => `${v.id} (${v.impact}, ${v.count} node${v.count === 1 ? '' : 's'}): ${v.help}\n`
    + `      targets: ${v.targets.join(' | ')}\n      first: ${v.summary}`);
}

/**
 * WCAG 1.4.10 Reflow: at phone width nothing may stick out of the viewport
 * and make the page scroll sideways. Returns the outermost offenders
 * (the step list, which scrolls within itself on phones, is exempt).
 */
async function sideways(page) {
  return page.evaluate(() => {
    const de = document.documentElement;
    const vw = de.clientWidth;
    if (de.scrollWidth <= vw) return [];
    const describe = (el) => el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '')
      + (typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '');
    const sticksOut = (el) => el.getBoundingClientRect().right > vw + 1;
    const clipsX = (el) => ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(el).overflowX) && !sticksOut(el);
    const out = [];
    for (const el of document.querySelectorAll('body *')) {
      if (!sticksOut(el) || (el.parentElement && sticksOut(el.parentElement) && el.parentElement !== document.body)) continue;
      let a = el.parentElement, clipped = false;
      for (; a && a !== document.body; a = a.parentElement) if (clipsX(a)) { clipped = true; break; }
      if (!clipped) {
        const r = el.getBoundingClientRect();
        out.push(`${describe(el)} (in ${describe(el.parentElement)}): ${Math.round(r.width)}px wide, right edge at ${Math.round(r.right)}px`);
      }
    }
    return [`page is ${de.scrollWidth}px wide in a ${vw}px viewport`, ...out.slice(0, 6)];
  });
}

test.describe(() => {
  // Lets axe-core be injected past the app's strict CSP.
  test.use({ bypassCSP: true });

  // One run per project: 375 and 1280 px, light and dark. Each step is checked in
  // its own test step with soft assertions, so one failing step does not hide the next.
  test('axe-core finds no WCAG 2.2 A/AA violations @every-project', async ({ page, log }, testInfo) => {
    test.slow(true, 'ten steps, each with axe-core and a full-page screenshot: 20-60 s on two cores');
    const { width, scheme } = screen(page, testInfo);
    await mkdir(SCREENS, { recursive: true });
    await seed(page);
    for (const [step, route] of STEPS) {
      await test.step(`${step} (${width}px, ${scheme})`, async () => {
        await go(page, route);
        if (step === 'results') {
          // Open the disclosures so their controls are checked too.
          await page.locator('main details').evaluateAll((ds) => ds.forEach((d) => { d.open = true; }));
        }
        if (step === 'security') await page.locator('main details.help').first().evaluate((d) => { d.open = true; });
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: path.join(SCREENS, `${step}-${width}-${scheme}.png`), fullPage: true });
        const found = await axe(page);
        expect.soft(found, `axe violations on ${step} at ${width}px ${scheme}:\n    ${found.join('\n    ')}`).toEqual([]);
        if (width < 400) {
          const wide = await sideways(page);
          expect.soft(wide, `${step} scrolls sideways at ${width}px ${scheme} (WCAG 1.4.10 Reflow):\n    ${wide.join('\n    ')}`).toEqual([]);
        }
      });
    }
    expect(problems(log), 'no console errors or page errors').toEqual([]);
  });
});

/** What has focus: tag, type, id and whether its outline is drawn. */
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  const cs = el && getComputedStyle(el);
  return el && {
    tag: el.tagName.toLowerCase(), type: el.getAttribute('type'), id: el.id, name: el.getAttribute('name'),
    value: el.value, text: (el.textContent ?? '').trim().slice(0, 40),
    question: el.closest('fieldset[data-question]')?.dataset.question ?? null,
    outlineStyle: cs.outlineStyle, outlineWidth: parseFloat(cs.outlineWidth), matchesFocusVisible: el.matches(':focus-visible'),
    inView: (() => { const r = el.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth; })(),
  };
});

const expectVisibleFocus = (f, what) => {
  expect(f.outlineStyle !== 'none' && f.outlineWidth > 0,
    `${what}: focused <${f.tag}${f.id ? ` id=${f.id}` : ''}> has a visible outline (outline-style ${f.outlineStyle}, width ${f.outlineWidth})`).toBe(true);
};

test('keyboard: Tab reaches the first Security answer, Space and arrows answer, focus is visible @every-project', async ({ page, log }, testInfo) => {
  await open(page, '/category/security');
  const first = controlQuestions('security')[0];
  await expect(page.locator('fieldset[data-question]').first()).toBeVisible();

  // The first Tab from the top of the page lands on the skip link, which becomes visible.
  await page.keyboard.press('Tab');
  const skip = await focused(page);
  expect(skip.text, 'the first Tab stop is the skip link').toBe('Skip to content');
  expectVisibleFocus(skip, 'skip link');
  expect(skip.inView, 'the focused skip link is on screen').toBe(true);

  const seen = [];
  let f = skip;
  for (let i = 0; i < 60 && !(f.tag === 'input' && f.type === 'radio'); i++) {
    await page.keyboard.press('Tab');
    f = await focused(page);
    seen.push(`${f.tag}${f.type ? `[${f.type}]` : ''}${f.id ? `#${f.id}` : ''} "${f.text}"`);
    expectVisibleFocus(f, `Tab stop ${i + 2}`);
  }
  expect(f.type, `Tab reaches a radio; stops were:\n  ${seen.join('\n  ')}`).toBe('radio');
  expect(f.question, 'the first radio reached belongs to the first question').toBe(first.id);
  expect(f.inView, 'the focused radio is scrolled into view').toBe(true);
  testInfo.annotations.push({ type: 'tab presses', description: `first answer reached after ${seen.length + 1} Tab presses` });
  expect(seen.length, `the first answer is reached in at most 20 Tab presses (took ${seen.length})`).toBeLessThanOrEqual(20);

  // Space selects the focused option, and the figures follow.
  await page.keyboard.press('Space');
  await expect.poll(() => focused(page).then((x) => x.value), { message: 'focus stays on the option' }).toBe(f.value);
  await expect(page.locator(`fieldset[data-question="${first.id}"] input[value="${f.value}"]`), `Space checks ${f.value}`).toBeChecked();
  await expect.poll(() => answeredCount(page).then((c) => c.answered), { message: 'one answer after Space' }).toBe(1);
  expectVisibleFocus(await focused(page), 'after Space');
  const scoreAfterSpace = num(await text(page, '[data-testid="category-score"]'));

  // Arrow keys move the selection within the group.
  await page.keyboard.press('ArrowDown');
  let moved;
  await expect.poll(async () => {
    moved = await focused(page);
    return { question: moved.question, movedOn: moved.value !== f.value };
  }, { message: 'ArrowDown moves to the next option' }).toEqual({ question: first.id, movedOn: true });
  await expect(page.locator(`fieldset[data-question="${first.id}"] input[value="${moved.value}"]`), `ArrowDown checks ${moved.value}`).toBeChecked();
  expectVisibleFocus(moved, 'after ArrowDown');
  await expect.poll(() => text(page, '[data-testid="category-score"]').then(num),
    { message: `score changes from ${scoreAfterSpace} after ArrowDown` }).not.toBe(scoreAfterSpace);
  expect((await answeredCount(page)).answered, 'still one answered question').toBe(1);
  await page.keyboard.press('ArrowUp');
  await expect(page.locator(`fieldset[data-question="${first.id}"] input[value="${f.value}"]`), 'ArrowUp moves back').toBeChecked();

  // Tab leaves the radio group for the next control in the question (the help disclosure).
  await page.keyboard.press('Tab');
  const next = await focused(page);
  expect(next.type, 'one Tab leaves the radio group').not.toBe('radio');
  expectVisibleFocus(next, 'after leaving the radio group');

  expect(problems(log), 'no console errors or page errors').toEqual([]);
});

test('answering a question that reveals a follow-up keeps the keyboard focus on it @every-project', async ({ page, log }) => {
  await open(page, '/applicability');
  const unsure = page.locator('fieldset[data-question="app.financial_impact"] input[value="unsure"]');
  await unsure.focus();
  await page.keyboard.press('Space');
  await expect(page.locator('fieldset[data-question="app.read_only"]')).toBeVisible();
  expect(await unsure.evaluate((el) => el === document.activeElement), 'focus stays on the answer given').toBe(true);
  // The new question is announced politely.
  const announcer = page.locator('[data-testid="announcer"]');
  await expect(announcer).toHaveAttribute('aria-live', 'polite');
  const followUp = await text(page, 'fieldset[data-question="app.read_only"] legend');
  await expect(announcer, 'the follow-up announced').toContainText(followUp.replace(/Key control$/, '').trim());
  // Hiding the follow-up again keeps it too.
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('fieldset[data-question="app.read_only"]'), 'follow-up hidden').toHaveCount(0);
  expect(await page.evaluate(() => document.activeElement?.closest('fieldset[data-question]')?.dataset.question), 'focus stays in the question').toBe('app.financial_impact');
  expect(problems(log), 'no console errors').toEqual([]);
});

test('"Check your answers" links every unanswered question to the question itself @every-project', async ({ page, log }) => {
  await open(page, '/category/security');
  const qs = controlQuestions('security');
  await choose(page, qs[0].id, 'evidenced');
  await choose(page, qs[1].id, 'na'); // not applicable, no reason given
  await go(page, '/review');
  const links = page.locator('section[aria-labelledby="review-security"] a[data-question-link]');
  const unconditional = qs.filter((q) => !q.conditional).length;
  const linked = await links.count();
  expect(linked, `every unanswered Security question is linked (${linked})`).toBeGreaterThanOrEqual(unconditional - 1);
  const naLink = page.locator(`section[aria-labelledby="review-security"] a[data-question-link="${qs[1].id}"]`);
  await expect(naLink, 'the not-applicable-without-reason question is linked').toHaveCount(1);
  const target = qs[5].id;
  await page.locator(`a[data-question-link="${target}"]`).click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('fieldset')?.dataset.question),
    { message: `focus on ${target}` }).toBe(target);
  await expect(page.locator(`fieldset[data-question="${target}"]`), 'the question is on screen').toBeVisible();
  expect(problems(log), 'no console errors').toEqual([]);
});
