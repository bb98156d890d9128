// Browser tests of the script-tag embed: the demo partner site
// (examples/partner-site/) with the published files of dist/embed/ beside
// it, served under the strict CSP of web/serve.mjs. A relative completes the
// questionnaire inside the shadow root; the partner's offers for their
// prototype appear above the generic ones; the host page's CSS and the
// app's CSS stay apart; nothing goes to another origin; a bad configuration
// shows a notice and console warnings and the app still works; the only
// global name added is `Naastenmeter`.
//
// Needs `node web/package.mjs` after web/build.sh (tests/browser/run.sh
// does both). NM_DIST points at another dist/ folder.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';

import { answerToResult, assertHistoryWalk, axe, fillFullCard, launch, openApp, optionIndex, pdfPages, QUICK_EXIT_URL, valuesAtClassMeans } from './helpers.mjs';
import { serve } from '../../web/serve.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = process.env.NM_DIST ?? join(ROOT, 'dist');
const INSTRUMENT = JSON.parse(await readFile(join(ROOT, 'instruments/naastenmeter-v1.json'), 'utf8'));

let site;
let server;
let url;
let browser;
let config;

/** A partner page with another script tag and configuration block. */
async function writeVariant(name, { scriptAttributes, configBlock }) {
  let html = await readFile(join(site, 'index.html'), 'utf8');
  html = html.replace(/<script src="naastenmeter\/naastenmeter-embed\.js"[^>]*><\/script>/,
    `<script src="naastenmeter/naastenmeter-embed.js" ${scriptAttributes} defer></script>`);
  html = html.replace(/<script type="application\/json" data-naastenmeter-config>[\s\S]*?<\/script>/,
    `<script type="application/json" data-naastenmeter-config>${configBlock}</script>`);
  await writeFile(join(site, name), html);
}

before(async () => {
  site = await mkdtemp(join(tmpdir(), 'nm-partner-'));
  await cp(join(ROOT, 'examples/partner-site'), site, { recursive: true });
  await cp(join(DIST, 'embed'), join(site, 'naastenmeter'), { recursive: true });
  const index = await readFile(join(site, 'index.html'), 'utf8');
  config = JSON.parse(index.match(/data-naastenmeter-config>([\s\S]*?)<\/script>/)[1]);
  await writeVariant('bad.html', {
    scriptAttributes: 'data-target="#naastenmeter" data-lang="fr" data-theme-primary="red"',
    configBlock: JSON.stringify({
      partner_name: 'GGZ Kiemhorst',
      quick_exit_url: 'javascript:alert(1)',
      colour: 'green',
      exports: { print: true, json: false, fhir: false, share_code: false, remember: false },
      local_offers: [
        { kind: 'peer_group', name: 'Groep', description: 'Elke week.', prototypes: ['nobody'] },
        { kind: 'sofa', name: 'Bank', description: 'Zitten.' },
        { kind: 'listening_ear', name: 'Luisterlijn', description: 'Bel ons.',
          contact: [{ label: 'klik', href: 'javascript:alert(1)' }, { label: '020', href: 'tel:020' }] },
      ],
    }),
  });
  await writeVariant('broken.html', {
    scriptAttributes: 'data-target="#naastenmeter"',
    configBlock: '{ "language": "nl", }',
  });
  // Offers keyed to a band and to a prototype, for answers that fit no
  // prototype.
  await writeVariant('bands.html', {
    scriptAttributes: 'data-target="#naastenmeter"',
    configBlock: JSON.stringify({
      partner_name: { nl: 'GGZ Kiemhorst', en: 'Kiemhorst Mental Health' },
      local_offers: [
        { kind: 'respite', name: { nl: 'Even vrij', en: 'Time off' }, description: 'Een dagdeel per week.', bands: { burden: ['high'] } },
        { kind: 'peer_group', name: { nl: 'Groep', en: 'Group' }, description: 'Elke week.', prototypes: ['balanced'] },
        { kind: 'training', name: { nl: 'Cursus', en: 'Course' }, description: 'Vier avonden.', bands: { burden: ['low'] } },
      ],
    }),
  });
  // A host page without a main of its own: the partner asks for an h3 top
  // heading (under its h1 and h2) and a main landmark.
  await writeFile(join(site, 'levels.html'), [
    '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Niveaus</title>',
    '<script src="naastenmeter/naastenmeter-embed.js" data-target="#naastenmeter" defer></script></head>',
    '<body><h1>Partner</h1><h2>Zelftest</h2><div id="naastenmeter"></div>',
    '<script type="application/json" data-naastenmeter-config>{"heading_level": 3, "main_landmark": true}</script>',
    '</body></html>'].join('\n'));
  await writeFile(join(site, 'blank.html'), '<!doctype html><title>blank</title>');
  // Mounted by the page's own script file (data-manual), and the module form.
  await writeVariant('manual.html', { scriptAttributes: 'data-manual', configBlock: '' });
  await writeFile(join(site, 'manual.html'), (await readFile(join(site, 'manual.html'), 'utf8'))
    .replace('</head>', '<script src="start.js" defer></script>\n</head>'));
  await writeFile(join(site, 'start.js'),
    "Naastenmeter.mount('#naastenmeter', { language: 'en', theme: { primary: '#00657f' } });\n");
  await writeVariant('module.html', { scriptAttributes: 'type="module" data-target="#naastenmeter" data-lang="en"', configBlock: '' });
  ({ server, url } = await serve(site, 0));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
  if (site) await rm(site, { recursive: true, force: true });
});

