#!/usr/bin/env node
// Benchmark (not a test): dist sizes, load-to-interactive, answer-to-updated-score
// in headless Chromium, and the native scoring time. Usage: node tests/e2e/bench.mjs
// (DIST=dir to bench another build; BEFORE=dir to bench an older build side by
// side, its loads interleaved with this one's so both share the machine's noise;
// LOADS / MOBILE_LOADS / ANSWERS override the sample counts).
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
const MOBILE_LOADS = Number(process.env.MOBILE_LOADS ?? 8);
// A phone on a mobile network, as Lighthouse simulates one ("slow 4G"): every
// request waits a 150 ms round trip, and bytes arrive at 1.6 Mbit/s (gzip bodies,
// as a host sends them). What the first load costs in bytes and in requests made
// one after another shows here; on the loopback it does not.
const MOBILE = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const ANSWERS = Number(process.env.ANSWERS ?? 50);
const dist = distDir();

// Nearest-rank percentile of a sample.
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)]; };
const ms = (x) => x.toFixed(1);
const stats = (name, xs) => [name, xs.length, ms(pct(xs, 50)), ms(pct(xs, 95)), ms(Math.min(...xs)), ms(Math.max(...xs))];

// Runs in the page before any app script: records performance.now() (ms since
// navigation start) once the app is ready AND a Security radio exists AND the next
// frame has been laid out and painted, so work a build leaves to the browser's next
// frame counts as much as work it does at once. The page keeps it as a promise, so
// the harness need not poll while the app starts; the observer watches one
// attribute only, so a build that inserts many nodes pays nothing extra for it.
// It then notes when the whole step is drawn, for a build that draws the first
// screen first and the rest in batches after it.
// It also notes where the time went: when the wasm was requested, when it was
// compiled and instantiated (the glue's WebAssembly call resolved), and when the
// app marked itself ready.
function markInteractive() {
  let compiled;
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const call = WebAssembly[name];
    WebAssembly[name] = async (...args) => {
      const out = await call.apply(WebAssembly, args);
      compiled ??= performance.now();
      return out;
    };
  }
  window.__interactive = new Promise((resolve) => {
    let ready;
    const after = (then) => requestAnimationFrame(() => setTimeout(then, 0));
    // Then waits until the whole step is drawn (a build that draws it in batches
    // marks the sections it has not finished with data-drawn="part").
    const painted = () => after(() => {
      const at = {
        painted: performance.now(), ready, compiled,
        requested: performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'))?.requestStart,
      };
      const whenDrawn = () => {
        if (document.querySelector('.sections[data-drawn=part]')) requestAnimationFrame(whenDrawn);
        else after(() => resolve({ ...at, drawn: performance.now() }));
      };
      if (document.querySelector('.sections[data-drawn=part]')) whenDrawn();
      else resolve({ ...at, drawn: at.painted });
    });
    const whenRadio = () => {
      if (document.querySelector('fieldset[data-question] input[type=radio]')) painted();
      else requestAnimationFrame(whenRadio);
    };
    const obs = new MutationObserver(() => {
      if (document.body?.dataset.ready === 'true') { obs.disconnect(); ready = performance.now(); whenRadio(); }
    });
    obs.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
  });
}

// Runs in the page: brings one radio into view as a user would (not timed), clicks
// it and resolves with the time from the click to the first painted frame after the
// overall score's text changed.
async function answerOnce({ id, value }) {
  const score = () => document.querySelector('[data-testid="overall-score"]')?.textContent;
  const input = document.querySelector(`fieldset[data-question="${CSS.escape(id)}"] input[type=radio][value="${value}"]`);
  if (!input) return { error: `no ${value} radio for ${id}` };
  input.scrollIntoView({ block: 'center' });
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const before = score();
  return new Promise((resolve) => {
    // Observe the body, not the element: the app may replace the element on re-render.
    const obs = new MutationObserver(() => {
      if (score() === before) return;
      obs.disconnect(); clearTimeout(timer);
      requestAnimationFrame(() => setTimeout(() => resolve({ ms: performance.now() - t0 }), 0));
    });
    const timer = setTimeout(() => { obs.disconnect(); resolve({ unchanged: true, before }); }, 2000);
    obs.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    const t0 = performance.now();
    input.click();
  });
}

