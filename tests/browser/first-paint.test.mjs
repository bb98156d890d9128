// The prerendered first page (issue 16): the welcome page can be read and
// "Begin" seen before the wasm has arrived; the app then takes over in the
// same place, keeping scroll position and focus; a tap made before it was
// ready is carried out; quick exit works at once; a browser that cannot run
// the app (no JavaScript, the module blocked) says so and points to the
// printable questionnaire.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { QUICK_EXIT_URL, answerPage, appReady, launch, startServer, walkPages } from './helpers.mjs';

const PHONE = { width: 390, height: 844 };
let browser;
let server;
let url;

before(async () => {
  ({ server, url } = await startServer());
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.close();
});

/**
 * Opens the site with the wasm held back until `release()` (or refused
 * with `block`), recording page errors. The quick-exit page is answered
 * locally.
 */
async function openHeld({ javaScriptEnabled = true, block = false, init } = {}) {
  const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled, serviceWorkers: 'block' });
  await context.route('https://www.buienradar.nl/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Weer</title><h1>Weerbericht</h1>' }));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const wasm = { requested: false, served: false };
  await page.route(/\.wasm$/, async (route) => {
    wasm.requested = true;
    if (block) {
      await route.abort();
      return;
    }
    await held;
    wasm.served = true;
    await route.continue();
  });
  if (init) await page.addInitScript(init);
  return { context, page, errors, wasm, release };
}

/** The top of an element relative to the document (not the viewport). */
function topOf(page, selector) {
  return page.evaluate((s) => document.querySelector(s).getBoundingClientRect().top + window.scrollY, selector);
}

test('without JavaScript the welcome text shows with a plain message and the paper questionnaire', async () => {
  const { context, page } = await openHeld({ javaScriptEnabled: false });
  await page.goto(url);
  assert.match(await page.locator('h1').textContent(), /Hoe gaat het met jou/);
  assert.ok(await page.locator('#start').isVisible(), '"Begin" is there');
  const message = page.locator('.app-message', { hasText: 'JavaScript' });
  assert.ok(await message.isVisible(), 'says the questionnaire needs JavaScript');
  assert.equal(await message.locator('a').getAttribute('href'), 'questionnaire-nl.html');
  assert.ok(!(await page.locator('#app-failed').isVisible()), 'the "cannot start" message stays hidden');
  await context.close();
});

test('with the wasm 3 s late the welcome is readable at once and the app takes over in place', async () => {
  const { context, page, errors, wasm, release } = await openHeld();
  await page.goto(url);
  await page.locator('#start').waitFor();
  const timer = setTimeout(release, 3000);
  // Read before the wasm arrived.
  assert.equal(wasm.served, false);
  assert.ok(await page.locator('h1', { hasText: 'Hoe gaat het met jou' }).isVisible());
  assert.ok(await page.locator('#start').isVisible());
  const inViewport = await page.evaluate(() => document.getElementById('start').getBoundingClientRect().bottom <= window.innerHeight);
  assert.ok(inViewport, '"Begin" on the first phone screen before the app runs');
  const privacyTop = await topOf(page, '.privacy');
  // The reader scrolled a little and put focus on "Begin".
  await page.evaluate(() => window.scrollTo(0, 150));
  await page.locator('#start').focus();
  await appReady(page);
  clearTimeout(timer);
  assert.equal(wasm.served, true);
  assert.equal(await page.evaluate(() => window.scrollY), 150, 'scroll position kept');
  assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), 'start', 'focus kept');
  assert.equal(await topOf(page, '.privacy'), privacyTop, 'the page did not move');
  assert.equal(await page.locator('h1').count(), 1, 'one page, not two');
  // The app now runs: "Begin" starts the questionnaire.
  await page.locator('#start').click();
  await page.locator('#progress-text').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('"Begin" tapped before the app is ready says so, then starts', async () => {
  const { context, page, errors, release } = await openHeld();
  await page.goto(url);
  await page.locator('#start').click();
  const status = page.locator('#app-status');
  assert.match(await status.textContent(), /Een moment/);
  assert.ok(await status.isVisible());
  release();
  await page.locator('#progress-text').waitFor();
  assert.equal(await status.textContent(), '', 'the moment has passed');
  assert.deepEqual(errors, []);
  await context.close();
});

test('"English" tapped before the app is ready switches once it is', async () => {
  const { context, page, errors, release } = await openHeld();
  await page.goto(url);
  await page.locator('.lang-switch').click();
  release();
  await page.locator('html[lang="en"]').waitFor();
  assert.match(await page.locator('h1').textContent(), /How are you/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('quick exit works before the app is ready and erases what was kept', async () => {
  const { context, page, release } = await openHeld({
    init: { content: "if (location.protocol === 'http:') { sessionStorage.setItem('naastenmeter.progress', '{}'); localStorage.setItem('naastenmeter.remembered', '[]'); }" },
  });
  await page.goto(url);
  await page.locator('#quick-exit').click();
  await page.waitForURL(QUICK_EXIT_URL);
  release();
  const check = await context.newPage();
  await check.route(/\.wasm$/, (route) => route.abort());
  await check.goto(url);
  assert.equal(await check.evaluate(() => localStorage.length), 0, 'remembered results erased');
  await context.close();
});

test('when the app cannot start, the page says so and points to the paper questionnaire', async () => {
  const { context, page } = await openHeld({ block: true });
  await page.goto(url);
  const failed = page.locator('#app-failed');
  await failed.waitFor({ state: 'visible' });
  assert.match(await failed.textContent(), /kan in deze browser niet starten/);
  assert.equal(await failed.locator('a').getAttribute('href'), 'questionnaire-nl.html');
  await context.close();
});

test('a reload with answers in progress lands on the person\'s page without an error', async () => {
  const { context, page, errors, release } = await openHeld();
  release();
  await page.goto(url);
  await appReady(page);
  await walkPages(page, 3);
  await answerPage(page);
  const where = await page.locator('#progress-text').textContent();
  page.on('dialog', (dialog) => dialog.accept().catch(() => {}));
  await page.reload();
  await appReady(page);
  assert.equal(await page.locator('#progress-text').textContent(), where);
  assert.ok((await page.locator('input:checked').count()) > 0, 'answers kept');
  assert.deepEqual(errors, []);
  await context.close();
});
