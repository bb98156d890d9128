// Browser tests of the single-file version, dist/naastenmeter.html, opened
// straight from disk (file://) with no server, as a professional would hand
// it over on a USB stick: a relative completes it end to end, reloads
// midway, exports, and nothing is requested from anywhere. Also checks that
// the embed refuses a file that no longer matches its published SRI hash.
//
// Needs `node web/package.mjs` after web/build.sh (tests/browser/run.sh
// does both). NM_DIST points at another dist/ folder.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';

import { answerPage, answerToResult, launch, openApp, QUICK_EXIT_URL } from './helpers.mjs';
import { serve } from '../../web/serve.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = process.env.NM_DIST ?? join(ROOT, 'dist');
const FILE = join(DIST, 'naastenmeter.html');

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

test('the single file opens from file://, is completed end to end and requests nothing', async () => {
  const url = pathToFileURL(FILE).href;
  const { context, page, log } = await openApp(browser, url);
  await page.locator('#main-heading').waitFor();
  log.loaded = true;

  await page.locator('#start').click();
  await page.locator('#progress-text', { hasText: /^Pagina 1 van \d+$/ }).waitFor();
  await answerPage(page);
  await page.locator('#next').click();
  await page.locator('#progress-text', { hasText: /^Pagina 2 van/ }).waitFor();

  // A reload keeps the answers (sessionStorage works for file:// too).
  await page.reload();
  await page.locator('#progress-text', { hasText: /^Pagina 2 van/ }).waitFor();
  await answerToResult(page);
  await page.locator('main.result .prototypes h3').first().waitFor({ state: 'attached' }); // inside a folded section

  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-json').click()]);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.ok(exported && typeof exported === 'object');

  for (const u of log.requests) {
    assert.ok(u === url || u.startsWith('data:') || u.startsWith('blob:') || u.startsWith(QUICK_EXIT_URL),
      `nothing may be requested: ${u}`);
  }
  assert.deepEqual(log.csp, [], 'no CSP violation under the page\'s own meta policy');
  assert.deepEqual(log.consoleErrors, []);
  assert.deepEqual(await context.cookies(), []);
  await context.close();
});

test('the single file opens a share code of an earlier questionnaire version without any request', async () => {
  const url = pathToFileURL(FILE).href;
  const { context, page, log } = await openApp(browser, url, { hash: '#professional' });
  await page.locator('#main-heading').waitFor();
  log.loaded = true;
  const code = (await readFile(join(ROOT, 'tests/data/published/share-1.1.0.txt'), 'utf8')).trim();
  await page.locator('#pro-code').fill(code);
  await page.locator('#pro-code-open').click();
  await page.locator('.made-with-version', { hasText: '1.1.0' }).waitFor();
  for (const u of log.requests) {
    assert.ok(u === url + '#professional' || u === url || u.startsWith('data:') || u.startsWith('blob:'),
      `nothing may be requested: ${u}`);
  }
  assert.deepEqual(log.consoleErrors, []);
  await context.close();
});

test('the single file holds everything and states its policy', async () => {
  const html = await readFile(FILE, 'utf8');
  assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+stylesheet/, 'no file is loaded from outside');
  assert.match(html, /http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-/);
  // The size figure is a report, not a goal the test enforces: print it.
  console.log(`naastenmeter.html: ${(await stat(FILE)).size} bytes`);
});

test('the embed refuses a file that does not match its published hash', async () => {
  const site = await mkdtemp(join(tmpdir(), 'nm-sri-'));
  try {
    await cp(join(ROOT, 'examples/partner-site'), site, { recursive: true });
    await cp(join(DIST, 'embed'), join(site, 'naastenmeter'), { recursive: true });
    const glue = join(site, 'naastenmeter', 'naastenmeter_web.js');
    await writeFile(glue, (await readFile(glue, 'utf8')) + '\n// changed after publishing\n');
    const { server, url } = await serve(site, 0);
    try {
      const { context, page, log } = await openApp(browser, url);
      await page.locator('.nm-loading', { hasText: 'kon niet starten' }).waitFor();
      assert.ok(log.consoleErrors.some((e) => /integrity|Naastenmeter could not start/.test(e)), JSON.stringify(log.consoleErrors));
      await context.close();
    } finally {
      server.close();
    }
  } finally {
    await rm(site, { recursive: true, force: true });
  }
});
