// Offline use, on request (issue 16 item 3): the site keeps its files on
// the device only after the person chooses "use without internet on this
// device", then works offline, with no request to another origin at any
// time (the service worker's own requests included); quick exit, "forget
// all" and "stop and erase" remove the worker and its cache; a new version
// deployed during a questionnaire does not interrupt it, and its notice
// comes only on the welcome page or the result.
//
// Each test serves its own copy of web/dist (web/build.sh), so a test can
// deploy a second version into it.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { answerPage, answerToResult, DIST, launch, openApp, QUICK_EXIT_URL, waitForPage } from './helpers.mjs';
import { serve } from '../../web/serve.mjs';

let browser;
const cleanup = [];

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
  for (const done of cleanup) await done();
});

/** Serves a fresh copy of web/dist; resolves to { url, dir }. */
async function serveCopy() {
  const dir = await mkdtemp(join(tmpdir(), 'nm-offline-'));
  await cp(DIST, dir, { recursive: true });
  const { server, url } = await serve(dir, 0);
  cleanup.push(async () => {
    server.close();
    await rm(dir, { recursive: true, force: true });
  });
  return { url, dir };
}

/** Opens the site with service workers allowed; resolves when interactive. */
async function open(url) {
  const opened = await openApp(browser, url, { serviceWorkers: 'allow' });
  // Every request of the context: the page's, and the worker's own.
  opened.all = [];
  opened.context.on('request', (request) => opened.all.push(request.url()));
  await opened.page.locator('#main-heading').waitFor();
  return opened;
}

/** The workers and caches of the page's origin, and the manifest link. */
function traces(page) {
  return page.evaluate(async () => ({
    workers: (await navigator.serviceWorker.getRegistrations()).length,
    caches: await caches.keys(),
    manifest: document.querySelectorAll('link[rel=manifest]').length,
  }));
}

const NONE = { workers: 0, caches: [], manifest: 0 };

/** Every request went to the site's own origin (or stayed in the page). */
function assertOwnOrigin(url, { all, log }) {
  for (const u of [...all, ...log.requests, ...log.workerRequests]) {
    assert.ok(u.startsWith(url) || u.startsWith('blob:') || u.startsWith('data:') || u.startsWith(QUICK_EXIT_URL),
      `a request left the origin: ${u}`);
  }
  assert.deepEqual(log.csp, [], 'no CSP violation');
  assert.deepEqual(log.consoleErrors, [], 'no console error');
}

/** Chooses offline use and waits until the app says it is on. */
async function chooseOffline(page) {
  await page.locator('#offline-on').click();
  await page.locator('#offline-state').waitFor();
}

test('without the choice: no service worker, no cache, no manifest; the choice is offered', async () => {
  const { url } = await serveCopy();
  const opened = await open(url);
  const { context, page } = opened;
  await page.locator('#offline-on').waitFor();
  assert.match(await page.locator('#offline-explain').textContent(), /iemand anders/);
  await page.locator('#start').click();
  await answerToResult(page);
  await page.locator('#offline-on').waitFor();
  assert.deepEqual(await traces(page), NONE, 'nothing registered or stored');
  assert.ok(!opened.all.some((u) => /sw\.js|manifest\.webmanifest/.test(u)), 'neither the worker nor the manifest was asked for');
  assertOwnOrigin(url, opened);
  await context.close();
});

test('with the choice: offline, a reload starts the app and a questionnaire is completed; nothing leaves the origin', async () => {
  const { url } = await serveCopy();
  const opened = await open(url);
  const { context, page, log } = opened;
  await chooseOffline(page);
  const on = await traces(page);
  assert.equal(on.workers, 1, 'one worker');
  assert.equal(on.caches.length, 1, 'one cache');
  assert.match(on.caches[0], /^naastenmeter-[0-9a-f]{16}$/);
  assert.equal(on.manifest, 1, 'the manifest link is there');
  const stored = await page.evaluate(async (name) =>
    (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname), on.caches[0]);
  assert.ok(stored.includes('/index.html') && stored.some((p) => p.endsWith('.wasm')), `the app's files: ${stored}`);
  assert.ok(stored.every((p) => !/progress|remembered|answers/.test(p)), 'only files');
  assert.ok(log.workerRequests.length > 0, 'the worker\'s own requests are seen');

  await context.setOffline(true);
  await page.reload();
  await page.locator('#offline-state').waitFor();
  assert.equal(await page.evaluate(() => navigator.onLine), false, 'really offline');
  await page.locator('#start').click();
  await answerToResult(page);
  await page.locator('main.result #main-heading').waitFor();
  // The result offers to remove it again, near "remember".
  await page.locator('#offline-off').waitFor();
  // Answers were never in the cache.
  const after = await page.evaluate(async (name) =>
    (await (await caches.open(name)).keys()).length, on.caches[0]);
  assert.equal(after, stored.length, 'the cache holds the same files, nothing more');
  assertOwnOrigin(url, opened);

  // Turning it off removes everything.
  await context.setOffline(false);
  await page.locator('#offline-off').click();
  await page.locator('#offline-on').waitFor();
  assert.deepEqual(await traces(page), NONE, 'turned off: nothing left');
  await context.close();
});

