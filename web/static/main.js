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
//
// It also hands the app `offline`: offline use of the site, only when the
// person chooses it (a service worker, sw.js, and the web app manifest).
// The embed and the single file start without it, so there the choice is
// not offered and nothing is registered.
import init, { offline_support, start } from './naastenmeter_web.js';

/** The service worker beside this page (a stable, unhashed address). */
const WORKER = 'sw.js';
/** The prefix of the worker's caches (sw.js). */
const CACHES = 'naastenmeter-';
/** What the app is told, as one number: offline use cannot be offered here. */
const UNAVAILABLE = 0;
/** Offline use is off. */
const OFF = 1;
/** Offline use is on. */
const ON = 2;
/** Offline use is on and a new version waits for the next start. */
const ON_UPDATE_WAITING = 3;

/** The browser's service workers, where it offers them (a secure context). */
const workers = () => ('serviceWorker' in navigator ? navigator.serviceWorker : null);

/** The registration of this page's worker, if offline use is on. */
async function registration() {
  const container = workers();
  return container ? (await container.getRegistration()) ?? null : null;
}

/**
 * Adds or removes the link to the web app manifest: only with offline use
 * on, so no browser offers to install the app before the person chose.
 */
function manifestLink(on) {
  const link = document.querySelector('link[rel=manifest]');
  if (on && !link) {
    const added = document.createElement('link');
    added.rel = 'manifest';
    added.href = 'manifest.webmanifest';
    document.head.append(added);
  } else if (!on && link) {
    link.remove();
  }
}

/** The state of offline use as the app's number, with the manifest link made to match. */
function stateOf(found) {
  manifestLink(found !== null);
  if (!workers()) return UNAVAILABLE;
  if (!found) return OFF;
  return found.waiting ? ON_UPDATE_WAITING : ON;
}

/** Resolves once `worker` is active; rejects when its install failed. */
function activated(worker) {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (worker.state === 'activated') resolve();
      else if (worker.state === 'redundant') reject(new Error('the files could not be stored'));
    };
    worker.addEventListener('statechange', check);
    check();
  });
}

/** Unregisters the worker and deletes its caches; never rejects. */
async function forget() {
  manifestLink(false);
  try {
    const container = workers();
    if (container) await Promise.all((await container.getRegistrations()).map((r) => r.unregister()));
    // Cache Storage exists in secure contexts only.
    if (typeof caches !== 'undefined') {
      const keys = await caches.keys();
      await Promise.all(keys.filter((key) => key.startsWith(CACHES)).map((key) => caches.delete(key)));
    }
  } catch (error) {
    console.warn('Naastenmeter: offline use could not be removed completely:', error);
  }
  return workers() ? OFF : UNAVAILABLE;
}

/** What the app calls (web/src/browser.rs); each answer is the state's number. */
const offline = {
  /**
   * Calls `report` with the state now, and again when a new version has
   * been installed and waits for the next start.
   */
  watch(report) {
    registration().then((found) => {
      report(stateOf(found));
      if (!found) return;
      // A new version being stored: now (the browser looked while this
      // page loaded) or later.
      const follow = (next) => next?.addEventListener('statechange', () => {
        if (next.state === 'installed' && found.active) report(stateOf(found));
      });
      follow(found.installing);
      found.addEventListener('updatefound', () => follow(found.installing));
    }, () => report(UNAVAILABLE));
  },
  /** Switches offline use on (every file stored) or off (all removed). */
  async set(on) {
    if (!on) return forget();
    const container = workers();
    if (!container) throw new Error('this browser cannot keep the app');
    try {
      const found = await container.register(WORKER, { scope: './' });
      await activated(found.active ?? found.installing ?? found.waiting);
      return stateOf(found);
    } catch (error) {
      // Half a choice is none: nothing is left behind.
      await forget();
      throw error;
    }
  },
  forget,
};

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
// app's first history entry and replace it with the neutral site; offline use is
// removed. Before the
// app runs there are no answers in memory, only in storage.
async function quickExitBeforeReady() {
  // Offline use goes too, as in the app's quick exit: waited for at most
  // half a second, because leaving comes first.
  await Promise.race([forget(), new Promise((resolve) => setTimeout(resolve, 500))]);
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
  offline_support(offline);
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
