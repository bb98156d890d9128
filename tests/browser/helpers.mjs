// Shared helpers for the browser tests: serve web/dist with the strict CSP,
// launch Debian's Chromium through playwright-core, and record everything a
// page does that could leak data (requests, storage writes, cookies, CSP
// violations, console errors) so each test can fail on anything unexpected.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { serve } from '../../web/serve.mjs';

// NM_WEB_DIST serves another build of the app (for example a private one).
export const DIST = process.env.NM_WEB_DIST ?? fileURLToPath(new URL('../../web/dist/', import.meta.url));
export const QUICK_EXIT_URL = 'https://www.buienradar.nl/';
const AXE = fileURLToPath(new URL('./node_modules/axe-core/axe.min.js', import.meta.url));

/** Serves web/dist on a free loopback port. */
export async function startServer() {
  return serve(DIST, 0);
}

/** Launches headless Chromium from Debian, never a downloaded browser. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * Opens the app in a fresh context and records what it does.
 * `log.loaded` is set by the test once the first page is interactive; every
 * request after that (other than a `blob:` download) is unexpected. `init`
 * is a test's own init script (a function or `{ content }`).
 * `serviceWorkers: 'allow'` lets the site register its worker (offline
 * use); every request a service worker makes is then kept in
 * `log.workerRequests`.
 */
export async function openApp(browser, url, { viewport = { width: 1280, height: 900 }, hash = '', init, serviceWorkers = 'block' } = {}) {
  // Service workers are blocked unless a test of offline use allows them.
  const context = await browser.newContext({ viewport, acceptDownloads: true, serviceWorkers });
  // The quick-exit page is answered locally: the test never goes online.
  await context.route('https://www.buienradar.nl/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Weer</title><h1>Weerbericht</h1>' }));
  const page = await context.newPage();
  const log = { requests: [], lateRequests: [], versionRequests: [], workerRequests: [], writes: [], csp: [], consoleErrors: [], consoleWarnings: [], dialogs: [], loaded: false };
  context.on('request', (request) => {
    if (request.serviceWorker()) log.workerRequests.push(request.url());
  });
  page.on('request', (request) => {
    const u = request.url();
    log.requests.push(u);
    // An earlier questionnaire version, fetched from the app's own origin
    // only to open a result made with it (SECURITY.md): counted apart, so a
    // test can say whether it expected one. Any other late request fails.
    if (log.loaded && u.startsWith(new URL(url).origin + '/') && /\/instruments\/naastenmeter-[0-9.]+\.bin$/.test(u)) {
      log.versionRequests.push(u);
    } else if (log.loaded && !u.startsWith('blob:') && !u.startsWith('data:') && !u.startsWith(QUICK_EXIT_URL)) {
      log.lateRequests.push(u);
    }
  });
  page.on('console', (message) => {
    if (message.type() === 'error') log.consoleErrors.push(message.text());
    if (message.type() === 'warning') log.consoleWarnings.push(message.text());
  });
  page.on('pageerror', (error) => log.consoleErrors.push(String(error)));
  page.on('dialog', (dialog) => {
    log.dialogs.push(dialog.type());
    dialog.accept().catch(() => {});
  });
  await page.exposeFunction('__nmRecord', (entry) => {
    if (entry.kind === 'csp') log.csp.push(entry);
    else log.writes.push(entry);
  });
  // Runs before the app in every document; wraps storage so every write is
  // seen, and listens for CSP violations.
  await page.addInitScript(() => {
    const record = (entry) => window.__nmRecord && window.__nmRecord(entry);
    const areaOf = (storage) => (storage === window.localStorage ? 'local' : 'session');
    const { setItem, removeItem, clear } = Storage.prototype;
    Storage.prototype.setItem = function (key, value) {
      record({ kind: 'write', area: areaOf(this), op: 'set', key, value: String(value) });
      return setItem.call(this, key, value);
    };
    Storage.prototype.removeItem = function (key) {
      record({ kind: 'write', area: areaOf(this), op: 'remove', key });
      return removeItem.call(this, key);
    };
    Storage.prototype.clear = function () {
      record({ kind: 'write', area: areaOf(this), op: 'clear' });
      return clear.call(this);
    };
    document.addEventListener('securitypolicyviolation', (e) =>
      record({ kind: 'csp', directive: e.violatedDirective, blocked: e.blockedURI }));
  });
  // A test's own script to run first in every document (after the above).
  if (init) await page.addInitScript(init);
  await page.goto(url + hash);
  await appReady(page);
  return { context, page, log };
}