/** The checks every test makes: nothing leaves, no CSP violation, no error. */
function assertClean(log) {
  for (const u of log.requests) {
    assert.ok(u.startsWith(url) || u.startsWith('data:') || u.startsWith('blob:') || u.startsWith(QUICK_EXIT_URL),
      `request to another origin: ${u}`);
  }
  assert.deepEqual(log.lateRequests, [], 'no request after the app is interactive');
  assert.deepEqual(log.csp, [], 'no CSP violation');
  assert.deepEqual(log.consoleErrors, [], 'no console error');
  for (const w of log.writes) {
    assert.ok(w.area === 'session' && w.key === 'naastenmeter.progress', `unexpected storage write: ${JSON.stringify(w)}`);
  }
}

/** Computed styles of the first element matching `selector` (shadow-piercing). */
function styleOf(page, selector, properties) {
  return page.locator(selector).first().evaluate((element, names) => {
    const style = getComputedStyle(element);
    return Object.fromEntries(names.map((n) => [n, style.getPropertyValue(n)]));
  }, properties);
}

/**
 * The partner's offers are the result's first section after the signals
 * and the short summary, under `heading`: above all general advice (by
 * their y positions on the page), and the first entry of the contents,
 * whose link brings them into view.
 */
async function assertOffersUpFront(page, heading) {
  const offers = page.locator('#local-offers');
  assert.equal((await offers.locator('#local-offers-heading').textContent()).trim(), heading);
  const y = async (locator) => (await locator.boundingBox()).y;
  const offersY = await y(offers);
  assert.ok(offersY > await y(page.locator('#in-short')), 'after the short summary');
  const general = page.locator('.result details.advice');
  assert.ok(await general.count() > 0, 'there is general advice to compare with');
  for (let i = 0; i < await general.count(); i += 1) {
    assert.ok(offersY < await y(general.nth(i)), `above the general advice ${await general.nth(i).getAttribute('id')}`);
  }
  const first = page.locator('.toc li a').first();
  assert.equal((await first.textContent()).trim(), heading);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await first.click();
  await page.waitForFunction(() => {
    const section = document.getElementById('naastenmeter').shadowRoot.getElementById('local-offers');
    const top = section.getBoundingClientRect().top;
    return top >= 0 && top < window.innerHeight;
  });
}

/** The tag names of the app's headings, in order, and its landmarks. */
function outline(page) {
  return page.evaluate(() => {
    const root = document.getElementById('naastenmeter').shadowRoot;
    return {
      headings: [...root.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => h.tagName.toLowerCase()),
      mains: root.querySelectorAll('main').length,
      page: root.getElementById('main').tagName.toLowerCase(),
      label: root.getElementById('main').getAttribute('aria-labelledby'),
    };
  });
}

