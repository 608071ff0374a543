// Minimal static file server for the built app, so neither the tests nor the
// benchmark need Trunk. The benchmark starts it on a random port; Playwright
// Test starts it through serve-cli.mjs on a fixed one (see playwright.config.mjs).
import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

// DIST may be relative to the working directory; by default the repo's dist/.
export function distDir() {
  return process.env.DIST ? path.resolve(process.env.DIST) : path.resolve(here, '../../../dist');
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', // required by WebAssembly.instantiateStreaming
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * The rules of a Netlify / Cloudflare Pages `_headers` file: [{pattern, headers}].
 * Patterns are exact paths or end in `*`; every matching rule applies, in order.
 */
export function parseHeaders(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: {} });
    else {
      const at = line.indexOf(':');
      rules.at(-1).headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
    }
  }
  return rules;
}

function headersFor(rules, pathname) {
  const out = {};
  for (const r of rules) {
    const hit = r.pattern.endsWith('*') ? pathname.startsWith(r.pattern.slice(0, -1)) : pathname === r.pattern;
    if (hit) Object.assign(out, r.headers);
  }
  return out;
}

// What a host compresses: text and wasm (gzip -9, as the size budget counts it).
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.txt', '.webmanifest']);

/**
 * Serves `root` on 127.0.0.1, at `port` (0, the default: a random free port),
 * with the headers of the build's own `_headers` file (the host configuration
 * the release ships, Content-Security-Policy included), so the tests run the
 * app as a host serves it. With `gzip`, answers a browser that accepts it with
 * gzip bodies as a static host does (the benchmark's throttled loads then
 * transfer what the size budget counts). Resolves to {url, close}.
 */
export async function startServer(root = distDir(), { port = 0, gzip = false } = {}) {
  const zipped = new Map(); // file -> gzip body, made once
  root = path.resolve(root);
  const rules = await readFile(path.join(root, '_headers'), 'utf8').then(parseHeaders, () => []);
  const server = http.createServer(async (req, res) => {
    try {
      const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let rel = pathname;
      if (rel.endsWith('/')) rel += 'index.html';
      const file = path.join(root, rel);
      // Refuse anything that escapes the served directory.
      if (file !== root && !file.startsWith(root + path.sep)) throw Object.assign(new Error(), { code: 'ENOENT' });
      if (!(await stat(file)).isFile()) throw Object.assign(new Error(), { code: 'ENOENT' });
      let body = await readFile(file);
      const ext = path.extname(file).toLowerCase();
      const encode = gzip && COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      if (encode) {
        if (!zipped.has(file)) zipped.set(file, gzipSync(body, { level: 9 }));
        body = zipped.get(file);
      }
      res.writeHead(200, {
        'cache-control': 'no-cache',
        ...headersFor(rules, pathname),
        'content-type': TYPES[ext] ?? 'application/octet-stream',
        'content-length': body.length,
        ...(encode ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      const missing = err.code === 'ENOENT' || err.code === 'ENOTDIR';
      res.writeHead(missing ? 404 : 500, { 'content-type': 'text/plain' });
      res.end(missing ? 'not found' : 'server error');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const bound = server.address().port;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
