// Browser tests of the professional view (issue 14): a professional opens
// a relative's JSON export and share code of a result with safety signals.
// The view speaks about the relative, never to them; it shows the date and
// the questionnaire version, the signals first and highlighted with the
// answers that raised them, the scores, the description, and every answer
// with the ones that raised a signal marked; printed, it is one A4 page.
// Nothing is stored, nothing is requested, axe-core finds nothing.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';

import { axe, fillFullCard, launch, openApp, overflowsHorizontally, pdfPages, startServer, valuesAtClassMeans } from './helpers.mjs';

// The instrument the app was built with (NAASTENMETER_INSTRUMENT, as web/build.sh).
const INSTRUMENT_FILE = process.env.NAASTENMETER_INSTRUMENT
  ?? new URL('../../instruments/naastenmeter-v1.json', import.meta.url);
const PHONE = { width: 390, height: 844 };
const CREATED = '2026-03-14T09:05:00+01:00';

let server;
let url;
let browser;
let instrument;

before(async () => {
  instrument = JSON.parse(await readFile(INSTRUMENT_FILE, 'utf8'));
  ({ server, url } = await startServer());
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
});

const item = (id) => instrument.items.find((i) => i.id === id);
const optionLabel = (id, value, lang) =>
  instrument.response_scales.find((s) => s.id === item(id).response_scale).options.find((o) => o.value === value).label[lang];
const rule = (id) => instrument.safety.find((r) => r.id === id);

/**
 * A relative at the means of the first class, who sometimes did not want
 * to live (own_crisis), sees no way out and often felt low (no_way_out,
 * low_mood): two urgent signals and one for attention, raised by
 * death_thoughts, e3, w1 and w2.
 */
function answers() {
  const klass = instrument.model.latent.profiles.classes[0];
  return {
    ...valuesAtClassMeans(instrument, klass.prototype),
    w1: 2, w2: 1, w3: 0, w4: 0, death_thoughts: 1, unsafe: 0, e3: 4,
    rate_heavy: 7, rate_wellbeing: 5,
    relationship: 'partner',
  };
}
const RAISED = ['death_thoughts', 'e3', 'w1', 'w2'];

/**
 * The heaviest answers for safety: every safety rule that can hold at once
 * (all but unsafe_once, which gives way to unsafe), with many behaviours
 * chosen: the longest list of signals the print must still fit on a page.
 */
function heaviest() {
  return {
    ...answers(),
    w1: 3, w2: 3, w3: 3, w4: 3, death_thoughts: 3, unsafe: 3, unsafe_now: 'yes', children_home: 'yes',
    behaviours: instrument.context_questions.find((q) => q.id === 'behaviours').options.map((o) => o.id),
  };
}

/**
 * The relative's exports: the JSON file and the share code; with `card`,
 * the conversation card filled to its limits first (the JSON carries it,
 * the share code does not).
 */
