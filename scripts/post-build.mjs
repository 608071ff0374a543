// Trunk's post-build hook, in order (hooks of one stage run at the same time):
// split the wasm (every build), then, in release builds only, minify the JS and
// give the assets content-hashed names.
await import('./split-wasm.mjs');
await import('./minify-glue.mjs');
await import('./hash-assets.mjs');
