#!/usr/bin/env node
// Splits a .wasm file into its sections, so the benchmark and the size report can
// tell code (everything the engine must compile) from data segments (bytes it only
// copies). Usage: node scripts/wasm-sections.mjs file.wasm
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export',
  'start', 'element', 'code', 'data', 'data count'];

/** {name: bytes} per section kind, plus `total` and `notData` (all but the data segments: what is compiled). */
export function wasmSections(bytes) {
  if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm file');
  const out = {};
  let i = 8;
  const leb = () => {
    let result = 0, shift = 0, b;
    do { b = bytes[i++]; result += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
    return result;
  };
  while (i < bytes.length) {
    const id = bytes[i++];
    const start = i;
    const size = leb();
    const whole = size + (i - start) + 1;
    const name = NAMES[id] ?? `section ${id}`;
    out[name] = (out[name] ?? 0) + whole;
    i += size;
  }
  out.total = bytes.length;
  out.notData = bytes.length - (out.data ?? 0);
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const s = wasmSections(readFileSync(process.argv[2]));
  for (const [k, v] of Object.entries(s).sort((a, b) => b[1] - a[1])) console.log(`${k.padEnd(12)} ${String(v).padStart(9)}`);
}
