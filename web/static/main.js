// Loads the Naastenmeter wasm module from beside this file and starts the
// app as the whole page (the Rust side mounts itself into #naastenmeter).
// No other requests. Partner sites use naastenmeter-embed.js instead.
//
// The page already shows the welcome page, prerendered by the build
// (web/src/bin/prerender.rs). Until the app runs, this script:
// - leaves at once on "Snel weg" (quick exit), as the app would;
// - answers any other tap with a short "one moment" in the status line and
//   carries the tap out as soon as the app is ready;
// - shows the message with the printable questionnaire if the app cannot
//   start.
// When the app takes over it draws the same page in the same place; the
// reader's scroll position and focus are kept.
import init, { start } from './naastenmeter_web.js';

const root = document.getElementById('naastenmeter');
const status = document.getElementById('app-status');
let tappedBeforeReady = null;

function onEarlyTap(event) {
  const button = event.target.closest('button');
  if (!button || !root.contains(button)) return;
  event.preventDefault();
  if (button.id === 'quick-exit') {
    quickExitBeforeReady();
    return;
  }
  // Found again in the app's page by its id, or else by its first class
  // (the language switch).
  tappedBeforeReady = button.id ? `#${CSS.escape(button.id)}` : button.classList.length ? `.${CSS.escape(button.classList[0])}` : null;
  if (status) status.textContent = status.dataset.loading || '';
}

// The same promise as the app's quick exit (web/src/browser.rs, `quick_exit`):
// erase the answers in this tab and the remembered results, go back to the
// app's first history entry and replace it with the neutral site. Before the
// app runs there are no answers in memory, only in storage.
function quickExitBeforeReady() {
  try {
    sessionStorage.removeItem('naastenmeter.progress');
    localStorage.removeItem('naastenmeter.remembered');
  } catch {
    // Storage blocked: there is nothing in it to erase.
  }
  const meta = document.querySelector('meta[name="naastenmeter-quick-exit"]');
  const url = meta && meta.content.startsWith('https://') ? meta.content : 'https://www.buienradar.nl/';
  const depth = history.state && Number.isInteger(history.state.naastenmeterDepth) ? history.state.naastenmeterDepth : 0;
  if (depth <= 0) {
    location.replace(url);
    return;
  }
  let left = false;
  const leave = () => {
    if (!left) {
      left = true;
      location.replace(url);
    }
  };
  addEventListener('popstate', leave, { once: true });
  setTimeout(leave, 500);
  history.go(-depth);
}

if (root) root.addEventListener('click', onEarlyTap);

init({ module_or_path: new URL('naastenmeter_web_bg.wasm', import.meta.url) }).then(() => {
  const scrollX = window.scrollX;
  const scrollY = window.scrollY;
  const focused = document.activeElement && root && root.contains(document.activeElement) ? document.activeElement.id : '';
  if (root) root.removeEventListener('click', onEarlyTap);
  start();
  // Yew draws in a microtask; a task later the new page is in place.
  setTimeout(() => {
    window.scrollTo(scrollX, scrollY);
    const again = focused && document.getElementById(focused);
    if (again) again.focus({ preventScroll: true });
    if (status) status.textContent = '';
    // The app is ready (tests wait for this).
    if (root) root.removeAttribute('data-prerendered');
    const tapped = tappedBeforeReady && root && root.querySelector(tappedBeforeReady);
    if (tapped) tapped.click();
  }, 0);
}).catch((error) => {
  if (root) root.removeEventListener('click', onEarlyTap);
  const failed = document.getElementById('app-failed');
  if (failed) failed.hidden = false;
  if (status) status.textContent = '';
  console.error('Naastenmeter could not start:', error);
});
