#!/usr/bin/env node
// Serves the release build for Playwright Test's `webServer` (and for a look by
// hand): DIST (default: the repository's dist/) on 127.0.0.1 at E2E_PORT
// (default 4173), with the same MIME types and headers as the benchmark's server.
// Usage: node lib/serve-cli.mjs   (DIST=dir, E2E_PORT=n)
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startServer, distDir } from './server.mjs';

export const DEFAULT_PORT = 4173;
const port = Number(process.env.E2E_PORT ?? DEFAULT_PORT);
const root = distDir();

if (!existsSync(path.join(root, 'index.html'))) {
  console.error(`serve-cli: no index.html in ${root}; build the app first (trunk build --release) or set DIST`);
  process.exit(1);
}

const server = await startServer(root, { port });
console.log(`serving ${root} at ${server.url}/`);

const stop = () => server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
