#!/usr/bin/env node
// Size budget of the first load: gzip -9 of every .html/.js/.wasm/.css file in
// dist/ (the questionnaires are embedded in the wasm). Prints the breakdown and
// exits 1 when the gzip total exceeds the budget below. The budget guards
// against regressions; it is not a design limit, and the size goals live in
// the benchmark (scripts/bench.sh). It is the measured first load with the
// SOC 1 path, the decision rules, the audit-effort estimates, the planning
// drivers, the phone layout, the revised question bank and the whole auditor
// pack (control calendar, policy checklist, both registers, evidence requests,
// crosswalk) in, after the catalog became statics and the answers moved to a
// smaller map (430.7 KB), plus 5 KB, rounded up to a whole KB; it comes down
// with each release that measures less.
// Usage: node scripts/size-budget.mjs [dist-dir]   (or DIST=dir)
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants } from 'node:zlib';

export const BUDGET = 436 * 1024;
const FIRST_LOAD = /\.(html|js|mjs|wasm|css)$/i;

/** [{file, raw, gzip}] for every first-load file under dir, largest first. */
export function measureDist(dir) {
  const rows = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (FIRST_LOAD.test(e.name)) {
        const buf = readFileSync(p);
        rows.push({ file: path.relative(dir, p), raw: buf.length, gzip: gzipSync(buf, { level: constants.Z_BEST_COMPRESSION }).length });
      }
    }
  };
  walk(dir);
  return rows.sort((a, b) => b.gzip - a.gzip);
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

export function sizeTable(rows) {
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
  const body = rows.map((r) => [r.file, r.raw, r.gzip, kb(r.gzip)]);
  body.push(['total', total.raw, total.gzip, kb(total.gzip)]);
  return { text: table(['file', 'raw bytes', 'gzip bytes', 'gzip'], body), total };
}

// Run only when invoked directly, so bench.mjs can import the helpers.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dir = path.resolve(process.argv[2] ?? process.env.DIST ?? path.join(here, '..', 'dist'));
  let rows;
  try { rows = measureDist(dir); } catch (e) { console.error(`size budget: cannot read ${dir}: ${e.message}`); process.exit(1); }
  if (rows.length === 0) { console.error(`size budget: no .html/.js/.wasm/.css files in ${dir}`); process.exit(1); }
  const { text, total } = sizeTable(rows);
  console.log(`First load of ${dir} (gzip -9):\n\n${text}\n`);
  const verdict = `${kb(total.gzip)} of ${kb(BUDGET)} budget (${total.gzip} / ${BUDGET} bytes)`;
  if (total.gzip > BUDGET) { console.error(`FAIL: over budget by ${kb(total.gzip - BUDGET)}: ${verdict}`); process.exit(1); }
  console.log(`OK: ${verdict}`);
}
