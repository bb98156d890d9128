// Browser test of formal Dutch ("u") in the embed: the demo partner site
// (examples/partner-site/) with `"address": "formal"` in its configuration.
// A relative walks every page they can reach (welcome, each questionnaire
// page with crisis answers that raise safety signals, the result with every
// section opened, the help panel, earlier results, the professional view's
// entry, error messages, stop and erase) and every text they can see or
// hear is scanned for informal address: the visible text of the app's root
// and its aria-labels, titles, alt texts and placeholders. With "u" none may
// appear; the same walk with the partner's default ("je") finds them, so
// the scan can fail.
//
// Needs `node web/package.mjs` after web/build.sh (tests/browser/run.sh
// does both). NM_DIST points at another dist/ folder.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';

import { answerPage, launch, openApp } from './helpers.mjs';
import { serve } from '../../web/serve.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = process.env.NM_DIST ?? join(ROOT, 'dist');

/** Informal address in Dutch, as whole words in any case. */
const INFORMAL = /(?<![\p{L}\p{N}])(je|jij|jou|jouw|jezelf|jullie)(?![\p{L}\p{N}])/giu;

let site;
let server;
let url;
let browser;

/** A copy of the partner page with `address` added to its configuration. */
async function writeVariant(name, address) {
  let html = await readFile(join(site, 'index.html'), 'utf8');
  const block = /(<script type="application\/json" data-naastenmeter-config>)([\s\S]*?)(<\/script>)/;
  const config = JSON.parse(html.match(block)[2]);
  if (address) config.address = address;
  html = html.replace(block, (_, open, __, close) => `${open}${JSON.stringify(config)}${close}`);
  await writeFile(join(site, name), html);
}

before(async () => {
  site = await mkdtemp(join(tmpdir(), 'nm-formal-'));
  await cp(join(ROOT, 'examples/partner-site'), site, { recursive: true });
  await cp(join(DIST, 'embed'), join(site, 'naastenmeter'), { recursive: true });
  await writeVariant('formal.html', 'formal');
  await writeVariant('informal.html', null);
  ({ server, url } = await serve(site, 0));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
  if (site) await rm(site, { recursive: true, force: true });
});

/**
 * Every text of the app a person can see or hear: the rendered text of the
 * shadow root (live regions and visually hidden text included) and the
 * accessible names and hints given as attributes.
 */
function appText(page) {
  return page.evaluate(() => {
    const root = document.getElementById('naastenmeter').shadowRoot;
    const parts = [...root.children].map((child) => child.innerText ?? '');
    for (const element of root.querySelectorAll('*')) {
      for (const name of ['aria-label', 'title', 'alt', 'placeholder', 'aria-valuetext']) {
        const value = element.getAttribute(name);
        if (value) parts.push(value);
      }
    }
    return parts.join('\n');
  });
}

/** The informal words on the current page, each with its surroundings. */
async function scan(page, where, found) {
  const text = await appText(page);
  assert.ok(text.trim().length > 0, `${where}: no text read`);
  for (const match of text.matchAll(INFORMAL)) {
    const context = text.slice(Math.max(0, match.index - 40), match.index + 40).replace(/\s+/g, ' ');
    found.push(`${where}: "${match[0]}" in "…${context}…"`);
  }
  return text;
}

/**
 * Walks every page a relative can reach and scans each; returns the
 * informal words found and the pages' texts by name.
 */
