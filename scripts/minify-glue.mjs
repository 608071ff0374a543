// Trunk post-build hook: minifies the wasm-bindgen JS glue and the loader of the
// split-off parts in release builds, which Trunk's own minifier leaves as
// generated (about 1.9 KB gzip saved).
// Terser comes from the browser tests' pinned npm packages (scripts/setup.sh).
import { createRequire } from 'node:module';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);

const require = createRequire(new URL('../tests/e2e/package.json', import.meta.url));
let minify;
try {
  ({ minify } = require('terser'));
} catch {
  console.error('minify-glue: terser is missing; run scripts/setup.sh first');
  process.exit(1);
}

for (const name of ['soc-readiness.js', '__wasm_split.js']) {
  const file = join(process.env.TRUNK_STAGING_DIR, name);
  const source = await readFile(file, 'utf8');
  const out = await minify(source, { module: true, compress: true, mangle: true });
  await writeFile(file, out.code);
  console.log(`minify-glue: ${name} ${source.length} -> ${out.code.length} bytes`);
}
