// Trunk post-build hook (release only): gives the wasm and its split-off parts,
// the JS glue, the parts' loader, the page's loader and the stylesheet
// content-hashed names in `assets/`, so a browser that cached
// one version can never pair its JS with another version's wasm after a
// redeploy. Only index.html keeps its name; hosts serve it with `no-cache` and
// `assets/` with a one-year cache (see deploy/).
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);
const dir = process.env.TRUNK_STAGING_DIR;
const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

await mkdir(join(dir, 'assets'), { recursive: true });

/** Moves `name` to `assets/stem-<hash>.ext` after applying `edit` to its text; returns the new file name. */
async function hashed(name, edit) {
  const path = join(dir, name);
  let bytes = await readFile(path);
  if (edit) {
    bytes = Buffer.from(edit(bytes.toString('utf8')));
    await writeFile(path, bytes);
  }
  const dot = name.lastIndexOf('.');
  const out = `${name.slice(0, dot)}-${hash(bytes)}${name.slice(dot)}`;
  await rename(path, join(dir, 'assets', out));
  return out;
}

/** Replaces every reference to `from` (quoted or not, with or without `./`) by `to`. */
function replaceRef(text, from, to) {
  const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(["'=/])(\\./)?${escaped}(?=["'\\s>])`, 'g');
  const out = text.replace(re, (_, before, dot) => `${before}${dot ?? ''}${to}`);
  if (out === text) throw new Error(`hash-assets: no reference to ${from} found`);
  return out;
}

const wasm = await hashed('soc-readiness_bg.wasm');
// The split-off parts (scripts/split-wasm.mjs), named by their loader.
let partsJs = await readFile(join(dir, '__wasm_split.js'), 'utf8');
const parts = (await readdir(dir)).filter((f) => /^(split|chunk)_\w+\.wasm$/.test(f)).sort();
for (const part of parts) partsJs = replaceRef(partsJs, part, await hashed(part));
// The glue and the parts' loader import each other, so neither name can hold a
// hash of the other's final text: both carry one hash of both texts instead.
let glueText = await readFile(join(dir, 'soc-readiness.js'), 'utf8');
const pair = hash(`${glueText}\0${partsJs}`);
const glue = `soc-readiness-${pair}.js`;
const partsLoader = `__wasm_split-${pair}.js`;
// Only the glue's import statements: its import object keeps the module name the wasm asks for.
const imports = /(\bfrom\s*["'])\.\/__wasm_split\.js(?=["'])/g;
if (!imports.test(glueText)) throw new Error('hash-assets: the glue does not import __wasm_split.js');
glueText = glueText.replace(imports, `$1./${partsLoader}`);
partsJs = replaceRef(partsJs, 'soc-readiness.js', glue);
await writeFile(join(dir, 'assets', glue), glueText);
await writeFile(join(dir, 'assets', partsLoader), partsJs);
await rm(join(dir, 'soc-readiness.js'));
await rm(join(dir, '__wasm_split.js'));
const boot = await hashed('boot.js', (s) => replaceRef(replaceRef(s, 'soc-readiness.js', glue), 'soc-readiness_bg.wasm', wasm));
const css = await hashed('app.css');
const html = join(dir, 'index.html');
let page = replaceRef(replaceRef(await readFile(html, 'utf8'), 'boot.js', `assets/${boot}`), 'app.css', `assets/${css}`);
// The loader imports the glue, which then fetches the wasm: three round trips in a
// row. Hints let the browser fetch all three at once while it parses the page (the
// wasm hint matches the glue's own fetch: same URL, CORS mode, same-origin
// credentials, so the browser reuses the preloaded response).
const hints = `<link rel=modulepreload href=assets/${glue}>`
  + `<link rel=modulepreload href=assets/${partsLoader}>`
  + `<link rel=preload href=assets/${wasm} as=fetch type=application/wasm crossorigin>`;
const loader = page.search(/<script\b[^>]*assets\/boot-/);
if (loader < 0) throw new Error('hash-assets: no loader script tag in index.html');
page = page.slice(0, loader) + hints + page.slice(loader);
await writeFile(html, page);
console.log(`hash-assets: ${[wasm, glue, partsLoader, boot, css, ...parts].join(', ')}`);
