// Loads the app without any inline script, so the Content-Security-Policy can forbid them.
import init from './soc-readiness.js';

init({ module_or_path: new URL('./soc-readiness_bg.wasm', import.meta.url) }).catch((err) => {
  const boot = document.getElementById('boot');
  if (boot) boot.textContent = 'The assessment could not start in this browser: ' + err;
});
