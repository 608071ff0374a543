// Issue 5: WCAG 2.2 AA. axe-core on every step (all five categories in scope) at 375 px and 1280 px, light
// and dark, failing on any violation; a screenshot of each step at each size
// and scheme in artifacts/screens/; and a keyboard check on the Security step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../lib/server.mjs';
import { withPage, closeBrowser, eventually, problems, ARTIFACTS } from '../lib/browser.mjs';
import { open, go, text, num, choose, tick, fill, answeredCount } from '../lib/app.mjs';
import { controlQuestions } from '../lib/catalog.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const AXE = path.resolve(here, '../node_modules/axe-core/axe.min.js');
const SCREENS = path.join(ARTIFACTS, 'screens');
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

let server;
before(async () => { server = await startServer(); await mkdir(SCREENS, { recursive: true }); });
after(async () => { await closeBrowser(); await server?.close(); });

/** Enough answers that every step shows its states: decision, warnings, gaps, key badges, deadline. */
async function seed(page) {
  await open(page, server.url, '/scope');
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

for (const width of [375, 1280]) {
  for (const scheme of ['light', 'dark']) {
    test(`axe-core finds no WCAG 2.2 A/AA violations at ${width}px, ${scheme}`, async (t) => {
      await withPage(t, async ({ page, log }) => {
        await seed(page);
        for (const [step, route] of STEPS) {
          await t.test(`${step} (${width}px, ${scheme})`, async () => {
            await go(page, route);
            if (step === 'results') {
              // Open the disclosures so their controls are checked too.
              await page.locator('main details').evaluateAll((ds) => ds.forEach((d) => { d.open = true; }));
            }
            if (step === 'security') await page.locator('main details.help').first().evaluate((d) => { d.open = true; });
            await page.evaluate(() => window.scrollTo(0, 0));
            await page.screenshot({ path: path.join(SCREENS, `${step}-${width}-${scheme}.png`), fullPage: true });
            const found = await axe(page);
            assert.ok(found.length === 0, `axe violations on ${step} at ${width}px ${scheme}:\n    ${found.join('\n    ')}`);
            if (width < 400) {
              const wide = await sideways(page);
              assert.ok(wide.length === 0, `${step} scrolls sideways at ${width}px ${scheme} (WCAG 1.4.10 Reflow):\n    ${wide.join('\n    ')}`);
            }
          });
        }
        assert.deepEqual(problems(log), [], 'no console errors or page errors');
      }, { width, colorScheme: scheme, bypassCSP: true });
    });
  }
}

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

const assertVisibleFocus = (f, what) => {
  assert.ok(f.outlineStyle !== 'none' && f.outlineWidth > 0,
    `${what}: focused <${f.tag}${f.id ? ` id=${f.id}` : ''}> has a visible outline (outline-style ${f.outlineStyle}, width ${f.outlineWidth})`);
};

test('keyboard: Tab reaches the first Security answer, Space and arrows answer, focus is visible', async (t) => {
  await withPage(t, async ({ page, log }) => {
    await open(page, server.url, '/category/security');
    const first = controlQuestions('security')[0];
    await page.locator('fieldset[data-question]').first().waitFor();

    // The first Tab from the top of the page lands on the skip link, which becomes visible.
    await page.keyboard.press('Tab');
    const skip = await focused(page);
    assert.equal(skip.text, 'Skip to content', 'the first Tab stop is the skip link');
    assertVisibleFocus(skip, 'skip link');
    assert.ok(skip.inView, 'the focused skip link is on screen');

    const seen = [];
    let f = skip;
    for (let i = 0; i < 60 && !(f.tag === 'input' && f.type === 'radio'); i++) {
      await page.keyboard.press('Tab');
      f = await focused(page);
      seen.push(`${f.tag}${f.type ? `[${f.type}]` : ''}${f.id ? `#${f.id}` : ''} "${f.text}"`);
      assertVisibleFocus(f, `Tab stop ${i + 2}`);
    }
    assert.equal(f.type, 'radio', `Tab reaches a radio; stops were:\n  ${seen.join('\n  ')}`);
    assert.equal(f.question, first.id, 'the first radio reached belongs to the first question');
    assert.ok(f.inView, 'the focused radio is scrolled into view');
    t.diagnostic(`first answer reached after ${seen.length + 1} Tab presses`);
    assert.ok(seen.length <= 20, `the first answer is reached in at most 20 Tab presses (took ${seen.length})`);

    // Space selects the focused option, and the figures follow.
    await page.keyboard.press('Space');
    await eventually(() => focused(page), (x) => x.value === f.value, { what: 'focus stays on the option' });
    assert.ok(await page.locator(`[id="${first.id}--${f.value}"]`).isChecked(), `Space checks ${f.value}`);
    await eventually(() => answeredCount(page), (c) => c.answered === 1, { what: 'one answer after Space' });
    assertVisibleFocus(await focused(page), 'after Space');
    const scoreAfterSpace = num(await text(page, '[data-testid="category-score"]'));

    // Arrow keys move the selection within the group.
    await page.keyboard.press('ArrowDown');
    const moved = await eventually(() => focused(page), (x) => x.value !== f.value && x.question === first.id,
      { what: 'ArrowDown moves to the next option' });
    assert.ok(await page.locator(`[id="${first.id}--${moved.value}"]`).isChecked(), `ArrowDown checks ${moved.value}`);
    assertVisibleFocus(moved, 'after ArrowDown');
    await eventually(() => text(page, '[data-testid="category-score"]').then(num), (s) => s !== scoreAfterSpace,
      { what: `score changes from ${scoreAfterSpace} after ArrowDown` });
    assert.equal((await answeredCount(page)).answered, 1, 'still one answered question');
    await page.keyboard.press('ArrowUp');
    await eventually(() => page.locator(`[id="${first.id}--${f.value}"]`).isChecked(), Boolean, { what: 'ArrowUp moves back' });

    // Tab leaves the radio group for the next control in the question (the help disclosure).
    await page.keyboard.press('Tab');
    const next = await focused(page);
    assert.notEqual(next.type, 'radio', 'one Tab leaves the radio group');
    assertVisibleFocus(next, 'after leaving the radio group');

    assert.deepEqual(problems(log), [], 'no console errors or page errors');
  });
});

test('answering a question that reveals a follow-up keeps the keyboard focus on it', async (t) => {
  await withPage(t, async ({ page, log }) => {
    await open(page, server.url, '/applicability');
    const unsure = page.locator('[id="app.financial_impact--unsure"]');
    await unsure.focus();
    await page.keyboard.press('Space');
    await page.locator('fieldset[data-question="app.read_only"]').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'app.financial_impact--unsure', 'focus stays on the answer given');
    // The new question is announced politely.
    const announcer = page.locator('[data-testid="announcer"]');
    assert.equal(await announcer.getAttribute('aria-live'), 'polite');
    const followUp = await text(page, 'fieldset[data-question="app.read_only"] legend');
    await eventually(() => announcer.textContent(), (s) => s.includes(followUp.replace(/Key control$/, '').trim()), { what: 'the follow-up announced' });
    // Hiding the follow-up again keeps it too.
    await page.keyboard.press('ArrowUp');
    await eventually(() => page.locator('fieldset[data-question="app.read_only"]').count(), (n) => n === 0, { what: 'follow-up hidden' });
    assert.match(await page.evaluate(() => document.activeElement?.id), /^app\.financial_impact--/, 'focus stays in the question');
    assert.deepEqual(problems(log), [], 'no console errors');
  });
});

test('"Check your answers" links every unanswered question to the question itself', async (t) => {
  await withPage(t, async ({ page, log }) => {
    await open(page, server.url, '/category/security');
    const qs = controlQuestions('security');
    await choose(page, qs[0].id, 'evidenced');
    await choose(page, qs[1].id, 'na'); // not applicable, no reason given
    await go(page, '/review');
    const links = page.locator('section[aria-labelledby="review-security"] a[data-question-link]');
    const unconditional = qs.filter((q) => !q.conditional).length;
    assert.ok(await links.count() >= unconditional - 1, `every unanswered Security question is linked (${await links.count()})`);
    const naLink = page.locator(`section[aria-labelledby="review-security"] a[data-question-link="${qs[1].id}"]`);
    assert.equal(await naLink.count(), 1, 'the not-applicable-without-reason question is linked');
    const target = qs[5].id;
    await page.locator(`a[data-question-link="${target}"]`).click();
    await eventually(() => page.evaluate(() => document.activeElement?.closest('fieldset')?.dataset.question), (id) => id === target,
      { what: `focus on ${target}` });
    assert.ok(await page.locator(`fieldset[data-question="${target}"]`).isVisible(), 'the question is on screen');
    assert.deepEqual(problems(log), [], 'no console errors');
  });
});
