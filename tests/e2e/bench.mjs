#!/usr/bin/env node
// Benchmark (not a test): dist sizes, load-to-interactive, answer-to-updated-score
// in headless Chromium, and the native scoring time. Usage: node tests/e2e/bench.mjs
// (DIST=dir to bench another build; LOADS / ANSWERS override the sample counts).
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureDist, sizeTable, table } from '../../scripts/size-budget.mjs';
import { wasmSections } from '../../scripts/wasm-sections.mjs';
import { startServer, distDir } from './lib/server.mjs';
import { launch } from './lib/browser.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const LOADS = Number(process.env.LOADS ?? 20);
const ANSWERS = Number(process.env.ANSWERS ?? 50);
const dist = distDir();

// Nearest-rank percentile of a sample.
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)]; };
const ms = (x) => x.toFixed(1);
const stats = (name, xs) => [name, xs.length, ms(pct(xs, 50)), ms(pct(xs, 95)), ms(Math.min(...xs)), ms(Math.max(...xs))];

// Runs in the page before any app script: records performance.now() (ms since
// navigation start) the first moment the app is ready AND a Security radio exists.
function markInteractive() {
  const check = () => {
    if (window.__interactiveAt === undefined && document.body?.dataset.ready === 'true'
      && document.querySelector('fieldset[data-question] input[type=radio]')) {
      window.__interactiveAt = performance.now();
      obs.disconnect();
    }
  };
  const obs = new MutationObserver(check);
  obs.observe(document, { subtree: true, childList: true, attributes: true });
}

// Runs in the page: clicks one radio and resolves with the time from the click to
// the next animation frame after the overall score's text changed.
function answerOnce({ id, value }) {
  const score = () => document.querySelector('[data-testid="overall-score"]')?.textContent;
  const input = document.querySelector(`fieldset[data-question="${CSS.escape(id)}"] input[type=radio][value="${value}"]`);
  if (!input) return { error: `no ${value} radio for ${id}` };
  const before = score();
  return new Promise((resolve) => {
    // Observe the body, not the element: the app may replace the element on re-render.
    const obs = new MutationObserver(() => {
      if (score() === before) return;
      obs.disconnect(); clearTimeout(timer);
      requestAnimationFrame(() => resolve({ ms: performance.now() - t0 }));
    });
    const timer = setTimeout(() => { obs.disconnect(); resolve({ unchanged: true, before }); }, 2000);
    obs.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    const t0 = performance.now();
    input.click();
  });
}

async function loadTimes(browser, url) {
  const times = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext(); // fresh context: empty HTTP cache, cold load
    await context.addInitScript(markInteractive);
    const page = await context.newPage();
    await page.goto(`${url}/#/category/security`);
    await page.waitForFunction(() => window.__interactiveAt !== undefined, null, { timeout: 30_000 });
    times.push(await page.evaluate(() => window.__interactiveAt));
    await context.close();
  }
  return times;
}

async function answerTimes(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}/#/category/security`);
  await page.waitForFunction(() => document.body?.dataset.ready === 'true'
    && document.querySelector('fieldset[data-question] input[type=radio]'), null, { timeout: 30_000 });
  // First 25 questions that offer both answers; ids rather than indices in case
  // answers reveal follow-up questions.
  const ids = await page.$$eval('fieldset[data-question]', (fs) => fs
    .filter((f) => f.querySelector('input[value="no"]') && f.querySelector('input[value="evidenced"]'))
    .map((f) => f.dataset.question).slice(0, 25));
  if (ids.length === 0) throw new Error('no question with "no" and "evidenced" on #/category/security');
  // Each question 'no' then 'evidenced': the score swings between 100 and below
  // 100, so every click changes it.
  const times = [];
  let unchanged = 0;
  for (let k = 0; k < ANSWERS; k++) {
    const r = await page.evaluate(answerOnce, { id: ids[Math.floor(k / 2) % ids.length], value: k % 2 ? 'evidenced' : 'no' });
    if (r.error) throw new Error(r.error);
    if (r.unchanged) unchanged++; else times.push(r.ms);
  }
  await context.close();
  return { times, unchanged };
}

function native() {
  if (!existsSync(path.join(repo, 'examples/bench_native.rs'))) return 'n/a (no examples/bench_native.rs)';
  const r = spawnSync('cargo', ['run', '--release', '--quiet', '--example', 'bench_native'], { cwd: repo, encoding: 'utf8' });
  if (r.status !== 0) return `failed (exit ${r.status}): ${(r.stderr || r.error?.message || '').trim().split('\n').pop()}`;
  return r.stdout.trim().split('\n').pop();
}

console.log(`Benchmark of ${dist}\n`);
const sizes = measureDist(dist);
const { text } = sizeTable(sizes);
console.log(`Sizes (gzip -9)\n\n${text}\n`);
// What the browser compiles (code) against what it only copies (data segments).
const wasmFile = sizes.find((r) => r.file.endsWith('.wasm'));
if (wasmFile) {
  const s = wasmSections(readFileSync(path.join(dist, wasmFile.file)));
  console.log(`wasm: ${s.total} bytes raw = ${s.notData} code and tables + ${s.data ?? 0} data segments\n`);
}

const server = await startServer(dist);
const browser = await launch();
try {
  const loads = await loadTimes(browser, server.url);
  const answers = await answerTimes(browser, server.url);
  console.log('Headless Chromium timings (ms)\n');
  const rows = [stats('load to interactive (cold)', loads)];
  if (answers.times.length) rows.push(stats('answer to updated score', answers.times));
  console.log(table(['measure', 'n', 'median', 'p95', 'min', 'max'], rows));
  if (answers.unchanged) console.log(`(${answers.unchanged} of ${ANSWERS} answers left the score text unchanged and are not counted)`);
} finally {
  await browser.close();
  await server.close();
}

console.log('\nNative scoring\n');
console.log(table(['measure', 'result'], [['native', native()]]));
