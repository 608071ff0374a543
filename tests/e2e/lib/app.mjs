// Page helpers shared by the specs: reading figures and answering questions
// through the app's DOM contract (see the README of the e2e harness / specs).
// Every helper that changes the page waits, with Playwright's auto-waiting
// expect, until the page shows the change.
import { readFile } from 'node:fs/promises';
import { expect } from '@playwright/test';

/** The first match of a selector. */
export const first = (page, sel) => page.locator(sel).first();

/** Trimmed text of the first match (waits up to 5 s for it to exist). */
export const text = (page, sel) => first(page, sel).textContent({ timeout: 5_000 }).then((s) => s.trim());

/** "100", "87.5%" -> number; "–" (nothing answered) -> NaN. */
export const num = (s) => Number((String(s).match(/-?\d+(?:\.\d+)?/) ?? [NaN])[0]);

/** "$45,500" -> 45500. The first amount in the text. */
export const money = (s) => Number((String(s).match(/\$(-?[\d,]+)/) ?? [, 'NaN'])[1].replace(/,/g, ''));

/** Every "$n" amount in a text, in order. */
export const moneys = (s) => [...String(s).matchAll(/\$(-?[\d,]+)/g)].map((m) => Number(m[1].replace(/,/g, '')));

/** "2026-08-14" -> Date (UTC midnight); fails on anything else. */
export function isoDate(s) {
  expect(s, `an ISO date, got ${JSON.stringify(s)}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const d = new Date(`${s}T00:00:00Z`);
  expect(Number.isNaN(d.getTime()), `a valid date, got ${s}`).toBe(false);
  return d;
}

/** Waits until the app says it is interactive (the app's `data-ready` contract). */
export async function waitReady(page, timeout = 15_000) {
  await expect(page.locator('body'), 'the app is ready (body[data-ready="true"])').toHaveAttribute('data-ready', 'true', { timeout });
}

/**
 * Waits until a step has drawn all its sections: it draws those of the first
 * screen first and the rest in the frame after (`data-drawn="part"` until then).
 */
export async function waitDrawn(page) {
  await expect(page.locator('.sections[data-drawn="part"]'), 'the whole step is drawn').toHaveCount(0);
}

/** Opens a hash route of the served app (the config's baseURL) and waits for the app to be interactive. */
export async function open(page, route = '/') {
  await page.goto(`/#${route}`);
  await waitReady(page);
  await waitDrawn(page);
}

/** Navigates within the loaded app (hash change, no reload) and waits until the step is shown. */
export async function go(page, route) {
  await page.evaluate((r) => { location.hash = r; }, `#${route}`);
  // The sidebar marks the routed step as current once the new page has rendered.
  await expect(page.locator(`nav[aria-label="Assessment steps"] li.current a[href="#${route}"]`), `step ${route} is current`).toBeVisible();
  await expect(first(page, 'main h1')).toBeVisible();
  await waitDrawn(page);
}

/** {answered, applicable} from the live summary's "N of M answered". */
export async function answeredCount(page) {
  const s = await text(page, '[data-testid="answered-count"]');
  const m = s.match(/(\d+)\s+of\s+(\d+)\s+answered/);
  expect(m, `answered-count reads "N of M answered", got ${JSON.stringify(s)}`).toBeTruthy();
  return { answered: Number(m[1]), applicable: Number(m[2]) };
}

/** Number of open gaps from the live summary's "Open gaps: N". */
export async function openGaps(page) {
  const s = await page.locator('.live-summary p', { hasText: 'Open gaps' }).first().textContent({ timeout: 5_000 });
  expect(s, `live summary reads "Open gaps: N", got ${JSON.stringify(s)}`).toMatch(/Open gaps:\s*\d+/);
  return num(s);
}

const q = (page, id) => page.locator(`fieldset[data-question="${id}"]`);

/** Checks a radio option (scale or choice) of a question. */
export async function choose(page, id, option) {
  const radio = q(page, id).locator(`input[type=radio][value="${option}"]`);
  await radio.check();
  await expect(radio, `${id} = ${option} checked`).toBeChecked();
}

/** Ticks the given options of a multi-choice question. */
export async function tick(page, id, options) {
  for (const o of options) {
    const box = q(page, id).locator(`input[type=checkbox][value="${o}"]`);
    await box.check();
    await expect(box, `${id} includes ${o}`).toBeChecked();
  }
}

/** Fills a number or text question and commits it (the app commits on change). */
export async function fill(page, id, value) {
  const input = page.locator(`[id="${id}--input"]`);
  await input.fill(String(value));
  await input.press('Tab');
  await expect(input, `${id} = ${value}`).toHaveValue(String(value));
}

/** The ids of the gaps listed on the results page, in order. */
export const gapIds = (page) => page.locator('[data-testid="gap-list"] li[data-gap]')
  .evaluateAll((els) => els.map((e) => e.dataset.gap));

/** Clicks a download button, saves the file in the test's output folder; returns {name, text, file}. */
export async function download(page, locator, testInfo, prefix = '') {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), locator.click()]);
  const file = testInfo.outputPath(`${prefix}${dl.suggestedFilename()}`);
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), text: await readFile(file, 'utf8'), file };
}
