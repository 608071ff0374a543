// Trunk post-build hook, before the others: splits the app's wasm at the split
// points in src/app/lazy.rs, so the first screen downloads and compiles only its
// own code. Trunk has built the wasm (with the linker's relocations, see
// build.rs) and run wasm-bindgen on it whole; this replaces that
// output in the staging folder with:
//   soc-readiness_bg.wasm   the first screen's module (the app starts with it),
//   soc-readiness.js        wasm-bindgen's glue for it,
//   __wasm_split.js         the loader of the other parts, imported by the glue,
//   split_*.wasm, chunk_*.wasm  the parts, and code that several parts share,
// each optimised with wasm-opt in release builds. The tools come from
// scripts/setup.sh: wasm-split-cli, wasm-bindgen and wasm-opt.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const NAME = 'soc-readiness';
const release = process.env.TRUNK_PROFILE === 'release';
const staging = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
if (!staging) throw new Error('split-wasm: run by Trunk as a post-build hook (no TRUNK_STAGING_DIR)');

// Cargo's output, where Trunk had it built: the target directory cargo reports,
// and the release profile index.html names (dev builds use cargo's debug profile).
const metadata = JSON.parse(execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps', '--offline'],
  { cwd: source, encoding: 'utf8', maxBuffer: 64 << 20 }));
const targetDir = metadata.target_directory;
const html = readFileSync(process.env.TRUNK_HTML_FILE ?? join(source, 'index.html'), 'utf8');
const profile = html.match(/data-cargo-profile-release="([\w-]+)"/)?.[1] ?? 'release';
const profileDir = release ? profile : 'debug';
const input = join(targetDir, 'wasm32-unknown-unknown', profileDir, `${NAME}.wasm`);
if (!existsSync(input)) throw new Error(`split-wasm: cargo's output ${input} is missing`);

const work = join(targetDir, 'wasm-split', profileDir);
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

const run = (tool, args) => {
  try {
    execFileSync(tool, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  } catch (e) {
    const why = e.code === 'ENOENT' ? `${tool} is missing; run scripts/setup.sh first` : `${tool} failed`;
    throw new Error(`split-wasm: ${why}`);
  }
};

run('wasm-split-cli', [input, work, '--out-name', NAME]);
const pkg = join(work, 'pkg');
// --keep-lld-exports: the parts reach the main module through the linker's exports.
run('wasm-bindgen', [join(work, `${NAME}.wasm`), '--out-dir', pkg, '--out-name', NAME,
  '--target', 'web', '--keep-lld-exports', '--no-typescript']);

const parts = readdirSync(work).filter((f) => f.endsWith('.wasm') && f !== `${NAME}.wasm`);
const wasm = [[join(pkg, `${NAME}_bg.wasm`), `${NAME}_bg.wasm`], ...parts.map((f) => [join(work, f), f])];
for (const [from, name] of wasm) {
  const to = join(staging, name);
  // What Trunk's own wasm-opt step ran before the split (now off in index.html).
  if (release) run('wasm-opt', ['-Oz', '--low-memory-unused', from, '-o', to]);
  else copyFileSync(from, to);
}
copyFileSync(join(pkg, `${NAME}.js`), join(staging, `${NAME}.js`));
copyFileSync(join(work, '__wasm_split.js'), join(staging, '__wasm_split.js'));
console.log(`split-wasm: ${wasm.map(([, n]) => n).join(', ')}`);
