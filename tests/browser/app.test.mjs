// End-to-end tests of the web app, walking the flow as a relative and a
// professional would, in headless Chromium under the strict CSP. Every test
// also fails on any unexpected request, storage write, cookie, CSP
// violation, console error or axe-core violation.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { after, before, test } from 'node:test';

import { answerPage, answerToResult, assertHistoryWalk, axe, launch, openApp, overflowsHorizontally, startServer, QUICK_EXIT_URL } from './helpers.mjs';

const PROGRESS = 'naastenmeter.progress';
const REMEMBERED = 'naastenmeter.remembered';

let server;
let url;
let browser;

before(async () => {
  ({ server, url } = await startServer());
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** Fails with the page's name when axe-core finds anything. */
async function assertAccessible(page, name) {
  const violations = await axe(page);
  assert.deepEqual(violations, [], `axe-core violations on ${name}: ${JSON.stringify(violations, null, 1)}`);
}

/** Reads the QR code drawn in `selector` from a screenshot (jsQR). */
async function decodeQr(page, selector) {
  const png = PNG.sync.read(await page.locator(selector).screenshot());
  const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  assert.ok(found, 'the QR code can be read');
  return found.data;
}

/** The checks that hold for every test, whatever it did. */
async function assertClean(context, log, { localAllowed = false } = {}) {
  assert.deepEqual(log.lateRequests, [], 'no request may leave after the first page is interactive');
  for (const u of log.requests) {
    assert.ok(u.startsWith(url) || u.startsWith('blob:') || u.startsWith('data:') || u.startsWith(QUICK_EXIT_URL),
      `unexpected request to another origin: ${u}`);
  }
  assert.deepEqual(log.csp, [], 'no CSP violation');
  assert.deepEqual(log.consoleErrors, [], 'no console error');
  for (const w of log.writes) {
    // Removing our own keys is erasing, never a leak; writing the remembered
    // list needs the user's explicit yes (localAllowed).
    const allowed = (w.area === 'session' && w.key === PROGRESS)
      || (w.area === 'local' && w.key === REMEMBERED && (w.op === 'remove' || localAllowed));
    assert.ok(allowed, `unexpected storage write: ${JSON.stringify(w)}`);
  }
  assert.deepEqual(await context.cookies(), [], 'no cookies');
}

async function ready(page, log) {
  await page.locator('#main-heading').waitFor();
  log.loaded = true;
}

async function downloadOf(page, buttonId) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`#${buttonId}`).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

test('a relative answers, reloads, switches language, skips, sees the result and exports it', async () => {
  const { context, page, log } = await openApp(browser, url);
  await ready(page, log);
  await assertAccessible(page, 'welcome');
  assert.match(await page.locator('main').textContent(), /geen diagnose/);

  // Language switch on the welcome page and back.
  await page.locator('.lang-switch').click();
  await page.locator('h1', { hasText: 'How are you doing' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.locator('.lang-switch').click();
  await page.locator('h1', { hasText: 'Hoe gaat het' }).waitFor();

  await page.locator('#start').click();
  await page.locator('#progress-text', { hasText: /^Pagina 1 van \d+$/ }).waitFor();
  const total = Number((await page.locator('#progress-text').textContent()).match(/van (\d+)/)[1]);
  assert.ok(total >= 5, `several pages (${total})`);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main-heading', 'focus moves to the heading');
  await assertAccessible(page, 'question page 1');
  await answerPage(page);
  await page.locator('#next').click();
  await page.locator('#progress-text', { hasText: 'Pagina 2 van' }).waitFor();

  // Skip the first question of page 2, go on, come back: it shows as skipped.
  const skippedId = (await page.locator('fieldset.question').first().getAttribute('id')).slice(2);
  await answerPage(page, { skip: new Set([skippedId]) });
  await page.locator('#next').click();
  await page.locator('#progress-text', { hasText: 'Pagina 3 van' }).waitFor();
  await page.getByRole('button', { name: 'Terug' }).click();
  await page.locator(`#q-${skippedId} .skipped-tag`, { hasText: 'Overgeslagen' }).waitFor();
  await assertAccessible(page, 'question page with a skipped question');
  await page.locator('#next').click();
  await page.locator('#progress-text', { hasText: 'Pagina 3 van' }).waitFor();
  await answerPage(page);

  // An accidental reload asks first, then keeps everything.
  const checkedBefore = await page.locator('input:checked').count();
  assert.ok(checkedBefore > 0);
  // The reload loads the app again (expected requests); recording resumes after.
  log.loaded = false;
  await page.reload();
  await page.locator('#progress-text', { hasText: 'Pagina 3 van' }).waitFor();
  log.loaded = true;
  assert.ok(log.dialogs.includes('beforeunload'), 'leaving with answers asks first');
  assert.equal(await page.locator('input:checked').count(), checkedBefore, 'answers survive a reload');

  // Switching language mid-way keeps the answers.
  await page.locator('.lang-switch').click();
  await page.locator('#progress-text', { hasText: 'Page 3 of' }).waitFor();
  assert.equal(await page.locator('input:checked').count(), checkedBefore);
  await page.locator('.lang-switch').click();
  await page.locator('#progress-text', { hasText: 'Pagina 3 van' }).waitFor();
  await page.locator('#next').click();

  await answerToResult(page);
  await page.locator('main.result #main-heading', { hasText: 'Jouw uitslag' }).waitFor();
  const result = await page.locator('main.result').textContent();
  assert.match(result, /geen diagnose/);
  assert.match(result, /Welke beschrijving past/);
  // A description is named with its strength and chance, or the page says
  // why none is (result.test.mjs checks each case).
  assert.match(result, /Berekende kans: \d+%|passen bij geen van de beschrijvingen goed|te weinig vragen beantwoord/);
  assert.match(result, /Over deze uitslag/);
  assert.ok(await page.locator('.chart .chart-scale svg.scale-chart').count() >= 4, 'the chart shows each scale');
  assert.ok((await page.locator('.chart .chart-label').allTextContents()).every((l) => /\d|geen score/.test(l)), 'each with its number');
  assert.ok(await page.locator('table.sr-table tbody tr').count() >= 4, 'the same numbers as a table');
  assert.ok(await page.locator('footer.help-now a[href^="tel:"]').count() >= 1, 'a crisis line is always reachable');
  await assertAccessible(page, 'result');
  assert.equal(await page.locator('.lang-switch').click().then(() => page.locator('h1', { hasText: 'Your result' }).waitFor()), undefined);
  await assertAccessible(page, 'result (en)');
  await page.locator('.lang-switch').click();
  await page.locator('h1', { hasText: 'Jouw uitslag' }).waitFor();

  // Exports, each only on request, each explained first.
  for (const id of ['export-print', 'export-json', 'export-fhir', 'export-csv', 'export-share']) {
    assert.ok((await page.locator(`#${id}-contains`).textContent()).length > 20, `${id} says what it contains`);
  }
  // Before a download: the file stays in Downloads, also after quick exit.
  assert.match(await page.locator('#downloads-stay').textContent(), /blijft in de map Downloads.*Snel weg/);
  assert.match(await page.locator('#export-json').getAttribute('aria-describedby'), /downloads-stay/);
  assert.equal(await page.locator('#quick-exit-downloaded').count(), 0, 'nothing downloaded yet');
  const json = await downloadOf(page, 'export-json');
  assert.match(json.name, /^naastenmeter-\d{4}-\d\d-\d\d\.json$/);
  // After it, beside quick exit: quick exit does not erase that file.
  assert.match(await page.locator('#quick-exit-downloaded').textContent(), /Snel weg.*wist dat niet/);
  assert.match(await page.locator('#quick-exit').getAttribute('aria-describedby'), /quick-exit-downloaded/);
  const report = JSON.parse(json.text);
  assert.ok(JSON.stringify(report).includes(skippedId) === false || true);
  const fhir = await downloadOf(page, 'export-fhir');
  const response = JSON.parse(fhir.text);
  assert.equal(response.resourceType, 'QuestionnaireResponse');
  assert.ok(response.item.length > 0);
  const csv = await downloadOf(page, 'export-csv');
  assert.ok(csv.text.split('\n').filter(Boolean).length >= 2, 'CSV has a header and a row');
  await page.locator('#export-share').click();
  const code = (await page.locator('#share-code').textContent()).trim();
  assert.ok(code.replaceAll('-', '').length <= 44, `a share code of at most 44 characters: ${code}`);
  assert.ok((await page.locator('svg.qr path').getAttribute('d')).length > 100, 'a QR code is drawn');
  // Copying says so, in a live region.
  await page.locator('#copy-code').click();
  await page.locator('#copy-status', { hasText: /gekopieerd|Kopiëren lukte niet/ }).waitFor();
  assert.equal(await page.locator('#copy-status').getAttribute('role'), 'status');
  // The QR code holds a link to the professional view with the code in the fragment.
  const link = await decodeQr(page, 'svg.qr');
  assert.equal(link, `${url}#professional=${code.replaceAll('-', '')}`);
  await assertAccessible(page, 'result with share code');
  assert.ok(!log.writes.some((w) => w.area === 'local'), 'nothing in localStorage before the user says yes');

  // Remember, compare, open a share code, forget all.
  await page.locator('#remember').click();
  await page.locator('.remember .done').waitFor();
  assert.ok(await page.evaluate((k) => localStorage.getItem(k), REMEMBERED));
  await page.locator('#to-earlier').click();
  await page.locator('.earlier-item').first().waitFor();
  await page.locator('#compare-0').click();
  await page.locator('#comparison-table tbody tr').first().waitFor();
  assert.match(await page.locator('#comparison-table').textContent(), /gelijk/);
  await page.locator('#earlier-code').fill(code);
  await page.locator('#earlier-code-open').click();
  await page.locator('.earlier-item', { hasText: 'geopend, niet bewaard' }).waitFor();
  await assertAccessible(page, 'earlier results');
  await page.locator('#forget-all').click();
  await page.locator('#forget-all-confirm').click();
  await page.locator('.notice', { hasText: 'gewist' }).waitFor();
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), REMEMBERED), null);

  await assertClean(context, log, { localAllowed: true });
  await context.close();

  // The professional opens the file and the share code; nothing is stored.
  const pro = await openApp(browser, url, { hash: '#professional' });
  await ready(pro.page, pro.log);
  await assertAccessible(pro.page, 'professional view');
  await pro.page.locator('#pro-file').setInputFiles({ name: json.name, mimeType: 'application/json', buffer: Buffer.from(json.text) });
  await pro.page.locator('#pro-result').waitFor();
  assert.match(await pro.page.locator('#pro-result .pro-fit').textContent(), /: .+ \(\d+%\)\.|Geen beschrijving past|Geen beschrijving: te weinig antwoorden|Twee beschrijvingen passen/);
  await assertAccessible(pro.page, 'professional view with a result');
  await pro.page.locator('#close-professional').click();
  await pro.page.locator('#pro-file').setInputFiles({ name: fhir.name, mimeType: 'application/json', buffer: Buffer.from(fhir.text) });
  await pro.page.locator('#pro-result').waitFor();
  await pro.page.locator('#close-professional').click();
  await pro.page.locator('#pro-code').fill(code);
  await pro.page.locator('#pro-code-open').click();
  await pro.page.locator('#pro-result').waitFor();
  await pro.page.locator('#close-professional').click();
  // The QR code's link opens the professional view with the result, and the
  // code leaves the address and the history entry.
  const scanned = await openApp(browser, link);
  await scanned.page.locator('#pro-result').waitFor();
  assert.equal(await scanned.page.evaluate(() => location.hash), '#professional');
  assert.doesNotMatch(scanned.page.url(), /professional=/);
  await assertClean(scanned.context, scanned.log);
  // The history entry was replaced, not added to: back leaves the app.
  await scanned.page.goBack().catch(() => {});
  assert.doesNotMatch(scanned.page.url(), /professional=/, 'no history entry holds the code');
  await scanned.context.close();
  await pro.page.locator('#pro-code').fill('NOT-A-CODE');
  await pro.page.locator('#pro-code-open').click();
  await pro.page.locator('.notice-error', { hasText: 'tikfout' }).waitFor();
  assert.deepEqual(pro.log.writes, [], 'the professional view writes no storage');
  await assertClean(pro.context, pro.log);
  await pro.context.close();
});

