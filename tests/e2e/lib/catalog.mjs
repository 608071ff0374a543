// Reads the questionnaire data the app is built from, so specs compute their
// expectations from the same weights, points and fees instead of hard-coding
// them. A deliberately small TOML reader: it understands the subset the
// questionnaire files use on single lines (tables, arrays of tables, strings,
// numbers, booleans, one-line arrays and inline tables) and skips the rest
// (multi-line values such as applicability rules and headcount bands).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const QUESTIONNAIRES = path.resolve(here, '../../../questionnaires');

function parseValue(raw) {
  const v = raw.trim();
  if (v.startsWith('"')) {
    const end = v.lastIndexOf('"');
    try { return JSON.parse(v.slice(0, end + 1)); } catch { return v.slice(1, end); }
  }
  if (v === 'true' || v === 'false') return v === 'true';
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  if (v.startsWith('[')) {
    try { return JSON.parse(v); } catch { return undefined; }
  }
  if (v.startsWith('{')) {
    // Inline table: keep the parts the specs need.
    const out = { raw: v };
    const range = v.match(/range\s*=\s*\[([^\]]*)\]/);
    if (range) out.range = range[1].split(',').map(Number);
    for (const [, k, text] of v.matchAll(/(\w+)\s*=\s*"([^"]*)"/g)) out[k] = text;
    return out;
  }
  return undefined;
}

/** Parses one questionnaire file into nested objects (arrays for [[tables]]). */
export function readToml(name) {
  const text = readFileSync(path.join(QUESTIONNAIRES, `${name}.toml`), 'utf8');
  const root = {};
  let cur = root;
  const at = (keys, create) => {
    let o = root;
    for (const k of keys) {
      if (Array.isArray(o[k])) o = o[k][o[k].length - 1];
      else o = o[k] ??= create ? {} : undefined;
    }
    return o;
  };
  for (const line of text.split('\n')) {
    let m;
    if ((m = line.match(/^\s*\[\[([\w.]+)\]\]\s*$/))) {
      const keys = m[1].split('.');
      const parent = at(keys.slice(0, -1), true);
      const last = keys[keys.length - 1];
      (parent[last] ??= []).push((cur = {}));
    } else if ((m = line.match(/^\s*\[([\w.]+)\]\s*$/))) {
      cur = at(m[1].split('.'), true);
    } else if ((m = line.match(/^([A-Za-z_][\w]*)\s*=\s*(.+)$/))) {
      const v = parseValue(m[2]);
      if (v !== undefined) cur[m[1]] = v;
    }
  }
  return root;
}

/** The control questions of a category questionnaire, in page order. */
export function controlQuestions(category) {
  const qn = readToml(category);
  return qn.sections.flatMap((s) => (s.questions ?? []).map((q) => ({
    id: q.id, section: s.id, weight: q.weight, key: q.key === true,
    effortDays: q.effort_days, conditional: 'show_if' in q || 'show_if' in s, criteria: q.criteria ?? [],
  })));
}

/** The answer scale: option id -> {design, operating, remaining, na}. */
export function scale() {
  const cat = readToml('catalog');
  return Object.fromEntries(cat.scale.map((o) => [o.id, {
    design: o.design ?? 0, operating: o.operating ?? 0, remaining: o.remaining_effort ?? 0,
    na: o.not_applicable === true, label: o.label,
  }]));
}

const round1 = (x) => Math.round(x * 10) / 10;

/**
 * The score the app shows for a set of answers {question id: option id}:
 * the weighted mean of the chosen points ("design" or "operating"), with
 * not-applicable answers out of the denominator, rounded as the app rounds
 * (one decimal, then a whole number). '–' when nothing is scored.
 */
export function expectedScore(answers, questions, points = 'operating') {
  const sc = scale();
  let w = 0, sum = 0;
  for (const [id, opt] of Object.entries(answers)) {
    const q = questions.find((x) => x.id === id);
    if (!q || sc[opt].na) continue;
    w += q.weight;
    sum += q.weight * sc[opt][points];
  }
  return w > 0 ? Math.round(round1(sum / w)) : '–';
}

/**
 * The gaps the engine lists for these answers (Type II: operating below 100),
 * ranked as the app ranks them: severity = weight x (2 for key) x shortfall / 100,
 * then key controls first, then question id.
 */
export function expectedGaps(answers, questions, points = 'operating') {
  const sc = scale();
  return Object.entries(answers)
    .map(([id, opt]) => ({ q: questions.find((x) => x.id === id), opt }))
    .filter(({ q, opt }) => q && !sc[opt].na && sc[opt][points] < 100)
    .map(({ q, opt }) => ({
      id: q.id, key: q.key, answer: opt,
      severity: q.weight * (q.key ? 2 : 1) * (100 - sc[opt][points]) / 100,
    }))
    .sort((a, b) => b.severity - a.severity || Number(b.key) - Number(a.key) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Estimation parameters: the likely value (or [low, likely, high]) of each fee. */
export function estimation() {
  const e = readToml('estimation');
  return {
    tiers: Object.fromEntries(e.cost.tiers.map((t) => [t.id, { type1: t.type1.range, type2: t.type2.range, type2Source: t.type2.source }])),
    sources: e.sources,
    categories: Object.fromEntries(e.cost.categories.map((c) => [c.category, c.share.range])),
    complexity: e.cost.complexity,
  };
}