// Cold loads of each URL in turn, `rounds` rounds (the order alternates, and a first
// round warms the browser up unrecorded): per URL, the list of times to the painted
// page and the list of phase marks. With `network`, the page's requests go through
// that emulated network.
async function loadTimes(browser, urls, { rounds = LOADS, network } = {}) {
  const times = urls.map(() => []);
  const phases = urls.map(() => []);
  for (let i = -1; i < rounds; i++) {
    const order = [...urls.keys()];
    if (i % 2) order.reverse();
    for (const k of order) {
      const url = urls[k];
      const context = await browser.newContext(); // fresh context: empty HTTP cache, cold load
      await context.addInitScript(markInteractive);
      const page = await context.newPage();
      if (network) {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', network);
      }
      await page.goto(`${url}/#/category/security`, { waitUntil: 'commit' });
      const at = await page.evaluate(() => {
        if (!(window.__interactive instanceof Promise)) throw new Error('the readiness script did not run');
        return Promise.race([window.__interactive,
          new Promise((_, reject) => setTimeout(() => reject(new Error('not interactive within 30 s')), 30_000))]);
      });
      if (!Number.isFinite(at?.painted)) throw new Error(`no load time: ${JSON.stringify(at)}`);
      if (i >= 0) { times[k].push(at.painted); phases[k].push(at); }
      await context.close();
    }
  }
  return { times, phases };
}

// Median of each phase mark, as one line: where a cold load's time goes.
const phaseLine = (marks) => ['requested', 'compiled', 'ready', 'painted', 'drawn']
  .map((m) => { const xs = marks.map((x) => x[m]).filter(Number.isFinite); return `${m} ${xs.length ? ms(pct(xs, 50)) : 'n/a'}`; })
  .join(', ');

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

const before = process.env.BEFORE ? path.resolve(process.env.BEFORE) : null;
const builds = before ? [['before', before], ['this build', dist]] : [['this build', dist]];
for (const [name, dir] of builds) {
  console.log(`${before ? `${name}: ` : ''}Benchmark of ${dir}\n`);
  const sizes = measureDist(dir);
  const { text } = sizeTable(sizes);
  console.log(`Sizes (gzip -9)\n\n${text}\n`);
  // What the browser compiles (code) against what it only copies (data segments).
  const wasmFile = sizes.find((r) => r.file.endsWith('.wasm') && !r.part);
  if (wasmFile) {
    const s = wasmSections(readFileSync(path.join(dir, wasmFile.file)));
    console.log(`wasm: ${s.total} bytes raw = ${s.notData} code and tables + ${s.data ?? 0} data segments\n`);
  }
}

const servers = [];
for (const [, dir] of builds) servers.push(await startServer(dir, { gzip: true }));
const browser = await launch();
try {
  const { times: loads, phases } = await loadTimes(browser, servers.map((s) => s.url));
  const mobile = MOBILE_LOADS > 0
    ? (await loadTimes(browser, servers.map((s) => s.url), { rounds: MOBILE_LOADS, network: MOBILE })).times
    : null;
  const rows = [];
  for (const [k, [name]] of builds.entries()) {
    const answers = await answerTimes(browser, servers[k].url);
    const label = (m) => (before ? `${m}, ${name}` : m);
    rows.push(stats(label('load to interactive (cold)'), loads[k]));
    rows.push(stats(label('whole step drawn (cold)'), phases[k].map((p) => p.drawn)));
    if (mobile) rows.push(stats(label('same, slow 4G (150 ms, 1.6 Mbit/s)'), mobile[k]));
    if (answers.times.length) rows.push(stats(label('answer to updated score'), answers.times));
    if (answers.unchanged) console.log(`(${name}: ${answers.unchanged} of ${ANSWERS} answers left the score text unchanged and are not counted)`);
  }
  console.log('Headless Chromium timings (ms)\n');
  console.log(table(['measure', 'n', 'median', 'p95', 'min', 'max'], rows));
  console.log('\nWhere a cold load goes (medians, ms from navigation: wasm requested, compiled and');
  console.log('instantiated, app ready, first screen painted, whole step drawn)');
  for (const [k, [name]] of builds.entries()) console.log(`  ${name}: ${phaseLine(phases[k])}`);
  if (before) {
    const faster = (t) => { const m = t.map((x) => pct(x, 50)); return ((1 - m[1] / m[0]) * 100).toFixed(1); };
    console.log(`\nload to interactive, median: ${faster(loads)} % faster than before`);
    if (mobile) console.log(`load to interactive on slow 4G, median: ${faster(mobile)} % faster than before`);
  }
} finally {
  await browser.close();
  for (const s of servers) await s.close();
}

console.log('\nNative scoring\n');
console.log(table(['measure', 'result'], [['native', native()]]));
