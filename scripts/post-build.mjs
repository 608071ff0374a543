// Trunk's post-build hook, in order (hooks of one stage run at the same time):
// minify the JS glue, then give the assets content-hashed names. Release only.
await import('./minify-glue.mjs');
await import('./hash-assets.mjs');