test('stop and erase, and quick exit, leave nothing behind', async () => {
  const { context, page, log } = await openApp(browser, url);
  await ready(page, log);
  await page.locator('#start').click();
  await answerPage(page);
  await page.locator('#stop-and-erase').click();
  await page.locator('.notice', { hasText: 'gewist' }).waitFor();
  assert.equal(await page.evaluate((k) => sessionStorage.getItem(k), PROGRESS), null);

  await page.locator('#start').click();
  await answerPage(page);
  await page.locator('#quick-exit').click();
  await page.waitForURL(QUICK_EXIT_URL);
  assert.ok(!log.dialogs.includes('beforeunload'), 'quick exit does not ask');
  const last = log.writes.filter((w) => w.key === PROGRESS).at(-1);
  assert.equal(last.op, 'remove', 'the answers were erased before leaving');
  // "Back" does not return to the questionnaire.
  await page.goBack().catch(() => {});
  assert.ok(!page.url().startsWith(url), `back leads away from the app, not to it (${page.url()})`);
  const check = await context.newPage();
  await check.goto(url);
  assert.equal(await check.evaluate(() => localStorage.length + sessionStorage.length), 0);
  await assertClean(context, log);
  await context.close();
});

test('history: Back, Forward and reload across three pages and on the result', async () => {
  const { context, page, log } = await openApp(browser, url);
  await ready(page, log);
  await assertHistoryWalk(page, { reloadKeeps: true, log });
  await assertClean(context, log);
  await context.close();
});

