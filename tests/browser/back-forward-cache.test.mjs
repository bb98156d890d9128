// The back/forward cache (issue 16 item 5): the site may be kept in the
// browser's back/forward cache (it loads faster on Back), but only because
// quick exit still leaves no app page and no answer reachable with Back or
// Forward when that cache is on.
//
// Playwright switches the cache off by default (--disable-back-forward-cache);
// this file launches Chromium with it on, and first shows that the cache
// really holds the app's page, so the test cannot pass with the cache off.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { chromium } from 'playwright-core';

import { QUICK_EXIT_URL, answerPage, appReady, startServer, walkPages } from './helpers.mjs';

let browser;
let server;
let url;

before(async () => {
  ({ server, url } = await startServer());
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
  });
});
after(async () => {
  await browser?.close();
  server?.close();
});

/** Opens the site and records each `pageshow` (whether it came from the cache). */
async function open() {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
  await context.route('https://www.buienradar.nl/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Weer</title><h1>Weerbericht</h1>' }));
  const page = await context.newPage();
  const shows = [];
  page.on('console', (message) => {
    if (message.text().startsWith('nm-pageshow ')) shows.push(message.text().slice('nm-pageshow '.length));
  });
  page.on('dialog', (dialog) => dialog.accept().catch(() => {}));
  await page.addInitScript(() => {
    addEventListener('pageshow', (event) => console.log(`nm-pageshow ${location.origin === 'null' ? 'other' : event.persisted ? 'cache' : 'load'}`));
  });
  await page.goto(url);
  await appReady(page);
  return { context, page, shows };
}

/** Whether the page on screen is one of the app's pages, and any answer in it. */
function appOnScreen(page) {
  return page.evaluate(() => ({
    app: Boolean(document.getElementById('naastenmeter')),
    checked: document.querySelectorAll('input:checked').length,
    stored: (() => { try { return sessionStorage.length + localStorage.length; } catch { return 0; } })(),
  }));
}

test('the app page enters the back/forward cache', async () => {
  const { context, page, shows } = await open();
  // Leave the app for the paper questionnaire (same site) and come back.
  await page.locator('#paper-link').click();
  await page.waitForURL(/questionnaire-nl\.html$/);
  // A page from the cache fires no "load", only "pageshow".
  const before = shows.length;
  await page.goBack({ waitUntil: 'commit' });
  await page.locator('#start').waitFor();
  for (let i = 0; i < 50 && shows.length === before; i += 1) await page.waitForTimeout(100);
  assert.equal(shows.at(-1), 'cache', `Back came from the back/forward cache (page shows: ${shows.join(', ')})`);
  await context.close();
});

test('with the cache on, quick exit leaves no app page and no answer behind Back or Forward', async () => {
  const { context, page } = await open();
  await walkPages(page, 3);
  await answerPage(page);
  assert.ok((await page.locator('input:checked').count()) > 0);
  await page.locator('#quick-exit').click();
  await page.waitForURL(QUICK_EXIT_URL);
  for (let i = 0; i < 3; i += 1) {
    await page.goBack({ waitUntil: 'commit' }).catch(() => {});
    if (page.url().startsWith(url)) {
      const seen = await appOnScreen(page);
      assert.ok(!seen.app && seen.checked === 0, `Back ${i + 1} reached an app page (${page.url()})`);
    }
  }
  // Forward leads to the quick-exit page and, beyond it, at most an empty
  // app (SECURITY.md): never the answers from before.
  for (let i = 0; i < 4; i += 1) {
    const moved = await page.goForward({ waitUntil: 'commit' }).catch(() => null);
    if (page.url().startsWith(url)) {
      await page.waitForTimeout(300);
      const seen = await appOnScreen(page);
      assert.equal(seen.checked, 0, `Forward ${i + 1} shows no answer`);
      assert.equal(seen.stored, 0, `Forward ${i + 1} finds nothing stored`);
    }
    if (!moved) break;
  }
  await context.close();
});
