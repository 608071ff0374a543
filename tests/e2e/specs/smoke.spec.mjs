// Smoke test of the app contract: load, reach the Security step, answer two
// questions and watch the live summary follow.
import { test, expect, problems } from '../lib/fixtures.mjs';
import { waitReady, text, num } from '../lib/app.mjs';

const answered = async (page) => {
  const m = (await text(page, '[data-testid="answered-count"]')).match(/(\d+)\s+of\s+(\d+)\s+answered/);
  expect(m, 'answered-count reads "N of M answered"').toBeTruthy();
  return Number(m[1]);
};

test('answering Security questions updates the live score', async ({ page, log }) => {
  await page.goto('/');
  await waitReady(page);
  await page.goto('/#/category/security');
  const questions = page.locator('fieldset[data-question]');
  await expect(questions.first()).toBeVisible({ timeout: 10_000 });
  expect(await questions.count(), 'the Security step shows at least two questions').toBeGreaterThanOrEqual(2);

  const score = page.locator('[data-testid="overall-score"]').first();
  await expect(score, 'no score before any answer').toHaveText('–');
  const before = await answered(page);
  // The parts split off the first screen arrive in the background; after that, nothing.
  await expect(page.locator('body[data-parts="loaded"]')).toHaveCount(1);
  const requestsAtLoad = log.requests.length;

  await questions.nth(0).locator('input[type=radio][value="evidenced"]').check();
  await expect.poll(() => text(page, '[data-testid="overall-score"]').then(num),
    { message: 'overall score 100 after one "evidenced"' }).toBe(100);
  await expect.poll(() => answered(page), { message: 'answered count went up by one' }).toBe(before + 1);

  await questions.nth(1).locator('input[type=radio][value="no"]').check();
  await expect.poll(() => text(page, '[data-testid="overall-score"]').then(num),
    { message: 'overall score below 100 after a "no"' }).toBeLessThan(100);
  await expect.poll(() => answered(page), { message: 'answered count went up by two' }).toBe(before + 2);

  // Everything runs in the browser: answering must not touch the network.
  expect(log.requests.slice(requestsAtLoad), 'no requests while answering').toEqual([]);
  expect(problems(log), 'no console errors or page errors').toEqual([]);
});
