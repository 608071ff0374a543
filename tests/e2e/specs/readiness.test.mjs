// Issue 3: answering Security questions moves the Security and overall scores
// to the values the questionnaire data implies, and the results page lists
// exactly the answered-but-not-evidenced questions as gaps, ranked by severity.
// Expectations come from questionnaires/security.toml and catalog.toml.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { withPage, closeBrowser, eventually, problems } from '../lib/browser.mjs';
import { open, go, text, num, choose, answeredCount, openGaps, gapIds } from '../lib/app.mjs';
import { controlQuestions, expectedScore, expectedGaps } from '../lib/catalog.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await closeBrowser(); await server?.close(); });

const security = controlQuestions('security');
const keys = security.filter((q) => q.key && !q.conditional);
const nonKeys = security.filter((q) => !q.key && !q.conditional);
const byWeight = (a, b) => a.weight - b.weight;
// A "no" on the lightest key control and "partial" on the heaviest non-key
// control: the ranking must still put the key control first.
const keyNo = [...keys].sort(byWeight)[0];
const heavyPartial = [...nonKeys].sort(byWeight).at(-1);
const others = nonKeys.filter((q) => q !== heavyPartial);
const keyImplemented = keys.find((q) => q !== keyNo);
// The answers in the order the test gives them.
const plan = [
  [others[0], 'evidenced'],
  [keyNo, 'no'],
  [heavyPartial, 'partial'],
  [keyImplemented, 'implemented'],
  [others[1], 'planned'],
  [others[2], 'na'],
];

test('Security answers move the category and overall scores as the weights say', async (t) => {
  await withPage(t, async ({ page, log }) => {
    await open(page, server.url, '/category/security');
    await page.locator('fieldset[data-question]').first().waitFor();
    assert.equal(await text(page, '[data-testid="overall-score"]'), '–', 'no score before any answer');
    assert.equal(await text(page, '[data-testid="category-score"]'), '–', 'no category score before any answer');
    const start = await answeredCount(page);
    assert.equal(start.answered, 0);
    assert.equal(start.applicable, security.filter((q) => !q.conditional).length, 'every Security question is applicable');

    const answers = {};
    for (const [q, option] of plan) {
      answers[q.id] = option;
      await choose(page, q.id, option);
      if (option === 'na') await page.locator(`[id="${q.id}--note"]`).fill('No such system in scope');
      const want = String(expectedScore(answers, security));
      const wantDesign = String(expectedScore(answers, security, 'design'));
      const what = `${Object.keys(answers).length} answers, last ${q.id}=${option} (weight ${q.weight})`;
      await eventually(() => text(page, '[data-testid="category-score"]'), (s) => s === want,
        { what: `Security score ${want} after ${what}` });
      // Only Security is in scope, so the overall score is the Security score.
      assert.equal(await text(page, '[data-testid="overall-score"]'), want, `overall score after ${what}`);
      const sub = await page.locator('.live-summary .sub', { hasText: 'design' }).first().textContent();
      assert.match(sub, new RegExp(`design ${wantDesign} · operating ${want}`), `design/operating split after ${what}`);
      assert.equal((await answeredCount(page)).answered, Object.keys(answers).length, `answered count after ${what}`);
      assert.equal(await openGaps(page), expectedGaps(answers, security).length, `open gaps after ${what}`);
    }

    // For a Type II, a key control counts as a gap until it runs with evidence over
    // time: the "no" and the "implemented" key controls both cap the category's band.
    const keyGapNote = page.locator('.live-summary .warning');
    assert.match(await keyGapNote.textContent(), /2 key control gap/, 'the key "no" and "implemented" are reported as capping the band');
    const band = await text(page, '.live-summary .band');
    assert.notEqual(band, 'Audit-ready');

    // Not applicable leaves the denominator: the score equals the score without it.
    const withoutNa = Object.fromEntries(Object.entries(answers).filter(([, o]) => o !== 'na'));
    assert.equal(String(expectedScore(withoutNa, security)), await text(page, '[data-testid="category-score"]'));

    // The results page: same score, and exactly the not-evidenced answers as gaps, ranked.
    await page.locator('nav[aria-label="Assessment steps"] a[href="#/results"]').click();
    await page.locator('[data-testid="gap-list"]').waitFor();
    assert.equal(await text(page, '[data-testid="results-overall"]'), String(expectedScore(answers, security)));
    const gaps = expectedGaps(answers, security);
    const shown = await gapIds(page);
    assert.deepEqual([...shown].sort(), gaps.map((g) => g.id).sort(), 'gap list = answered-but-not-evidenced questions');
    assert.deepEqual(shown, gaps.map((g) => g.id), 'gaps ranked by severity (weight x key x shortfall)');
    assert.ok(shown.indexOf(keyNo.id) < shown.indexOf(heavyPartial.id),
      `"no" on key control ${keyNo.id} (weight ${keyNo.weight}) ranks above "partial" on ${heavyPartial.id} (weight ${heavyPartial.weight})`);
    assert.ok(!shown.includes(others[0].id), 'an evidenced answer is not a gap');
    assert.ok(!shown.includes(others[2].id), 'a not-applicable answer is not a gap');
    assert.match(await text(page, '#gaps-title'), new RegExp(`\\(${gaps.length}\\)`));
    assert.match(await page.locator(`li[data-gap="${keyNo.id}"] .gap-meta`).textContent(), /Answer: No/);

    // Key controls only.
    await page.locator('#gap-key-only').check();
    const keyOnly = gaps.filter((g) => g.key).map((g) => g.id);
    await eventually(() => gapIds(page), (ids) => JSON.stringify(ids) === JSON.stringify(keyOnly),
      { what: `key-only gap list ${JSON.stringify(keyOnly)}` });
    assert.ok(!(await gapIds(page)).includes(heavyPartial.id), 'the non-key gap is hidden');
    await page.locator('#gap-key-only').uncheck();
    await eventually(() => gapIds(page), (ids) => ids.length === gaps.length, { what: 'all gaps back' });

    assert.deepEqual(problems(log), [], 'no console errors or page errors');
  });
});

test('the live score follows a changed answer and a cleared one', async (t) => {
  await withPage(t, async ({ page }) => {
    await open(page, server.url, '/category/security');
    const [a, b] = [keys[0], nonKeys[0]];
    await choose(page, a.id, 'evidenced');
    await choose(page, b.id, 'no');
    const both = { [a.id]: 'evidenced', [b.id]: 'no' };
    await eventually(() => text(page, '[data-testid="category-score"]'), (s) => s === String(expectedScore(both, security)),
      { what: 'score with one evidenced and one no' });
    await choose(page, b.id, 'implemented');
    both[b.id] = 'implemented';
    await eventually(() => text(page, '[data-testid="category-score"]'), (s) => s === String(expectedScore(both, security)),
      { what: 'score after improving the "no" to "implemented"' });
    await page.locator(`fieldset[data-question="${b.id}"] button`, { hasText: 'Clear answer' }).click();
    await eventually(() => text(page, '[data-testid="category-score"]'), (s) => num(s) === 100,
      { what: 'score 100 after clearing the only non-evidenced answer' });
    assert.equal((await answeredCount(page)).answered, 1);
    await go(page, '/results');
    assert.deepEqual(await gapIds(page), [], 'no gaps once only evidenced answers remain');
  });
});
