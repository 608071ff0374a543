// Issue 3: answering Security questions moves the Security and overall scores
// to the values the questionnaire data implies, and the results page lists
// exactly the answered-but-not-evidenced questions as gaps, ranked by severity.
// Expectations come from questionnaires/security.toml and catalog.toml.
import { test, expect, problems } from '../lib/fixtures.mjs';
import { open, go, first, text, num, choose, answeredCount, openGaps, gapIds } from '../lib/app.mjs';
import { controlQuestions, expectedScore, expectedGaps } from '../lib/catalog.mjs';

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

const gapItems = (page) => page.locator('[data-testid="gap-list"] li[data-gap]');

test('Security answers move the category and overall scores as the weights say', async ({ page, log }) => {
  await open(page, '/category/security');
  await expect(page.locator('fieldset[data-question]').first()).toBeVisible();
  await expect(first(page, '[data-testid="overall-score"]'), 'no score before any answer').toHaveText('–');
  await expect(first(page, '[data-testid="category-score"]'), 'no category score before any answer').toHaveText('–');
  const start = await answeredCount(page);
  expect(start.answered).toBe(0);
  expect(start.applicable, 'every Security question is applicable').toBe(security.filter((q) => !q.conditional).length);

  const answers = {};
  for (const [q, option] of plan) {
    answers[q.id] = option;
    await choose(page, q.id, option);
    if (option === 'na') await page.locator(`[id="${q.id}--note"]`).fill('No such system in scope');
    const want = String(expectedScore(answers, security));
    const wantDesign = String(expectedScore(answers, security, 'design'));
    const what = `${Object.keys(answers).length} answers, last ${q.id}=${option} (weight ${q.weight})`;
    await expect(first(page, '[data-testid="category-score"]'), `Security score ${want} after ${what}`).toHaveText(want);
    // Only Security is in scope, so the overall score is the Security score.
    await expect(first(page, '[data-testid="overall-score"]'), `overall score after ${what}`).toHaveText(want);
    await expect(page.locator('.live-summary .sub', { hasText: 'design' }).first(), `design/operating split after ${what}`)
      .toHaveText(new RegExp(`design ${wantDesign} · operating ${want}`));
    await expect.poll(() => answeredCount(page).then((c) => c.answered), { message: `answered count after ${what}` }).toBe(Object.keys(answers).length);
    await expect.poll(() => openGaps(page), { message: `open gaps after ${what}` }).toBe(expectedGaps(answers, security).length);
  }

  // For a Type II, a key control counts as a gap until it runs with evidence over
  // time: the "no" and the "implemented" key controls both cap the category's band.
  const keyGapNote = page.locator('.live-summary .warning');
  await expect(keyGapNote, 'the key "no" and "implemented" are reported as capping the band').toHaveText(/2 key control gap/);
  expect(await text(page, '.live-summary .band')).not.toBe('Audit-ready');

  // Not applicable leaves the denominator: the score equals the score without it.
  const withoutNa = Object.fromEntries(Object.entries(answers).filter(([, o]) => o !== 'na'));
  await expect(first(page, '[data-testid="category-score"]')).toHaveText(String(expectedScore(withoutNa, security)));

  // The results page: same score, and exactly the not-evidenced answers as gaps, ranked.
  await page.locator('nav[aria-label="Assessment steps"] a[href="#/results"]').click();
  await expect(page.locator('[data-testid="gap-list"]')).toBeVisible();
  await expect(first(page, '[data-testid="results-overall"]')).toHaveText(String(expectedScore(answers, security)));
  const gaps = expectedGaps(answers, security);
  const shown = await gapIds(page);
  expect([...shown].sort(), 'gap list = answered-but-not-evidenced questions').toEqual(gaps.map((g) => g.id).sort());
  expect(shown, 'gaps ranked by severity (weight x key x shortfall)').toEqual(gaps.map((g) => g.id));
  expect(shown.indexOf(keyNo.id) < shown.indexOf(heavyPartial.id),
    `"no" on key control ${keyNo.id} (weight ${keyNo.weight}) ranks above "partial" on ${heavyPartial.id} (weight ${heavyPartial.weight})`).toBe(true);
  expect(shown, 'an evidenced answer is not a gap').not.toContain(others[0].id);
  expect(shown, 'a not-applicable answer is not a gap').not.toContain(others[2].id);
  await expect(first(page, '#gaps-title')).toHaveText(new RegExp(`\\(${gaps.length}\\)`));
  await expect(page.locator(`li[data-gap="${keyNo.id}"] .gap-meta`)).toHaveText(/Answer: No/);

  // Key controls only.
  await page.locator('#gap-key-only').check();
  const keyOnly = gaps.filter((g) => g.key).map((g) => g.id);
  await expect.poll(() => gapIds(page), { message: `key-only gap list ${JSON.stringify(keyOnly)}` }).toEqual(keyOnly);
  expect(await gapIds(page), 'the non-key gap is hidden').not.toContain(heavyPartial.id);
  await page.locator('#gap-key-only').uncheck();
  await expect(gapItems(page), 'all gaps back').toHaveCount(gaps.length);

  expect(problems(log), 'no console errors or page errors').toEqual([]);
});

test('the live score follows a changed answer and a cleared one', async ({ page }) => {
  await open(page, '/category/security');
  const [a, b] = [keys[0], nonKeys[0]];
  await choose(page, a.id, 'evidenced');
  await choose(page, b.id, 'no');
  const both = { [a.id]: 'evidenced', [b.id]: 'no' };
  const score = first(page, '[data-testid="category-score"]');
  await expect(score, 'score with one evidenced and one no').toHaveText(String(expectedScore(both, security)));
  await choose(page, b.id, 'implemented');
  both[b.id] = 'implemented';
  await expect(score, 'score after improving the "no" to "implemented"').toHaveText(String(expectedScore(both, security)));
  await page.locator(`fieldset[data-question="${b.id}"] button`, { hasText: 'Clear answer' }).click();
  await expect.poll(() => text(page, '[data-testid="category-score"]').then(num),
    { message: 'score 100 after clearing the only non-evidenced answer' }).toBe(100);
  expect((await answeredCount(page)).answered).toBe(1);
  await go(page, '/results');
  expect(await gapIds(page), 'no gaps once only evidenced answers remain').toEqual([]);
});