/**
 * Waits until the app has taken over the prerendered welcome page of the
 * site (web/static/main.js removes the root's `data-prerendered`); at once
 * on a page without one (a partner's page, the single file).
 */
export async function appReady(page) {
  await page.waitForFunction(() => {
    const root = document.getElementById('naastenmeter');
    return !root || !root.hasAttribute('data-prerendered');
  });
}

/**
 * Runs axe-core (WCAG 2.x A and AA) on the page; returns the violations.
 * With `bestPractice`, axe's best-practice rules too: the landmark rules
 * (one main, at the top level), a page's h1 and the heading order, which an
 * embed can break on the partner's page. `only` runs just these rules.
 */
export async function axe(page, { bestPractice = false, only } = {}) {
  const source = await readFile(AXE, 'utf8');
  // Evaluated through the DevTools protocol, so the page's CSP stays strict.
  await page.evaluate(source);
  return page.evaluate(async ({ bestPractice, only }) => {
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
    const result = await window.axe.run(document, {
      runOnly: only ? { type: 'rule', values: only } : { type: 'tag', values: bestPractice ? [...tags, 'best-practice'] : tags },
    });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  }, { bestPractice, only: only ?? null });
}

/** Whether the page is wider than the viewport (horizontal scrolling). */
export async function overflowsHorizontally(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

/**
 * Answers every question on the current page as a person would, by clicking
 * option labels. `skip` names question ids to leave unanswered; `pick`
 * chooses the option index for a question (default: the middle one).
 */
export async function answerPage(page, { skip = new Set(), pick = (id, count) => Math.floor(count / 2) } = {}) {
  const questions = page.locator('fieldset.question');
  const n = await questions.count();
  for (let i = 0; i < n; i += 1) {
    const fieldset = questions.nth(i);
    const id = (await fieldset.getAttribute('id')).replace(/^q-/, '');
    if (skip.has(id)) continue;
    const options = fieldset.locator('label.option');
    const count = await options.count();
    const input = options.nth(pick(id, count)).locator('input');
    if (!(await input.isChecked())) await options.nth(pick(id, count)).click();
    await fieldset.locator('.clear-answer').waitFor();
  }
}

/**
 * Goes through every remaining question page to the result. It waits through
 * locators, which also see into the embed's shadow root (document queries
 * do not), so the site, the embed and the single file share it.
 */
export async function answerToResult(page, options = {}) {
  for (let guard = 0; guard < 100; guard += 1) {
    if (await page.locator('.result').count()) return;
    const progress = await page.locator('#progress-text').textContent();
    await answerPage(page, options);
    await page.locator('#next').click();
    await page.locator('.result, #progress-text').filter({ hasNotText: progress }).first().waitFor();
  }
  throw new Error('the result page never came');
}

/**
 * Item answers (values) whose scale scores lie at the class means of
 * `prototype` in the instrument's latent profile model, reverse-keyed items
 * turned: answers for which the core names that prototype. Items outside
 * the model's scales are left out.
 */
export function valuesAtClassMeans(instrument, prototype) {
  const model = instrument.model.latent.profiles;
  const klass = model.classes.find((c) => c.prototype === prototype);
  const values = {};
  model.scales.forEach((scaleId, k) => {
    let sum = 0;
    instrument.scales.find((s) => s.id === scaleId).items.forEach((id, i) => {
      const item = instrument.items.find((it) => it.id === id);
      const options = instrument.response_scales.find((s) => s.id === item.response_scale).options.map((o) => o.value);
      const [lo, hi] = [options[0], options.at(-1)];
      // Spread the rounding over the items, so the mean comes out right.
      const v = Math.max(lo, Math.min(hi, Math.round(klass.means[k] * (i + 1) - sum)));
      sum += v;
      values[id] = item.reverse ? lo + hi - v : v;
    });
  });
  return values;
}

/** The option index of an item's value, for `answerPage`'s `pick`. */
export function optionIndex(instrument, itemId, value) {
  const item = instrument.items.find((it) => it.id === itemId);
  return instrument.response_scales.find((s) => s.id === item.response_scale).options.findIndex((o) => o.value === value);
}

/** The number of pages of a PDF made by `page.pdf` (its page objects). */
export function pdfPages(pdf) {
  return (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
}

/**
 * Fills the conversation card to its limits (the worst case for the
 * printout): three worries and an own goal of 150 characters, every
 * sub-goal, and 400 characters of questions. Opens its folded section first.
 */
export async function fillFullCard(page) {
  const line = (n) => `Zorg ${n}: ${'dat het thuis niet meer gaat en ik niet weet wat ik moet doen als hij weer '.repeat(3)}`.slice(0, 150);
  await page.locator('#sec-card > summary').click();
  for (let n = 1; n <= 3; n += 1) await page.locator(`#card-worry-${n}`).fill(line(n));
  for (const box of await page.locator('.card-goals input[type=checkbox]').all()) await box.check();
  await page.locator('#card-own-goal').fill(line(4));
  await page.locator('#card-questions').fill('Wat kan ik doen als het misgaat in het weekend, en wie mag ik dan bellen? '.repeat(8).slice(0, 400));
}

/** Waits until question page `n` (from 1) is on screen. */
export async function waitForPage(page, n) {
  await page.locator('#progress-text', { hasText: new RegExp(`^\\D*${n}\\D`) }).waitFor();
}

/**
 * From the welcome page, answers and passes pages 1 to `n - 1` and lands on
 * page `n` (so `n` question pages were walked).
 */
export async function walkPages(page, n) {
  await page.locator('#start').click();
  await waitForPage(page, 1);
  for (let i = 1; i < n; i += 1) {
    await answerPage(page);
    await page.locator('#next').click();
    await waitForPage(page, i + 1);
  }
}

/** The browser's Back or Forward (`delta` -1 or 1), as its buttons do. */
export async function traverse(page, delta) {
  await page.evaluate((d) => history.go(d), delta);
}

/** What the current history entry holds, as JSON text. */
export function historyState(page) {
  return page.evaluate(() => JSON.stringify(history.state));
}

/**
 * Back, Forward and reload across three question pages and on the result
 * (issue 15): each page is one history entry, Back and Forward show the
 * pages with their answers, no entry holds an answer, and a reload lands on
 * the same page (`reloadKeeps`, the site) or starts over (the embed).
 * `log` (from `openApp`) stops counting requests while the app loads again.
 */
export async function assertHistoryWalk(page, { reloadKeeps, log }) {
  const reload = async () => {
    log.loaded = false;
    await page.reload();
    await appReady(page);
    await page.locator('#main-heading').waitFor();
    log.loaded = true;
  };
  const startLength = await page.evaluate(() => history.length);
  await walkPages(page, 3);
  await answerPage(page);
  assert.equal(await page.evaluate(() => history.length), startLength + 3, 'one history entry per page');
  const checked = async () => page.locator('input:checked').count();
  const onThird = await checked();

  await traverse(page, -1);
  await waitForPage(page, 2);
  assert.ok((await checked()) > 0, 'page 2 keeps its answers');
  await traverse(page, -1);
  await waitForPage(page, 1);
  await traverse(page, 1);
  await waitForPage(page, 2);
  await traverse(page, 1);
  await waitForPage(page, 3);
  assert.equal(await checked(), onThird, 'Forward returns to page 3 with its answers');
  assert.equal(await page.evaluate(() => history.length), startLength + 3, 'Back and Forward add no entry');
  // The app's own Back button is one step back in the history, not a new entry.
  await page.locator('.questions .nav-buttons button:not(#next)').click();
  await waitForPage(page, 2);
  assert.equal(await page.evaluate(() => history.length), startLength + 3, 'the app\'s Back adds no entry');
  await traverse(page, 1);
  await waitForPage(page, 3);
  // History holds the page only, never an answer.
  const state = await historyState(page);
  assert.match(state, /^\{.*"naastenmeter":\{"Questions":2\}.*\}$/, state);
  assert.ok(state.length < 120, `a small state: ${state}`);

  await reload();
  if (reloadKeeps) {
    await waitForPage(page, 3);
    assert.equal(await checked(), onThird, 'a reload keeps page 3 and its answers');
    await traverse(page, -1);
    await waitForPage(page, 2);
    await traverse(page, 1);
    await waitForPage(page, 3);
  } else {
    await page.locator('#start').waitFor();
    assert.equal(await page.locator('#progress-text').count(), 0, 'the embed starts over after a reload');
    await walkPages(page, 3);
  }

  // On the result: Back is the last page, Forward the result again.
  await answerToResult(page);
  const result = await page.locator('.result #main-heading').textContent();
  await traverse(page, -1);
  await page.locator('#progress-text').waitFor();
  const [now, total] = (await page.locator('#progress-text').textContent()).match(/\d+/g).map(Number);
  assert.equal(now, total, 'Back from the result is the last page');
  await traverse(page, 1);
  await page.locator('.result #main-heading', { hasText: result }).waitFor();
  if (reloadKeeps) {
    await reload();
    await page.locator('.result #main-heading', { hasText: result }).waitFor();
    await traverse(page, -1);
    await page.locator('#progress-text').waitFor();
    await traverse(page, 1);
    await page.locator('.result').waitFor();
  }
}
