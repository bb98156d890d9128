// Naastenmeter's service worker: makes the site work without internet, and
// only after the person chose "use without internet on this device" (the
// app registers it then; quick exit, "forget all", "stop and erase" and
// turning the choice off unregister it and delete its cache).
//
// It stores the app's own files and nothing else: the list below is
// written by web/hash-compress.mjs at build time (the content-hashed
// names of this build), and CACHE names this build, so a new deployment
// is a changed sw.js that the browser installs beside the old one. The new
// worker waits until no page of the old version is open: a questionnaire
// in progress is never switched to other files halfway. The app tells the
// person that a new version comes at the next start.
//
// It sends nothing anywhere: it fetches only the files below, from its own
// origin, and never handles a request to another origin. Answers are never
// in a request (the app keeps them in the tab), and no response other than
// these files is stored.

/** This build's cache; written by web/hash-compress.mjs. */
const CACHE = 'naastenmeter-BUILD';
/** This build's files, relative to this worker; written by web/hash-compress.mjs. */
const FILES = [];
/** The prefix of every cache this worker may delete (its own, of any build). */
const PREFIX = 'naastenmeter-';

self.addEventListener('install', (event) => {
  // Every file or none: a failed download fails the install, and the app
  // says that offline use could not be switched on.
  event.waitUntil(caches.open(CACHE).then((cache) =>
    cache.addAll(FILES.map((file) => new Request(file, { cache: 'no-cache' })))));
});

self.addEventListener('activate', (event) => {
  // The files of earlier builds go once this build takes over.
  event.waitUntil(caches.keys().then((keys) =>
    Promise.all(keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE).map((key) => caches.delete(key)))));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // Another origin, or anything but reading a file: not this worker's
  // business (the app makes no such request).
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(answer(request, url));
});

/**
 * The stored file for a request (the page itself for the folder's
 * address), else the network's answer, which is not stored.
 */
async function answer(request, url) {
  const key = new URL(url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname, url.origin);
  // caches.match with a name never makes a cache: after quick exit has
  // deleted it, a page still open finds nothing and no empty cache appears.
  const stored = await caches.match(key.href, { cacheName: CACHE, ignoreVary: true });
  return stored ?? fetch(request);
}
