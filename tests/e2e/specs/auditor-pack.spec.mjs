// Issue 15: the auditor pack on the results. The two registers are drafted from
// the answers, edited, saved with the assessment and kept through a reload; the
// evidence request list and the crosswalk read the data; every part downloads as
// CSV, sits in the JSON export, prints, and the shared summary carries the
// customer controls. Runs at 375 and 1280 px, light and dark, with axe-core.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, problems, screen } from '../lib/fixtures.mjs';
import { open, go, choose, tick, fill, download, waitReady } from '../lib/app.mjs';
import { controlQuestions } from '../lib/catalog.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const AXE = path.resolve(here, '../node_modules/axe-core/axe.min.js');
const SCREENS = path.resolve(here, '../artifacts/screens');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')})`);
  }, TAGS);
}

/** A first SOC 2 on AWS with two providers in all, customers with their own users and SSO. */
async function seed(page) {
  await open(page, '/scope');
  await fill(page, 'scope.company_name', 'Pack Check Ltd');
  await fill(page, 'scope.headcount', 30);
  await choose(page, 'scope.hosting', 'cloud');
  await tick(page, 'scope.cloud_providers', ['aws']);
  await fill(page, 'scope.subservice_count', 2);
  await choose(page, 'scope.subservice_method', 'carve_out');
  await tick(page, 'scope.customer_features', ['user_admin', 'sso']);
  await go(page, '/applicability');
  await choose(page, 'app.security_reviews', 'yes');
  await choose(page, 'app.financial_impact', 'no');
  await choose(page, 'app.type1_accepted', 'no');
  await go(page, '/category/security');
  const qs = controlQuestions('security');
  await choose(page, qs[0].id, 'evidenced');
  await choose(page, qs[1].id, 'no');
  await go(page, '/results');
}

