// Smoke test of the app contract: load, reach the Security step, answer two
// questions and watch the live summary follow.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { withPage, closeBrowser, waitReady, eventually, problems } from '../lib/browser.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await closeBrowser(); await server?.close(); });

const text = (page, sel) => page.locator(sel).first().textContent({ timeout: 5_000 }).then((s) => s.trim());
// "100", "87.5%" -> number; "–" (nothing answered) -> NaN.
const num = (s) => Number((s.match(/-?\d+(?:\.\d+)?/) ?? [NaN])[0]);
const answered = async (page) => {
  const m = (await text(page, '[data-testid="answered-count"]')).match(/(\d+)\s+of\s+(\d+)\s+answered/);
  assert.ok(m, 'answered-count reads "N of M answered"');
  return Number(m[1]);
};

test('answering Security questions updates the live score', async (t) => {
  await withPage(t, async ({ page, log }) => {
    await page.goto(server.url + '/');
    await waitReady(page);
    await page.goto(server.url + '/#/category/security');
    const questions = page.locator('fieldset[data-question]');
    await questions.first().waitFor({ timeout: 10_000 });
    assert.ok(await questions.count() >= 2, 'the Security step shows at least two questions');

    assert.equal(await text(page, '[data-testid="overall-score"]'), '–', 'no score before any answer');
    const before = await answered(page);
    const requestsAtLoad = log.requests.length;

    await questions.nth(0).locator('input[type=radio][value="evidenced"]').check();
    await eventually(() => text(page, '[data-testid="overall-score"]'), (s) => num(s) === 100,
      { what: 'overall score 100 after one "evidenced"' });
    assert.equal(await answered(page), before + 1, 'answered count went up by one');

    await questions.nth(1).locator('input[type=radio][value="no"]').check();
    await eventually(() => text(page, '[data-testid="overall-score"]'), (s) => num(s) < 100,
      { what: 'overall score below 100 after a "no"' });
    assert.equal(await answered(page), before + 2, 'answered count went up by two');

    // Everything runs in the browser: answering must not touch the network.
    assert.deepEqual(log.requests.slice(requestsAtLoad), [], 'no requests while answering');
    assert.deepEqual(problems(log), [], 'no console errors or page errors');
  });
});