test('quick exit removes the worker, its cache and the manifest link', async () => {
  const { url } = await serveCopy();
  const opened = await open(url);
  const { context, page, log } = opened;
  await chooseOffline(page);
  await page.locator('#start').click();
  await answerPage(page);
  await page.locator('#quick-exit').click();
  await page.waitForURL(QUICK_EXIT_URL);
  assert.ok(!log.dialogs.includes('beforeunload'), 'quick exit does not ask');
  // A page of the origin that runs none of the app.
  await page.goto(`${url}questionnaire-nl.html`);
  assert.deepEqual(await traces(page), NONE, 'quick exit left offline use behind');
  assertOwnOrigin(url, opened);
  await context.close();
});

test('"forget all" and "stop and erase" remove the worker and its cache', async () => {
  const { url } = await serveCopy();
  const opened = await open(url);
  const { context, page } = opened;
  await page.locator('#start').click();
  await answerToResult(page);
  await page.locator('#remember').click();
  await page.locator('.remember .done').waitFor();
  await chooseOffline(page);
  await page.locator('#to-earlier').click();
  await page.locator('#forget-all').click();
  await page.locator('#forget-all-confirm').click();
  await page.locator('.notice', { hasText: 'gewist' }).waitFor();
  assert.deepEqual(await traces(page), NONE, '"forget all" left offline use behind');

  await page.locator('.earlier .nav-buttons button').click();
  await page.locator('#offline-on').waitFor();
  await chooseOffline(page);
  await page.locator('#stop-and-erase').click();
  await page.locator('.notice', { hasText: 'gewist' }).waitFor();
  await page.locator('#offline-on').waitFor();
  assert.deepEqual(await traces(page), NONE, '"stop and erase" left offline use behind');
  assertOwnOrigin(url, opened);
  await context.close();
});

/** Deploys a second version into `dir`: another index.html, so another sw.js. */
async function deploySecondVersion(dir) {
  const index = await readFile(join(dir, 'index.html'), 'utf8');
  await writeFile(join(dir, 'index.html'), index.replace('<head>', '<head>\n<meta name="nm-test-version" content="2">'));
  const worker = await readFile(join(dir, 'sw.js'), 'utf8');
  await writeFile(join(dir, 'sw.js'), worker.replace(/const CACHE = 'naastenmeter-([0-9a-f]{16})'/, "const CACHE = 'naastenmeter-$1-2'"));
  // The compressed forms of the changed files would still be the old ones.
  for (const name of ['index.html', 'sw.js']) {
    for (const suffix of ['.br', '.gz']) await rm(join(dir, name + suffix), { force: true });
  }
}

const version = (page) => page.evaluate(() => document.querySelector('meta[name=nm-test-version]')?.content ?? '1');

test('a new version deployed during a questionnaire does not interrupt it; the notice comes on the result; it takes over at the next start', async () => {
  const { url, dir } = await serveCopy();
  const opened = await open(url);
  const { context, page } = opened;
  await chooseOffline(page);
  await page.locator('#start').click();
  await answerPage(page);
  await page.locator('#next').click();
  await waitForPage(page, 2);
  await answerPage(page);
  const checked = await page.locator('input:checked').count();

  await deploySecondVersion(dir);
  // A reload looks for a new worker; the browser's own check is made at once.
  await page.reload();
  await waitForPage(page, 2);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await page.waitForFunction(async () => !!(await navigator.serviceWorker.getRegistration()).waiting);
  assert.equal(await version(page), '1', 'the page in use stays the version it started with');
  await waitForPage(page, 2);
  assert.equal(await page.locator('input:checked').count(), checked, 'the answers stay');
  assert.equal(await page.locator('#update-notice').count(), 0, 'no notice in the middle of the questions');

  await answerToResult(page);
  await page.locator('#update-notice').waitFor();
  assert.match(await page.locator('#update-notice').textContent(), /nieuwe versie/);
  await page.locator('.result .nav-buttons button').first().click();
  await page.locator('#progress-text').waitFor();
  assert.equal(await page.locator('#update-notice').count(), 0, 'back on a page of questions: no notice');

  // The next start: with no page of the old version open, the new one takes over.
  await page.close();
  const next = await context.newPage();
  await next.goto(url);
  await next.locator('#main-heading').waitFor();
  assert.equal(await version(next), '2', 'the new version at the next start');
  const caches = await next.evaluate(() => caches.keys());
  assert.equal(caches.length, 1, `only the new version's cache: ${caches}`);
  assert.match(caches[0], /-2$/);
  assertOwnOrigin(url, opened);
  await context.close();
});