test.describe(() => {
  test.use({ bypassCSP: true });

  test('registers, evidence requests and crosswalk: drafted, edited, kept, exported, printed @every-project', async ({ page, log }, testInfo) => {
    test.slow(true, 'a walk through scope, answers, edits, a reload, five downloads and axe-core');
    const { width, scheme } = screen(page, testInfo);
    await seed(page);

    // Subservice register: the cloud from the answers, then a second row for the count.
    const register = page.locator('[data-testid="subservice-register"]');
    await expect(register.locator('li[data-subservice]')).toHaveCount(2);
    const aws = register.locator('li[data-subservice="aws"]');
    await expect(aws.locator('legend')).toHaveText('Amazon Web Services');
    await expect(aws.locator('.concerns')).toHaveText(/No report recorded/);
    const other = register.locator('li[data-subservice="other-2"]');
    await expect(other.locator('.concerns')).toHaveText(/Name the provider/);

    // Edit the second provider: name, an old report, a hyperscale-free inclusive choice.
    await other.locator('input[id$="-name"]').fill('Payments Ltd');
    await expect(other.locator('legend')).toHaveText('Payments Ltd');
    await other.locator('select[id$="-report"]').selectOption('soc2_type2');
    const end = other.locator('input[id$="-period_end"]');
    await end.fill('2020-06-30');
    await end.press('Tab');
    await expect(other.locator('.concerns')).toHaveText(/period ended on 2020-06-30, more than 12 months before/);
    await expect(other.locator('.concerns')).toHaveText(/before your window opens on \d{4}-\d{2}-\d{2}: your auditor will need its next report/);
    await other.locator('select[id$="-method"]').selectOption('inclusive');
    await expect(other.locator('.concerns')).toHaveText(/needs the provider's written agreement/);
    await other.locator('input[id$="-agreed"]').check();
    await expect(other.locator('.concerns')).not.toHaveText(/written agreement/);
    // Inclusive is refused outright for the cloud.
    await aws.locator('select[id$="-method"]').selectOption('inclusive');
    await expect(aws.locator('.concerns')).toHaveText(/does not take part in other companies' audits/);
    await aws.locator('select[id$="-method"]').selectOption('carve_out');
    // Added by hand.
    await page.locator('[data-testid="add-subservice"]').click();
    await expect(register.locator('li[data-subservice]')).toHaveCount(3);
    await expect(page.locator('[data-testid="reset-subservices"]')).toBeVisible();

    // Customer controls: drafted from the features, then reworded and one added.
    const cuecs = page.locator('[data-testid="cuecs"]');
    await expect(cuecs.locator('li[data-cuec="own_sso"]')).toBeVisible();
    await expect(cuecs.locator('li[data-cuec="turn_on_mfa"]')).toHaveCount(0);
    const sso = cuecs.locator('li[data-cuec="own_sso"] textarea');
    await sso.fill('Customers run their own single sign-on with multi-factor sign-in.');
    await page.locator('[data-testid="add-cuec"]').click();
    const added = cuecs.locator('li[data-cuec^="own-"] textarea');
    await added.fill('Customers rotate their webhook secrets every quarter.');

    // Kept through a reload straight after typing: the edits are saved with the assessment.
    await page.reload();
    await waitReady(page);
    await expect(register.locator('li[data-subservice="other-2"] legend')).toHaveText('Payments Ltd');
    await expect(register.locator('li[data-subservice]')).toHaveCount(3);
    await expect(cuecs.locator('li[data-cuec="own_sso"] textarea')).toHaveValue('Customers run their own single sign-on with multi-factor sign-in.');
    await expect(cuecs.locator('li[data-cuec^="own-"] textarea')).toHaveValue('Customers rotate their webhook secrets every quarter.');

    // Evidence requests: a row per control in view, the first few shown, all on request.
    const evidence = page.locator('[data-testid="evidence-list"]');
    const rows = evidence.locator('tbody tr');
    const total = await rows.count();
    expect(total, 'a row per Security control').toBe(controlQuestions('security').filter((q) => !q.id.startsWith('sec.physical.')).length);
    await expect(rows.nth(8)).toBeHidden();
    await evidence.getByRole('button', { name: new RegExp(`Show all ${total} controls`) }).click();
    await expect(rows.nth(total - 1)).toBeVisible();
    await expect(evidence.locator(`tr[data-question="${controlQuestions('security')[0].id}"]`)).toHaveAttribute('data-status', 'Kept');
    await expect(evidence.locator('th', { hasText: 'Typical sample' })).toHaveCount(1);
    await expect(evidence.locator('td[data-sample]', { hasText: 'about 10 % of them' }).first()).toBeVisible();
    // Filter by owner.
    await evidence.locator('select#evidence-owner').selectOption('People (HR)');
    const hr = await evidence.locator('tbody tr td[data-label="Owner"]').allTextContents();
    expect(hr.length).toBeGreaterThan(0);
    expect(new Set(hr)).toEqual(new Set(['People (HR)']));
    await evidence.locator('select#evidence-owner').selectOption('');

    // Crosswalk: our own hints per criterion.
    const crosswalk = page.locator('[data-testid="crosswalk"]');
    await crosswalk.getByRole('button', { name: /Show all 33 criteria/ }).click();
    await expect(crosswalk.locator('tr[data-criterion="CC6.1"]')).toHaveText(/5\.15/);
    await expect(crosswalk.locator('tr[data-criterion="CC6.1"]')).toHaveText(/PR\.AA/);

    // Downloads: each part as CSV, and the JSON with the registers and lists.
    const csv = async (id) => (await download(page, page.locator(`[data-testid="${id}"]`), testInfo, `${width}-${scheme}-`)).text.trim().split('\r\n');
    const subs = await csv('export-subservices');
    expect(subs).toHaveLength(4);
    expect(subs.find((l) => l.startsWith('Payments Ltd,'))).toMatch(/,inclusive,true,.*,soc2_type2,2020-06-30,/);
    const ev = await csv('export-evidence');
    expect(ev.length - 1).toBe(total);
    const cw = await csv('export-crosswalk');
    expect(cw.length - 1).toBe(33);
    const cu = await csv('export-cuecs');
    expect(cu.some((l) => l.includes('webhook secrets'))).toBe(true);
    const json = JSON.parse((await download(page, page.locator('[data-testid="export-json"]'), testInfo, `${width}-${scheme}-`)).text);
    expect(json.schema_version).toBe(3);
    expect(json.registers.subservices.map((s) => s.name)).toEqual(['Amazon Web Services', 'Payments Ltd', '']);
    expect(json.evidence_requests).toHaveLength(total);
    expect(json.crosswalk).toHaveLength(33);
    expect(json.customer_controls.map((c) => c.text)).toContain('Customers rotate their webhook secrets every quarter.');

    // axe on the results with the pack open and edited, and a screenshot.
    await mkdir(SCREENS, { recursive: true });
    await page.locator('[data-testid="subservice-register"]').scrollIntoViewIfNeeded();
    for (const part of ['cuecs', 'subservice-register', 'evidence-list', 'crosswalk']) {
      await page.locator(`[data-testid="${part}"]`).screenshot({ path: path.join(SCREENS, `auditor-pack-${part}-${width}-${scheme}.png`) });
    }
    const found = await axe(page);
    expect(found, `axe on the auditor pack at ${width}px ${scheme}`).toEqual([]);
    if (width < 400) {
      const wide = await page.evaluate(() => {
        const vw = document.documentElement.clientWidth;
        const name = (el) => el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') + (typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '');
        return [...document.querySelectorAll('main *')]
          .filter((el) => !el.closest('.visually-hidden'))
          .filter((el) => el.getBoundingClientRect().right > vw + 1 && !(el.parentElement.getBoundingClientRect().right > vw + 1))
          .slice(0, 5).map((el) => `${name(el)} in ${name(el.parentElement)}: right edge at ${Math.round(el.getBoundingClientRect().right)}px`);
      });
      expect(wide, 'nothing sticks out sideways at phone width').toEqual([]);
    }

    // Printed with the report: every row, the registers as text, no controls.
    await evidence.getByRole('button', { name: /Show the first/ }).click();
    await page.emulateMedia({ media: 'print' });
    await expect(rows.nth(total - 1), 'print shows every evidence row').toBeVisible();
    await expect(register.locator('li[data-subservice="other-2"] dl.print-only')).toHaveText(/SOC 2 Type II, period ends 2020-06-30/);
    await expect(cuecs.locator('li[data-cuec^="own-"] .cuec-text')).toHaveText('Customers rotate their webhook secrets every quarter.');
    await expect(page.locator('[data-testid="add-subservice"]')).toBeHidden();
    await expect(register.locator('input[id$="-name"]').first()).toBeHidden();
    await page.emulateMedia({ media: 'screen' });

    // Back to the draft, once confirmed: dismissed, nothing changes.
    page.once('dialog', (d) => d.dismiss());
    await page.locator('[data-testid="reset-subservices"]').click();
    await expect(register.locator('li[data-subservice]')).toHaveCount(3);
    page.once('dialog', (d) => d.accept());
    await page.locator('[data-testid="reset-subservices"]').click();
    await expect(register.locator('li[data-subservice]')).toHaveCount(2);
    await expect(register.locator('li[data-subservice="other-2"] legend')).toHaveText('Provider 2');
    expect(problems(log)).toEqual([]);
  });
});

test('the shared summary lists what customers will have to do', async ({ page, log }) => {
  await seed(page);
  const cuecs = page.locator('[data-testid="cuecs"]');
  await cuecs.locator('li[data-cuec="own_sso"] textarea').fill('Customers keep their identity provider secure.');
  const link = await page.locator('input#share-link').inputValue();
  await page.goto(link.replace(/^.*#/, '/#'));
  await waitReady(page);
  const shared = page.locator('[data-testid="shared-cuecs"]');
  await expect(shared).toHaveText(/Customers keep their identity provider secure\./);
  await expect(shared).toHaveText(/remove people promptly when they leave/);
  expect(problems(log)).toEqual([]);
});
