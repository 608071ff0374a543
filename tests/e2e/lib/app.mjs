// Page helpers shared by the specs: reading figures and answering questions
// through the app's DOM contract (see the README of the e2e harness / specs).
import assert from 'node:assert/strict';
import { waitReady, eventually } from './browser.mjs';

/** Trimmed text of the first match. */
export const text = (page, sel) => page.locator(sel).first().textContent({ timeout: 5_000 }).then((s) => s.trim());

/** "100", "87.5%" -> number; "–" (nothing answered) -> NaN. */
export const num = (s) => Number((String(s).match(/-?\d+(?:\.\d+)?/) ?? [NaN])[0]);

/** "$45,500" -> 45500. The first amount in the text. */
export const money = (s) => Number((String(s).match(/\$(-?[\d,]+)/) ?? [, 'NaN'])[1].replace(/,/g, ''));

/** Every "$n" amount in a text, in order. */
export const moneys = (s) => [...String(s).matchAll(/\$(-?[\d,]+)/g)].map((m) => Number(m[1].replace(/,/g, '')));

/** "2026-08-14" -> Date (UTC midnight); throws on anything else. */
export function isoDate(s) {
  assert.match(s, /^\d{4}-\d{2}-\d{2}$/, `an ISO date, got ${JSON.stringify(s)}`);
  const d = new Date(`${s}T00:00:00Z`);
  assert.ok(!Number.isNaN(d.getTime()), `a valid date, got ${s}`);
  return d;
}

/** Opens a hash route and waits for the app to be interactive. */
export async function open(page, base, route = '/') {
  await page.goto(`${base}/#${route}`);
  await waitReady(page);
}

/** Navigates within the loaded app (hash change, no reload) and waits until the step is shown. */
export async function go(page, route) {
  await page.evaluate((r) => { location.hash = r; }, `#${route}`);
  // The sidebar marks the routed step as current once the new page has rendered.
  await page.locator(`nav[aria-label="Assessment steps"] li.current a[href="#${route}"]`).waitFor({ timeout: 5_000 });
  await page.locator('main h1').first().waitFor({ timeout: 5_000 });
}

/** {answered, applicable} from the live summary's "N of M answered". */
export async function answeredCount(page) {
  const s = await text(page, '[data-testid="answered-count"]');
  const m = s.match(/(\d+)\s+of\s+(\d+)\s+answered/);
  assert.ok(m, `answered-count reads "N of M answered", got ${JSON.stringify(s)}`);
  return { answered: Number(m[1]), applicable: Number(m[2]) };
}

/** Number of open gaps from the live summary's "Open gaps: N". */
export async function openGaps(page) {
  const s = await page.locator('.live-summary p', { hasText: 'Open gaps' }).first().textContent({ timeout: 5_000 });
  assert.match(s, /Open gaps:\s*\d+/, `live summary reads "Open gaps: N", got ${JSON.stringify(s)}`);
  return num(s);
}

const q = (page, id) => page.locator(`fieldset[data-question="${id}"]`);

/** Checks a radio option (scale or choice) of a question. */
export async function choose(page, id, option) {
  const radio = q(page, id).locator(`input[type=radio][value="${option}"]`);
  await radio.check();
  await eventually(() => radio.isChecked(), Boolean, { what: `${id} = ${option} checked` });
}

/** Ticks the given options of a multi-choice question. */
export async function tick(page, id, options) {
  for (const o of options) {
    const box = q(page, id).locator(`input[type=checkbox][value="${o}"]`);
    await box.check();
    await eventually(() => box.isChecked(), Boolean, { what: `${id} includes ${o}` });
  }
}

/** Fills a number or text question and commits it (the app commits on change). */
export async function fill(page, id, value) {
  const input = page.locator(`[id="${id}--input"]`);
  await input.fill(String(value));
  await input.press('Tab');
  await eventually(() => input.inputValue(), (v) => v === String(value), { what: `${id} = ${value}` });
}

/** The ids of the gaps listed on the results page, in order. */
export const gapIds = (page) => page.locator('[data-testid="gap-list"] li[data-gap]')
  .evaluateAll((els) => els.map((e) => e.dataset.gap));
