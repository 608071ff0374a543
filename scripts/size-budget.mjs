#!/usr/bin/env node
// Size budget of the first load: gzip -9 of every .html/.js/.wasm/.css file in
// dist/ that the first screen needs (the questionnaires are embedded in the
// wasm). The parts split off the wasm (split_*.wasm and the chunk_*.wasm they
// share, see scripts/split-wasm.mjs) are fetched only once the first screen is
// up, so they are listed apart and not counted. Prints the breakdown and exits 1
// when the first load's gzip total exceeds the budget below. The budget guards
// against regressions; it is not a design limit, and the size goals live in
// the benchmark (scripts/bench.sh). It is the measured first load after the
// results, the shared summary, the invitations and the file functions moved into
// parts of their own and the questionnaire stopped computing the estimates
// (296.6 KB), plus 5 KB, rounded up to a whole KB; it comes down with each
// release that measures less.
// Usage: node scripts/size-budget.mjs [dist-dir]   (or DIST=dir)
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants } from 'node:zlib';

export const BUDGET = 302 * 1024;
const SHIPPED = /\.(html|js|mjs|wasm|css)$/i;
/** A part split off the wasm: fetched after the first screen. */
const PART = /^(split|chunk)_\w+?(-[0-9a-f]+)?\.wasm$/;

/** [{file, raw, gzip, part}] for every shipped file under dir: the first
 * load's files, largest first, then the parts fetched later, largest first. */
export function measureDist(dir) {
  const rows = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (SHIPPED.test(e.name)) {
        const buf = readFileSync(p);
        const gzip = gzipSync(buf, { level: constants.Z_BEST_COMPRESSION }).length;
        rows.push({ file: path.relative(dir, p), raw: buf.length, gzip, part: PART.test(e.name) });
      }
    }
  };
  walk(dir);
  return rows.sort((a, b) => a.part - b.part || b.gzip - a.gzip);
}

/** Aligned text table; numeric columns are right-aligned. */
export function table(headers, rows) {
  const cells = [headers, ...rows].map((r) => r.map(String));
  const width = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const right = headers.map((_, i) => rows.every((r) => typeof r[i] === 'number' || /^[\d.,]+( ?\w+)?$/.test(String(r[i]))));
  const line = (r) => r.map((c, i) => (right[i] ? c.padStart(width[i]) : c.padEnd(width[i]))).join('  ').trimEnd();
  return [line(cells[0]), width.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const sum = (rows) => rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });

/** The table of `measureDist`'s rows; `total` is the first load's. */
export function sizeTable(rows) {
  const total = sum(rows.filter((r) => !r.part));
  const later = sum(rows.filter((r) => r.part));
  const body = rows.filter((r) => !r.part).map((r) => [r.file, r.raw, r.gzip, kb(r.gzip)]);
  body.push(['first load', total.raw, total.gzip, kb(total.gzip)]);
  if (later.raw > 0) {
    body.push(...rows.filter((r) => r.part).map((r) => [r.file, r.raw, r.gzip, kb(r.gzip)]));
    body.push(['parts, fetched after the first screen', later.raw, later.gzip, kb(later.gzip)]);
    body.push(['all', total.raw + later.raw, total.gzip + later.gzip, kb(total.gzip + later.gzip)]);
  }
  return { text: table(['file', 'raw bytes', 'gzip bytes', 'gzip'], body), total, later };
}

// Run only when invoked directly, so bench.mjs can import the helpers.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dir = path.resolve(process.argv[2] ?? process.env.DIST ?? path.join(here, '..', 'dist'));
  let rows;
  try { rows = measureDist(dir); } catch (e) { console.error(`size budget: cannot read ${dir}: ${e.message}`); process.exit(1); }
  if (rows.length === 0) { console.error(`size budget: no .html/.js/.wasm/.css files in ${dir}`); process.exit(1); }
  const { text, total } = sizeTable(rows);
  console.log(`Files of ${dir} (gzip -9):\n\n${text}\n`);
  const verdict = `first load ${kb(total.gzip)} of ${kb(BUDGET)} budget (${total.gzip} / ${BUDGET} bytes)`;
  if (total.gzip > BUDGET) { console.error(`FAIL: over budget by ${kb(total.gzip - BUDGET)}: ${verdict}`); process.exit(1); }
  console.log(`OK: ${verdict}`);
}
