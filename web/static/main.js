// Loads the Naastenmeter wasm module from beside this file and starts the
// app (the Rust side mounts itself into #naastenmeter). No other requests.
import init from './naastenmeter_web.js';

init({ module_or_path: new URL('naastenmeter_web_bg.wasm', import.meta.url) }).catch((error) => {
  const loading = document.getElementById('loading');
  if (loading) {
    loading.textContent = 'Naastenmeter kon niet starten. / Naastenmeter could not start: ' + error;
  }
});
