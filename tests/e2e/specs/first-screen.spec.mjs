// Issue 13: a step draws the sections of its first screen before the first
// paint and the rest in the frame after, so opening the Security step does not
// wait for a hundred questions nobody can see yet. The later sections are added
// after the first ones, never in their place, and a link to one question draws
// the whole step at once so that question can take the focus.
import { test, expect } from '../lib/fixtures.mjs';
import { open, choose } from '../lib/app.mjs';
import { controlQuestions } from '../lib/catalog.mjs';

/** Notes, in the page, what the step held when the app said it was ready. */
function noteFirstScreen() {
  new MutationObserver((_, obs) => {
    if (document.body?.dataset.ready !== 'true') return;
    obs.disconnect();
    const shown = document.querySelectorAll('.sections fieldset[data-question]');
    window.__atReady = {
      questions: shown.length,
      drawn: document.querySelector('.sections')?.dataset.drawn,
      focused: document.activeElement?.closest('fieldset')?.dataset.question ?? null,
    };
    if (shown[0]) shown[0].dataset.firstScreen = 'kept';
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
}

test('the Security step draws its first screen first, then the rest after it, in order', async ({ page }) => {
  await page.addInitScript(noteFirstScreen);
  await open(page, '/category/security');
  const at = await page.evaluate(() => window.__atReady);
  expect(at.drawn, 'only part of the step is drawn when the app is ready').toBe('part');
  expect(at.questions, 'enough questions for a first screen').toBeGreaterThanOrEqual(6);
  const ids = await page.locator('.sections fieldset[data-question]').evaluateAll((fs) => fs.map((f) => f.dataset.question));
  expect(at.questions, 'the rest follows').toBeLessThan(ids.length);
  // Every question a new assessment shows on the step, in the questionnaire's order.
  expect(ids, 'the whole step, in order').toEqual(controlQuestions('security').filter((q) => !q.conditional).map((q) => q.id));
  // The first screen's questions are the same elements: added to, never replaced.
  await expect(page.locator('.sections fieldset[data-question]').first()).toHaveAttribute('data-first-screen', 'kept');
  // And they work like any other.
  const last = ids[ids.length - 1];
  await choose(page, last, 'implemented');
  await choose(page, ids[0], 'partial');
});

test('a link to one question draws the whole step at once and puts the focus on it', async ({ page }) => {
  await page.addInitScript(noteFirstScreen);
  const questions = controlQuestions('security').filter((q) => !q.conditional);
  const target = questions[questions.length - 1].id;
  await open(page, `/category/security?q=${target}`);
  const at = await page.evaluate(() => window.__atReady);
  expect(at.drawn, 'nothing is left for later').toBe('all');
  await expect(page.locator(`fieldset[data-question="${target}"] input`).first()).toBeFocused();
  await expect(page.locator(`fieldset[data-question="${target}"]`)).toBeInViewport();
});
