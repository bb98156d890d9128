// Loads the Naastenmeter wasm module from beside this file and starts the
// app as the whole page (the Rust side mounts itself into #naastenmeter).
// No other requests. Partner sites use naastenmeter-embed.js instead.
import init, { start } from './naastenmeter_web.js';

init({ module_or_path: new URL('naastenmeter_web_bg.wasm', import.meta.url) }).then(start).catch((error) => {
  const loading = document.getElementById('loading');
  if (loading) {
    loading.textContent = 'Naastenmeter kon niet starten. / Naastenmeter could not start: ' + error;
  }
});