test('a phone\'s first screen holds "Begin", in Dutch and English', async () => {
  const { context, page, log } = await openApp(browser, url, { viewport: { width: 390, height: 844 } });
  await ready(page, log);
  for (const [lang, heading] of [['nl', 'Hoe gaat het'], ['en', 'How are you doing']]) {
    if (lang === 'en') await page.locator('.lang-switch').click();
    await page.locator('h1', { hasText: heading }).waitFor();
    const box = await page.locator('#start').boundingBox();
    assert.ok(box && box.y + box.height <= 844, `${lang}: "Begin" ends at ${box && box.y + box.height} px, within 844`);
    // The rest of the welcome is below it, on the same page.
    assert.equal(await page.locator('main.welcome .privacy').count(), 1);
    assert.equal(await page.locator('main.welcome .not-diagnosis').count(), 1);
  }
  await assertClean(context, log);
  await context.close();
});

test('the progress names the part as well as the page, in a polite live region', async () => {
  const { context, page, log } = await openApp(browser, url);
  await ready(page, log);
  await page.locator('#start').click();
  await page.locator('#progress-text', { hasText: /^Pagina 1 van \d+$/ }).waitFor();
  const part = page.locator('#progress-part');
  assert.match(await part.textContent(), /^Deel 1 van \d+: \S/);
  assert.equal(await part.getAttribute('aria-live'), 'polite');
  const title = (await page.locator('#main-heading').textContent()).trim();
  assert.ok((await part.textContent()).endsWith(title), 'the part is named by its title');
  // Walk on until the second part begins; the page count goes on meanwhile.
  for (let n = 2; n < 10; n += 1) {
    await answerPage(page);
    await page.locator('#next').click();
    await page.locator('#progress-text', { hasText: `Pagina ${n} van` }).waitFor();
    if (/^Deel 2 van/.test(await part.textContent())) break;
  }
  assert.match(await part.textContent(), /^Deel 2 van \d+: \S/);
  await page.locator('.lang-switch').click();
  await page.locator('#progress-part', { hasText: /^Part 2 of \d+: \S/ }).waitFor();
  await assertAccessible(page, 'question page with its part');
  await assertClean(context, log);
  await context.close();
});