/** No heading more than one level below the one before it, none above `top`. */
function assertHeadingOrder(headings, top, where) {
  let previous = top - 1;
  for (const tag of headings) {
    const level = Number(tag.slice(1));
    assert.ok(level >= top && level <= previous + 1, `${where}: ${tag} after h${previous} in ${headings.join(' ')}`);
    previous = level;
  }
}

/** The prototype ids shown on the result page, by their names in Dutch. */
async function shownPrototypes(page) {
  const names = await page.locator('article.prototype .hd2').allTextContents();
  return names.map((name) => INSTRUMENT.prototypes.find((p) => p.name.nl === name.trim())?.id);
}

test('a relative completes the embedded questionnaire and sees the partner\'s fitting offers first', async () => {
  const { context, page, log } = await openApp(browser, url);
  await page.locator('#main-heading').waitFor();
  log.loaded = true;

  // The app is in a shadow root of the target, not in the page's own tree.
  const placement = await page.evaluate(() => {
    const host = document.getElementById('naastenmeter');
    return { shadow: !!host.shadowRoot, light: !!document.querySelector('.nm-root, #main-heading') };
  });
  assert.deepEqual(placement, { shadow: true, light: false });

  // Partner branding: logo in the bar, theme colour on the primary button.
  assert.equal(await page.locator('.partner-logo').getAttribute('alt'), 'GGZ Kiemhorst');
  assert.equal((await styleOf(page, '#start', ['background-color']))['background-color'], 'rgb(46, 94, 58)');

  await page.locator('#start').click();
  // Scale answers at the means of the "entrapped" prototype (a heavily
  // burdened profile the core names, so prototype-specific offers come into
  // play) and the behaviour "aggression" chosen; everything else lowest.
  const behaviours = INSTRUMENT.context_questions.find((q) => q.id === 'behaviours').options.map((o) => o.id);
  const values = valuesAtClassMeans(INSTRUMENT, 'entrapped');
  await answerToResult(page, {
    pick: (id) => {
      if (id === 'behaviours') return behaviours.indexOf('aggression');
      return id in values ? optionIndex(INSTRUMENT, id, values[id]) : 0;
    },
  });
  await page.locator('.result #local-offers').waitFor();

  const prototypes = await shownPrototypes(page);
  assert.ok(prototypes.length > 0 && prototypes.every(Boolean), `prototypes shown: ${prototypes}`);
  const expected = config.local_offers
    .filter((o) => !o.prototypes || o.prototypes.some((p) => prototypes.includes(p)))
    .filter((o) => !o.behaviours || o.behaviours.includes('aggression'))
    .map((o) => o.name.nl);
  const shown = await page.locator('#local-offers .local-offer .hd2').allTextContents();
  assert.deepEqual(shown, expected, `offers for ${prototypes}`);
  assert.ok(shown.length < config.local_offers.length, 'offers for other prototypes are left out');
  assert.ok(shown.includes('Cursus: omgaan met agressie'), 'an offer for a named behaviour is shown');

  await assertOffersUpFront(page, 'Steun bij GGZ Kiemhorst');

  // Links from the configuration keep their safe addresses.
  const hrefs = await page.locator('#local-offers a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.length > 0 && hrefs.every((h) => /^(https:|tel:|mailto:)/.test(h)), `links: ${hrefs}`);

  assertClean(log);
  assert.deepEqual(await context.cookies(), []);
  await context.close();
});

test('history in the embed: one entry per page on the partner\'s page, Back and Forward, a reload starts over', async () => {
  const { context, page, log } = await openApp(browser, url);
  await page.locator('#main-heading').waitFor();
  log.loaded = true;
  await assertHistoryWalk(page, { reloadKeeps: false, log });
  // The partner's address is left as it was.
  assert.equal(page.url(), url);
  assertClean(log);
  await context.close();
});

test('host CSS does not reach the app, and the app\'s CSS does not reach the host', async () => {
  const { context, page, log } = await openApp(browser, url);
  await page.locator('#main-heading').waitFor();
  log.loaded = true;

  // The host's `* { font-family: Georgia; color: #5a1e1e }`, `p { text-align:
  // justify }` and `button { text-transform: uppercase; ... }` stay outside.
  const appText = await styleOf(page, '.nm-root #main p', ['font-family', 'color', 'text-align', 'letter-spacing']);
  assert.match(appText['font-family'], /^Verdana/, 'the partner theme font, not the host\'s Georgia');
  assert.equal(appText.color, 'rgb(29, 42, 51)', 'the app\'s text colour');
  assert.equal(appText['text-align'], 'left');
  assert.equal(appText['letter-spacing'], 'normal');
  const appButton = await styleOf(page, '.lang-switch', ['text-transform', 'box-shadow', 'border-radius', 'font-family']);
  assert.equal(appButton['text-transform'], 'none');
  assert.equal(appButton['box-shadow'], 'none');
  assert.notEqual(appButton['border-radius'], '0px');
  assert.match(appButton['font-family'], /^Verdana/);

  // The app's `button { min-height: 2.75rem; border: 2px solid ... }`,
  // `p { margin: 0 0 .9rem }` and `h1` sizes stay inside.
  const hostButton = await styleOf(page, 'button.site-button', ['text-transform', 'background-color', 'border-top-width', 'min-height', 'font-family']);
  assert.deepEqual(hostButton, {
    'text-transform': 'uppercase', 'background-color': 'rgb(217, 130, 43)', 'border-top-width': '0px',
    'min-height': '0px', 'font-family': 'Georgia, "Times New Roman", serif',
  });
  const hostHeading = await styleOf(page, 'h1', ['font-style', 'color', 'font-family']);
  assert.deepEqual(hostHeading, { 'font-style': 'italic', color: 'rgb(46, 94, 58)', 'font-family': 'Georgia, "Times New Roman", serif' });
  const hostBody = await styleOf(page, 'body', ['background-color', 'font-size']);
  assert.equal(hostBody['background-color'], 'rgba(0, 0, 0, 0)');
  assert.equal(hostBody['font-size'], '16px');

  // Switching the app's language leaves the host page's language and title alone.
  const title = await page.title();
  await page.locator('.lang-switch').click();
  await page.locator('#main-heading', { hasText: 'How are you doing' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'nl');
  assert.equal(await page.title(), title);

  assertClean(log);
  await context.close();
});

test('the embed adds one global name, Naastenmeter, and no cookie or storage before answers', async () => {
  const { context, page, log } = await openApp(browser, url);
  await page.locator('#main-heading').waitFor();
  log.loaded = true;
  const blank = await context.newPage();
  await blank.goto(url + 'blank.html');
  const baseline = new Set(await blank.evaluate(() => Object.getOwnPropertyNames(window)));
  const names = await page.evaluate(() => Object.getOwnPropertyNames(window));
  const added = names.filter((n) => !baseline.has(n) && n !== '__nmRecord');
  assert.deepEqual(added, ['Naastenmeter']);
  const api = await page.evaluate(() => ({
    keys: Object.keys(window.Naastenmeter).sort(), frozen: Object.isFrozen(window.Naastenmeter), version: window.Naastenmeter.version,
  }));
  assert.deepEqual(api, { keys: ['mount', 'ready', 'version'], frozen: true, version: '0.1.0' });
  assert.deepEqual(log.writes, []);
  assert.deepEqual(await context.cookies(), []);
  assertClean(log);
  await context.close();
});

test('a bad configuration gets console warnings and a visible notice, and the app still works', async () => {
  const { context, page, log } = await openApp(browser, url + 'bad.html');
  await page.locator('#main-heading').waitFor();
  log.loaded = true;

  const notice = page.locator('#config-notice');
  await notice.waitFor();
  assert.match(await notice.textContent(), /instellingen van deze website klopt niet/);
  await notice.locator('summary').click();
  const problems = await notice.locator('li').allTextContents();
  for (const path of ['language', 'theme.primary', 'quick_exit_url', 'colour', 'local_offers[0].prototypes[0]', 'local_offers[1]', 'local_offers[2].contact[0].href']) {
    assert.ok(problems.some((p) => p.startsWith(path + ':')), `a problem for ${path} in ${JSON.stringify(problems)}`);
  }
  assert.equal(log.consoleWarnings.filter((w) => w.startsWith('Naastenmeter configuration:')).length, problems.length,
    'one console warning per problem');

  // The defaults stand in: Dutch, the app's own colour, the safe offer kept
  // with only its safe link, only print offered.
  assert.equal((await styleOf(page, '#start', ['background-color']))['background-color'], 'rgb(31, 95, 122)');
  await page.locator('#start').click();
  await answerToResult(page);
  const offers = await page.locator('#local-offers .local-offer .hd2').allTextContents();
  assert.ok(offers.includes('Luisterlijn'), `offers: ${offers}`);
  assert.deepEqual(await page.locator('#local-offers a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))), ['tel:020']);
  assert.deepEqual(await page.locator('.export-list button').evaluateAll((bs) => bs.map((b) => b.id)), ['export-print']);
  assert.equal(await page.locator('#remember').count(), 0);
  assertClean(log);
  await context.close();
});

test('a configuration block that is not JSON is named with its place, and the app starts with the defaults', async () => {
  const { context, page, log } = await openApp(browser, url + 'broken.html');
  await page.locator('#main-heading').waitFor();
  log.loaded = true;
  await page.locator('#config-notice').waitFor();
  assert.equal(log.consoleWarnings.length, 1);
  assert.match(log.consoleWarnings[0], /line 1 column \d+.*using the defaults/);
  assertClean(log);
  await context.close();
});

for (const [page, how] of [['manual.html', 'by the page\'s own script with Naastenmeter.mount'], ['module.html', 'from a module script tag']]) {
  test(`the app can be mounted ${how}`, async () => {
    const { context, page: tab, log } = await openApp(browser, url + page);
    await tab.locator('#main-heading', { hasText: 'How are you doing' }).waitFor();
    log.loaded = true;
    if (page === 'manual.html') {
      assert.equal((await styleOf(tab, '#start', ['background-color']))['background-color'], 'rgb(0, 101, 127)');
    }
    assert.equal(await tab.locator('#config-notice').count(), 0);
    assertClean(log);
    await context.close();
  });
}

test('printing the partner page prints only the app: at most two A4 pages, also in a crisis with a full card', async () => {
  const { context, page, log } = await openApp(browser, url, { viewport: { width: 390, height: 844 } });
  await page.locator('#main-heading').waitFor();
  log.loaded = true;
  await page.locator('#start').click();
  // The heaviest answers everywhere: every signal.
  await answerToResult(page, { pick: (id, count) => count - 1 });
  await fillFullCard(page);
  const pages = pdfPages(await page.pdf({ format: 'A4', printBackground: true }));
  assert.ok(pages >= 1 && pages <= 2, `${pages} pages`);
  // In print, the partner's own page around the app is left out.
  await page.emulateMedia({ media: 'print' });
  const hidden = await page.evaluate(() => [...document.body.children]
    .filter((e) => !e.hasAttribute('data-naastenmeter-print') && e.tagName !== 'SCRIPT')
    .map((e) => getComputedStyle(e).display));
  assert.ok(hidden.length > 0 && hidden.every((d) => d === 'none'), `host elements printed: ${hidden}`);
  await page.emulateMedia({ media: null });
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).display), 'block', 'on screen the page is untouched');
  assertClean(log);
  await context.close();
});

test('on the partner\'s page the app adds no h1 and no main: axe finds nothing on the welcome, a question page and the result', async () => {
  const { context, page, log } = await openApp(browser, url);
  await page.locator('#main-heading').waitFor();
  log.loaded = true;
  const check = async (where) => {
    const shape = await outline(page);
    assert.equal(shape.mains, 0, `${where}: no main in the app`);
    assert.equal(shape.page, 'section', `${where}: the page is a region`);
    assert.equal(shape.label, 'main-heading', `${where}: named by its heading`);
    assert.equal(shape.headings.filter((h) => h === 'h1').length, 0, `${where}: no h1 in the app`);
    assertHeadingOrder(shape.headings, 2, where);
    assert.deepEqual(log.csp, [], `${where}: no CSP violation before axe runs`);
    const errors = log.consoleErrors.length;
    const violations = await axe(page, { bestPractice: true });
    assert.deepEqual(violations, [], `axe-core violations on ${where}: ${JSON.stringify(violations, null, 1)}`);
    // axe's best-practice checks add inline <style> elements of their own,
    // which the page's strict CSP refuses; those reports are axe's, not the app's.
    log.csp.length = 0;
    log.consoleErrors.splice(errors, Infinity, ...log.consoleErrors.slice(errors).filter((e) => !e.startsWith('Applying inline style violates')));
  };
  await check('the welcome page');
  await page.locator('#start').click();
  await page.locator('#progress-text').waitFor();
  await check('the first questions page');
  await answerToResult(page, { pick: (id, count) => (id === 'unsafe_now' || id === 'children_home' ? count - 1 : 0) });
  await check('the result page');
  // Every folded section open: their headings too keep the order.
  await page.locator('.result details.fold').evaluateAll((all) => all.forEach((d) => { d.open = true; }));
  await check('the result page, every section open');
  assertClean(log);
  await context.close();
});

test('an offer keyed to a band shows when the answers fit no prototype, up front and headed with the partner\'s name', async () => {
  const instrumentItem = (id) => INSTRUMENT.items.find((i) => i.id === id);
  const scaled = new Set(INSTRUMENT.scales.flatMap((s) => s.items));
  // Heavy on every scale (reverse-keyed items turned), no safety signal,
  // ratings at 0: burden high, and no description fits.
  const pick = (id, count) => {
    const it = instrumentItem(id);
    if (!it) return ['unsafe_now', 'children_home'].includes(id) ? count - 1 : 0;
    if (!scaled.has(id)) return 0;
    return it.reverse ? 0 : count - 1;
  };
  for (const [lang, heading, shown] of [['nl', 'Steun bij GGZ Kiemhorst', 'Even vrij'], ['en', 'Support at Kiemhorst Mental Health', 'Time off']]) {
    const { context, page, log } = await openApp(browser, url + 'bands.html', { viewport: { width: 390, height: 844 } });
    await page.locator('#main-heading').waitFor();
    log.loaded = true;
    if (lang === 'en') await page.locator('.lang-switch').click();
    await page.locator('#start').click();
    await answerToResult(page, { pick });
    assert.equal(await page.locator('#no-prototype.none-fits-heavier').count(), 1, 'no description fits');
    assert.deepEqual(await page.locator('#local-offers .local-offer .hd2').allTextContents(), [shown],
      'the offer for a high burden, not those for a prototype or a low burden');
    await assertOffersUpFront(page, heading);
    assertClean(log);
    await context.close();
  }
});

test('the partner chooses the top heading level and a main landmark', async () => {
  const { context, page, log } = await openApp(browser, url + 'levels.html');
  await page.locator('#main-heading').waitFor();
  log.loaded = true;
  const rules = ['heading-order', 'page-has-heading-one', 'landmark-no-duplicate-main', 'landmark-main-is-top-level', 'landmark-one-main'];
  for (const where of ['the welcome page', 'the first questions page']) {
    if (where !== 'the welcome page') {
      await page.locator('#start').click();
      await page.locator('#progress-text').waitFor();
    }
    const shape = await outline(page);
    assert.equal(shape.page, 'main');
    assert.equal(shape.mains, 1);
    assert.equal(await page.locator('#main-heading').evaluate((h) => h.tagName), 'H3', where);
    assertHeadingOrder(shape.headings, 3, where);
    assert.deepEqual(await axe(page, { only: rules }), [], where);
  }
  assertClean(log);
  await context.close();
});