async function relativeExports(given = answers(), { card = false } = {}) {
  const progress = JSON.stringify({ lang: 'nl', view: 'Result', answers: given, furthest: 0, created: CREATED });
  const { context, page } = await openApp(browser, url, {
    init: { content: `sessionStorage.setItem('naastenmeter.progress', ${JSON.stringify(progress)})` },
  });
  await page.locator('main.result').waitFor();
  // The relative's own page still speaks to them, signals first.
  assert.equal(await page.locator('main.result #main-heading').textContent(), 'Jouw uitslag');
  if (card) await fillFullCard(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-json').click()]);
  const json = await readFile(await download.path(), 'utf8');
  await page.locator('#export-share').click();
  const code = (await page.locator('#share-code').textContent()).trim();
  await context.close();
  return { json, code };
}

async function assertAccessible(page, name) {
  const violations = await axe(page);
  assert.deepEqual(violations, [], `axe-core violations on ${name}: ${JSON.stringify(violations, null, 1)}`);
}

/**
 * The view's own words: the text of the professional view without what it
 * quotes from the questionnaire as the relative read it (questions and
 * signal titles in <q>, signal texts in <blockquote>, the options the
 * relative chose in .answer-label).
 */
async function ownWords(page) {
  return page.locator('main.professional').evaluate((main) => {
    const copy = main.cloneNode(true);
    for (const quoted of copy.querySelectorAll('q, blockquote, .answer-label')) quoted.remove();
    return copy.textContent;
  });
}

/** Checks the opened result in Dutch; `withTime` when the export has the time. */
async function checkDutch(page, { withTime }) {
  const result = page.locator('#pro-result');
  await result.waitFor();
  // Date and version.
  const date = await page.locator('.pro-date').textContent();
  assert.match(date, withTime ? /^Ingevuld op 14-03-2026 om 09:05\.$/ : /^Ingevuld op 14-03-2026\.$/, date);
  assert.match(await page.locator('.made-with-version').textContent(), new RegExp(`versie ${instrument.version.replaceAll('.', '\\.')}`));

  // The signals first, highlighted, urgent with its level in words.
  const sections = await result.locator('section').evaluateAll((s) => s.map((e) => e.className));
  assert.match(sections[0], /pro-signals/, `signals first: ${sections}`);
  const cards = result.locator('.pro-signal');
  const ids = await cards.evaluateAll((c) => c.map((e) => e.id.replace(/^pro-signal-/, '')));
  assert.deepEqual(ids, ['own_crisis', 'no_way_out', 'low_mood']);
  for (const id of ids) {
    const card = page.locator(`#pro-signal-${id}`);
    const urgent = rule(id).level === 'urgent';
    assert.match(await card.getAttribute('class'), urgent ? /signal-urgent/ : /signal-attention/);
    assert.match(await card.locator('.signal-level').textContent(), urgent ? /^⚠ Dringend$/ : /^⚠ Aandacht nodig$/);
    assert.equal(await card.locator('h3 q').textContent(), rule(id).title.nl);
    assert.match(await card.textContent(), urgent ? /De naaste kreeg het advies om nu hulp te zoeken\./ : /De naaste kreeg het advies om hier snel over te praten/);
  }
  // These signals put help for the relative first on their own page.
  assert.match(await page.locator('.pro-help-first').textContent(), /hulp voor de naaste zelf/);
  // Each names the answers that raised it, as the relative read and chose them.
  const crisis = await page.locator('#pro-signal-own_crisis .pro-raised').textContent();
  assert.ok(crisis.includes(item('death_thoughts').text.nl) && crisis.includes(optionLabel('death_thoughts', 1, 'nl')), crisis);
  const noWayOut = await page.locator('#pro-signal-no_way_out .pro-raised').textContent();
  for (const id of ['e3', 'w1', 'w2']) assert.ok(noWayOut.includes(item(id).text.nl), `${id} in ${noWayOut}`);
  assert.ok(noWayOut.includes(optionLabel('e3', 4, 'nl')));
  // Highlighted: a border and a background set apart from the page.
  const style = await page.locator('#pro-signal-own_crisis').evaluate((e) => {
    const s = getComputedStyle(e);
    return { border: parseFloat(s.borderTopWidth), background: s.backgroundColor };
  });
  assert.ok(style.border >= 2 && style.background !== 'rgba(0, 0, 0, 0)', JSON.stringify(style));

  // Scores with the band in words, one row per scale.
  const rows = await page.locator('.pro-scores-table tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.equal(rows.length, instrument.scales.length);
  for (const [label, score, band] of rows) {
    const scale = instrument.scales.find((s) => s.label.nl === label);
    assert.ok(scale, label);
    assert.match(score, /^\d,\d \(\d+–\d+\)$/, score);
    assert.ok(scale.bands.some((b) => b.label.nl === band), `${label}: ${band}`);
  }
  // The description: its strength in words before the percentage, or why none.
  const fit = await page.locator('.pro-fit').textContent();
  const named = instrument.prototypes.find((p) => fit.includes(p.name.nl));
  if (named) {
    const words = instrument.model.strength.map((s) => fit.indexOf(s.label.nl)).filter((i) => i >= 0);
    assert.ok(words.length && Math.min(...words) < fit.search(/\d+%/), fit);
  } else {
    assert.match(fit, /Geen beschrijving/);
  }

  // Every answer, grouped; those that raised a signal marked in words.
  assert.ok(await page.locator('.pro-answers h3').count() >= instrument.scales.length + 2);
  assert.equal(await page.locator('.pro-answers .answer').count(), instrument.items.length + instrument.context_questions.length);
  const marked = await page.locator('.answer.raised').evaluateAll((li) => li.map((e) => e.id.replace(/^answer-/, '')));
  assert.deepEqual([...marked].sort(), [...RAISED].sort());
  const e3 = page.locator('#answer-e3');
  assert.equal(await e3.locator('.answer-question').textContent(), item('e3').text.nl);
  assert.equal(await e3.locator('.answer-label').textContent(), optionLabel('e3', 4, 'nl'));
  assert.match(await e3.locator('.raised-mark').textContent(), new RegExp(`^⚠ Signaal: ${rule('no_way_out').title.nl}`));
  assert.match(await page.locator('#answer-w1 .raised-mark').textContent(), /Signaal: .+, .+/, 'w1 names both signals it helped raise');
  assert.equal(await page.locator('#answer-b01 .raised-mark').count(), 0);
  assert.equal(await page.locator('#answer-rate_heavy .answer-number').textContent(), '7 van de 10');

  // Third person: no "je", "jij" or "jouw" in the view's own words.
  const own = await ownWords(page);
  assert.doesNotMatch(own, /\b(je|jij|jou|jouw|jezelf)\b/i, own);
  assert.match(own, /de naaste/);
}

test('a professional opens a JSON export with signals: date, version, signals first with the answers that raised them, the card, every answer, one printed page', async () => {
  const { json } = await relativeExports(answers(), { card: true });
  const { context, page, log } = await openApp(browser, url, { hash: '#professional' });
  await page.locator('#main-heading').waitFor();
  log.loaded = true;
  await page.locator('#pro-file').setInputFiles({ name: 'uitslag.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  await checkDutch(page, { withTime: true });
  // The relative's conversation card, in their own words (quoted).
  const card = page.locator('.pro-card');
  assert.equal(await card.locator('q').count(), 3 + 1, 'three worries and the own goal, quoted');
  assert.equal(await card.locator('.answer-label').count(), 6, 'the sub-goals as chosen');
  assert.match(await card.locator('blockquote').textContent(), /^Wat kan ik doen als het misgaat/);
  await assertAccessible(page, 'professional view with signals');

  // Printed: one A4 page with the essentials; the answers stay on screen.
  await page.emulateMedia({ media: 'print' });
  for (const selector of ['.pro-date', '.made-with-version', '.pro-signals', '#pro-signal-no_way_out .pro-raised', '.pro-scores-table', '.pro-fit']) {
    assert.ok(await page.locator(selector).isVisible(), `${selector} is printed`);
  }
  for (const selector of ['.pro-answers', '.pro-card', '.pro-message', '#pro-print', 'footer.help-now', '.topbar']) {
    assert.equal(await page.locator(selector).first().isVisible(), false, `${selector} is not printed`);
  }
  await page.emulateMedia({ media: null });
  const pdf = await page.pdf({ format: 'A4' });
  assert.equal(pdfPages(pdf), 1, 'the print is one A4 page');

  // English: the same, about the relative.
  await page.locator('.lang-switch').click();
  await page.locator('.pro-date', { hasText: 'Filled in on 2026-03-14 at 09:05.' }).waitFor();
  assert.equal(await page.locator('#pro-signal-own_crisis h3 q').textContent(), rule('own_crisis').title.en);
  assert.match(await page.locator('#answer-e3 .raised-mark').textContent(), /^⚠ Signal: /);
  const own = await ownWords(page);
  assert.doesNotMatch(own, /\b(you|your|yours|yourself)\b/i, own);
  assert.match(own, /the relative/);
  await assertAccessible(page, 'professional view with signals (en)');
  assert.equal(pdfPages(await page.pdf({ format: 'A4' })), 1, 'the English print is one A4 page');

  assert.deepEqual(log.writes, [], 'the professional view writes no storage');
  assert.deepEqual(log.lateRequests, []);
  assert.deepEqual(log.csp, []);
  assert.deepEqual(log.consoleErrors, []);
  assert.deepEqual(await context.cookies(), []);
  await context.close();
});

test('a professional opens the share code on a phone: the day, the same signals and marks, no sideways scrolling', async () => {
  const { code } = await relativeExports();
  const { context, page, log } = await openApp(browser, url, { hash: '#professional', viewport: PHONE });
  await page.locator('#main-heading').waitFor();
  log.loaded = true;
  await page.locator('#pro-code').fill(code);
  await page.locator('#pro-code-open').click();
  await checkDutch(page, { withTime: false });
  assert.equal(await page.locator('.pro-card').count(), 0, 'a share code carries no card');
  // The first signal starts on the first screen.
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await page.locator('.pro-signal').first().boundingBox();
  assert.ok(box && box.y < PHONE.height, `the first signal is on the first screen (y ${box?.y})`);
  assert.equal(await overflowsHorizontally(page), false);
  await assertAccessible(page, 'professional view on a phone');
  assert.equal(pdfPages(await page.pdf({ format: 'A4' })), 1, 'printed from a phone, still one A4 page');
  assert.deepEqual(log.writes, [], 'the professional view writes no storage');
  assert.deepEqual(log.lateRequests, []);
  assert.deepEqual(log.consoleErrors, []);
  await context.close();
});

test('the heaviest result for safety, every signal at once, still prints on one A4 page with each signal and what raised it', async () => {
  const { json } = await relativeExports(heaviest());
  const { context, page, log } = await openApp(browser, url, { hash: '#professional' });
  await page.locator('#main-heading').waitFor();
  log.loaded = true;
  await page.locator('#pro-file').setInputFiles({ name: 'uitslag.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  await page.locator('#pro-result').waitFor();
  const possible = instrument.safety.filter((r) => r.id !== 'unsafe_once').map((r) => r.id);
  const shown = await page.locator('.pro-signal').evaluateAll((c) => c.map((e) => e.id.replace(/^pro-signal-/, '')));
  assert.deepEqual([...shown].sort(), [...possible].sort());
  // Of the behaviours chosen, the signal names only the one that raised it.
  const danger = await page.locator('#pro-signal-loved_one_danger .pro-raised .answer-label').allTextContents();
  const selfHarm = instrument.context_questions.find((q) => q.id === 'behaviours').options.find((o) => o.id === 'self_harm').label.nl;
  assert.deepEqual(danger, [selfHarm]);
  for (const lang of ['nl', 'en']) {
    if (lang === 'en') {
      await page.locator('.lang-switch').click();
      await page.locator('.pro-date', { hasText: 'Filled in' }).waitFor();
    }
    assert.equal(pdfPages(await page.pdf({ format: 'A4' })), 1, `every signal on one A4 page (${lang})`);
  }
  assert.deepEqual(log.writes, []);
  assert.deepEqual(log.consoleErrors, []);
  await context.close();
});

test('a professional opens a QuestionnaireResponse that another FHIR system (LHC-Forms style) made from our Questionnaire', async () => {
  const response = await readFile(new URL('../data/lhc-forms-response.json', import.meta.url), 'utf8');
  const { context, page, log } = await openApp(browser, url, { hash: '#professional' });
  await page.locator('#main-heading').waitFor();
  log.loaded = true;
  await page.locator('#pro-file').setInputFiles({ name: 'response.json', mimeType: 'application/json', buffer: Buffer.from(response) });
  await page.locator('#pro-result').waitFor();
  assert.match(await page.locator('#pro-result').textContent(), /versie 1\.3\.0/);
  await assertAccessible(page, 'professional view, a response from another FHIR system');
  assert.deepEqual(log.writes, []);
  assert.deepEqual(log.consoleErrors, []);
  await context.close();
});