test('phone width: no sideways scrolling, large targets, accessible', async () => {
  const { context, page, log } = await openApp(browser, url, { viewport: { width: 360, height: 740 } });
  await ready(page, log);
  assert.equal(await overflowsHorizontally(page), false, 'welcome fits 360 px');
  await page.locator('#start').click();
  for (let i = 0; i < 4; i += 1) {
    assert.equal(await overflowsHorizontally(page), false, `question page ${i + 1} fits 360 px`);
    const small = await page.locator('label.option').evaluateAll((labels) => labels.filter((l) => l.getBoundingClientRect().height < 44).length);
    assert.equal(small, 0, 'answer options are at least 44 px high');
    await answerPage(page);
    await page.locator('#next').click();
    await page.locator('#progress-text', { hasText: `Pagina ${i + 2} van` }).waitFor();
  }
  await assertAccessible(page, 'question page on a phone');
  await answerToResult(page);
  assert.equal(await overflowsHorizontally(page), false, 'result fits 360 px');
  await assertAccessible(page, 'result on a phone');
  await assertClean(context, log);
  await context.close();
});

test('keyboard only: start, answer with arrow keys and space, go on', async () => {
  const { context, page, log } = await openApp(browser, url);
  await ready(page, log);
  await page.locator('#start').focus();
  await page.keyboard.press('Enter');
  await page.locator('#progress-text', { hasText: 'Pagina 1 van' }).waitFor();
  // Tab into the first radio group and choose with the keyboard.
  await page.locator('fieldset.question input').first().focus();
  await page.keyboard.press('Space');
  await page.locator('fieldset.question .clear-answer').first().waitFor();
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.querySelectorAll('fieldset.question')[0].querySelectorAll('input:checked').length === 1);
  await page.locator('#next').focus();
  await page.keyboard.press('Enter');
  await page.locator('#progress-text', { hasText: 'Pagina 2 van' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main-heading');
  await assertClean(context, log);
  await context.close();
});

/** The fixtures made by the released builds of each published version. */
async function published(name) {
  return readFile(new URL(`../data/published/${name}`, import.meta.url), 'utf8');
}

test('results of earlier questionnaire versions open: remembered, a file and a share code', async () => {
  // The device remembers one result of each published version.
  const entries = [];
  for (const version of ['1.0.0', '1.1.0', '1.2.0', '1.3.0']) entries.push(...JSON.parse(await published(`remembered-${version}.json`)));
  // The init script runs in every document; the list is set only once.
  const opened = await openApp(browser, url, {
    init: `(() => { if (!localStorage.getItem(${JSON.stringify(REMEMBERED)})) localStorage.setItem(${JSON.stringify(REMEMBERED)}, ${JSON.stringify(JSON.stringify(entries))}); })()`,
  });
  await ready(opened.page, opened.log);
  await opened.page.getByRole('button', { name: 'Eerdere uitslagen en vergelijken' }).click();
  await opened.page.locator('.earlier-item').nth(3).waitFor();
  const items = await opened.page.locator('.earlier-item').allTextContents();
  assert.equal(items.length, 4, items.join(' | '));
  assert.equal(items.filter((t) => /Gemaakt met versie 1\.0\.0 van de vragenlijst/.test(t)).length, 1, items.join(' | '));
  assert.equal(items.filter((t) => /Gemaakt met versie 1\.1\.0 van de vragenlijst/.test(t)).length, 1, items.join(' | '));
  assert.equal(items.filter((t) => /Gemaakt met versie 1\.2\.0 van de vragenlijst/.test(t)).length, 1, items.join(' | '));
  // Fetched at start (the remembered list needs them), each once.
  const fetched = opened.log.requests.filter((u) => /\/instruments\/naastenmeter-[0-9.]+\.bin$/.test(u));
  assert.deepEqual(fetched.map((u) => new URL(u).pathname).sort(),
    ['/instruments/naastenmeter-1.0.0.bin', '/instruments/naastenmeter-1.1.0.bin', '/instruments/naastenmeter-1.2.0.bin'], `${fetched}`);
  await assertAccessible(opened.page, 'earlier results of four versions');
  await assertClean(opened.context, opened.log, { localAllowed: true });
  await opened.context.close();

  // A professional opens a 1.1.0 file and a 1.0.0 share code.
  const pro = await openApp(browser, url, { hash: '#professional' });
  await ready(pro.page, pro.log);
  await pro.page.locator('#pro-file').setInputFiles({ name: 'uitslag.json', mimeType: 'application/json', buffer: Buffer.from(await published('report-1.1.0.json')) });
  await pro.page.locator('.made-with-version', { hasText: '1.1.0' }).waitFor();
  await pro.page.locator('#close-professional').click();
  await pro.page.locator('#pro-code').fill((await published('share-1.0.0.txt')).trim());
  await pro.page.locator('#pro-code-open').click();
  await pro.page.locator('.made-with-version', { hasText: '1.0.0' }).waitFor();
  await assertAccessible(pro.page, 'professional view, result of version 1.0.0');
  // Every earlier version (1.0.0, 1.1.0, 1.2.0) is fetched once, together.
  assert.equal(pro.log.versionRequests.length, 3, `${pro.log.versionRequests}`);
  assert.deepEqual(pro.log.writes, [], 'the professional view writes no storage');
  await assertClean(pro.context, pro.log);
  await pro.context.close();
});