async function walk(page) {
  const found = [];
  const texts = {};
  await page.locator('#main-heading').waitFor();
  texts.welcome = await scan(page, 'welcome', found);

  // The help panel, from the top bar.
  await page.locator('#help-toggle').click();
  await page.locator('#help-panel').waitFor();
  texts.help = await scan(page, 'help panel', found);
  await page.locator('#help-toggle').click();

  // Each questionnaire page, answered heavily (the last option of every
  // question: thoughts of death, unsafety, children at home), so that the
  // safety signals show under their questions while answering.
  await page.locator('#start').click();
  for (let n = 1; n < 100; n += 1) {
    if (await page.locator('.result').count()) break;
    const progress = await page.locator('#progress-text').textContent();
    texts[`page ${n}, unanswered`] = await scan(page, `questions page ${n}`, found);
    await answerPage(page, { pick: (id, count) => count - 1 });
    texts[`page ${n}`] = await scan(page, `questions page ${n}, answered`, found);
    await page.locator('#next').click();
    await page.locator('.result, #progress-text').filter({ hasNotText: progress }).first().waitFor();
  }
  await page.locator('.result').waitFor();

  // The result with every folded section opened.
  await page.locator('.result details').evaluateAll((all) => all.forEach((d) => { d.open = true; }));
  texts.result = await scan(page, 'result, all sections open', found);
  assert.ok(await page.locator('.result .signal, .result #help-first').count() > 0, 'crisis answers raise signals');

  // Earlier results: two errors a relative can trigger there, then an
  // earlier result of theirs opened and compared with now.
  await page.locator('#to-earlier').click();
  await page.locator('.earlier').waitFor();
  texts.earlier = await scan(page, 'earlier results', found);
  await page.locator('.earlier input[type="text"]').fill('X'.repeat(5000));
  await page.locator('.earlier button[type="submit"]').click();
  await page.getByText('Dit is veel langer dan een code van Naastenmeter.').waitFor();
  texts.codeError = await scan(page, 'earlier results, a code that is too long', found);
  await page.locator('.earlier input[type="file"]').setInputFiles({ name: 'boodschappen.json', mimeType: 'application/json', buffer: Buffer.from('{"melk": 2}') });
  await page.getByText('Dit bestand is geen uitslag van Naastenmeter').waitFor();
  texts.fileError = await scan(page, 'earlier results, a file that is not an export', found);
  await page.locator('.earlier input[type="file"]').setInputFiles({ name: 'uitslag.json', mimeType: 'application/json', buffer: await readFile(join(ROOT, 'tests/data/published/report-1.3.0.json')) });
  await page.locator('.earlier button', { hasText: 'Vergelijk met nu' }).click();
  await page.locator('#comparison-table').waitFor();
  texts.comparison = await scan(page, 'earlier results, compared with now', found);

  // Stop and erase, from the result, and the notice after it.
  await page.locator('.earlier .nav-buttons button').click();
  await page.locator('.result').waitFor();
  await page.locator('#stop-and-erase').click();
  await page.locator('.welcome').waitFor();
  texts.erased = await scan(page, 'after stop and erase', found);

  // The professional view's entry and its error (it speaks of the
  // relative, not to them, but the relative can open it).
  await page.locator('.welcome button', { hasText: 'Voor hulpverleners' }).click();
  await page.locator('#pro-code').waitFor();
  texts.professional = await scan(page, 'professional view, entry', found);
  await page.locator('#pro-code').fill('0000-0000');
  await page.locator('#pro-code-open').click();
  await page.getByText(/Deze code is niet compleet/).waitFor();
  texts.professionalError = await scan(page, 'professional view, a mistyped code', found);
  await page.locator('main button', { hasText: 'Naar het begin' }).click();
  await page.locator('.welcome').waitFor();
  return { found, texts };
}

test('with "u" configured, no page of the embedded app says "je", "jij" or "jouw"', async () => {
  const { context, page, log } = await openApp(browser, `${url}formal.html`, { viewport: { width: 390, height: 844 } });
  const { found, texts } = await walk(page);
  assert.deepEqual(found, [], `informal words with "address": "formal":\n${found.join('\n')}`);
  // Formal words are there, and Dutch stays the document's language.
  assert.match(texts.welcome, /Hoe gaat het met u als naaste\?/);
  assert.match(texts['page 1'], /\bu\b|\buw\b/i);
  assert.match(texts.result, /Uw uitslag/);
  assert.match(texts.erased, /Uw antwoorden zijn gewist\./);
  assert.equal(await page.locator('.lang-switch').getAttribute('lang'), 'en');
  // English and back keeps "u".
  await page.locator('.lang-switch').click();
  await page.locator('#main-heading', { hasText: 'How are you' }).waitFor();
  await page.locator('.lang-switch').click();
  await page.locator('#main-heading', { hasText: 'Hoe gaat het met u als naaste?' }).waitFor();
  assert.deepEqual(log.consoleErrors, [], 'no console error');
  assert.deepEqual(log.csp, [], 'no CSP violation');
  await context.close();
});

test('with the default ("je"), the same walk finds informal words on every kind of page', async () => {
  const { context, page, log } = await openApp(browser, `${url}informal.html`, { viewport: { width: 390, height: 844 } });
  const { found } = await walk(page);
  for (const where of ['welcome', 'questions page 1', 'result', 'earlier results', 'after stop and erase']) {
    assert.ok(found.some((f) => f.startsWith(where)), `no informal word found at ${where}: the scan would miss them`);
  }
  assert.deepEqual(log.consoleErrors, [], 'no console error');
  await context.close();
});
