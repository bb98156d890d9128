// Browser tests of what the result page says (issues 11 and 12), walking
// the questionnaire as particular relatives would: one doing well sees no
// description and a warm "lighter" text; one heavily burdened and lonely
// sees no description their own scores deny; one answering a single part
// sees why no description is named; a named description shows its strength
// in words before the percentage, with the provisional caveat beside it; the
// chart is readable on a 360 px phone (every text at least 14 px on screen)
// and marks the named description's typical score with its name, and no
// typical score when none is named; a
// relative whose answer raises a signal at a question sees it under that
// question and the urgent block first on a phone; and the "Need help?"
// panel is reachable from every questionnaire page.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';

import { answerPage, answerToResult, axe, fillFullCard, launch, openApp, overflowsHorizontally, pdfPages, startServer, valuesAtClassMeans } from './helpers.mjs';

// The instrument the app was built with (NAASTENMETER_INSTRUMENT, as web/build.sh).
const INSTRUMENT_FILE = process.env.NAASTENMETER_INSTRUMENT
  ?? new URL('../../instruments/naastenmeter-v1.json', import.meta.url);
const PHONE = { width: 390, height: 844 };
const SMALL_PHONE = { width: 360, height: 740 };

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
const optionsOf = (id) => instrument.response_scales.find((s) => s.id === item(id).response_scale).options.map((o) => o.value);
const scaleOf = (id) => instrument.scales.find((s) => s.items.includes(id));
const isRating = (id) => item(id) && !scaleOf(id);

/** Option index for the light end of an item (the heavy end when `heavy`). */
function end(id, count, heavy) {
  const it = item(id);
  if (!it) return 0; // a context question: its first option
  // Ratings: the light end of "how heavy" is 0, of "how well" is 10.
  const wellbeing = isRating(id) && /well/.test(it.response_scale);
  const high = heavy !== Boolean(it.reverse) !== wellbeing;
  return high ? count - 1 : 0;
}

// Context questions: the first option, but "no" for the two safety
// questions (their first option is "yes") unless the pattern is a crisis.
const safeContext = (id, count) => (['unsafe_now', 'children_home'].includes(id) ? count - 1 : 0);

/** The three relatives issue 14 names, as answer pickers for answerToResult. */
const PATTERNS = {
  'doing well': (id, count) => (item(id) ? end(id, count, false) : safeContext(id, count)),
  'burdened and lonely': (id, count) => (!item(id) ? safeContext(id, count) : isRating(id) ? 0 : end(id, count, true)),
  // Every answer at its heavy end, every context option's last: every signal.
  crisis: (id, count) => (item(id) ? end(id, count, true) : count - 1),
};

async function ready(page, log) {
  await page.locator('#main-heading').waitFor();
  log.loaded = true;
}

async function startQuestions(page, log) {
  await ready(page, log);
  await page.locator('#start').click();
  await page.locator('#progress-text').waitFor();
}

/** The band (scale id -> band id) the page shows, read from the screen-reader table. */
async function shownBands(page) {
  const rows = await page.locator('table.sr-table tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [tr.querySelector('th').textContent, tr.querySelectorAll('td')[1].textContent]));
  const bands = {};
  for (const [label, bandLabel] of rows) {
    const scale = instrument.scales.find((s) => s.label.nl === label);
    const band = scale?.bands.find((b) => b.label.nl === bandLabel);
    if (scale && band) bands[scale.id] = band.id;
  }
  return bands;
}

/** The prototypes shown as cards, by their Dutch names. */
async function shownPrototypes(page) {
  const names = await page.locator('.prototypes article.prototype h3').allTextContents();
  return names.map((n) => instrument.prototypes.find((p) => p.name.nl === n)).filter(Boolean);
}

function assertNoErrors(log) {
  assert.deepEqual(log.consoleErrors, [], 'no console error');
  assert.deepEqual(log.csp, [], 'no CSP violation');
  assert.deepEqual(log.lateRequests, [], 'no request after loading');
}

async function assertAccessible(page, name) {
  const violations = await axe(page);
  assert.deepEqual(violations, [], `axe-core violations on ${name}: ${JSON.stringify(violations, null, 1)}`);
}

test('a relative doing well (every answer at its light end) sees no description, the warm "lighter" text and their bands', async () => {
  const { context, page, log } = await openApp(browser, url);
  await startQuestions(page, log);
  await answerToResult(page, { pick: (id, count) => end(id, count, false) });
  const section = page.locator('.prototypes');
  assert.equal(await section.locator('article.prototype').count(), 0, 'no description is named');
  const text = await section.textContent();
  assert.match(text, /Je antwoorden passen bij geen van de beschrijvingen goed/);
  assert.match(text, /lichter dan in alle beschrijvingen/);
  assert.match(text, /scores per onderdeel wel gebruiken/);
  assert.equal(await page.locator('#no-prototype.none-fits-lighter').count(), 1);
  // The chart marks no description's typical score when none is named.
  assert.equal(await page.locator('.chart .typical-mark').count(), 0);
  // Every scale still has its band, shown in words.
  const bands = await shownBands(page);
  for (const scale of instrument.scales) {
    assert.ok(bands[scale.id], `the band of ${scale.id} is shown`);
  }
  assert.equal(await page.locator('.scale-text strong').count(), instrument.scales.length);
  // English says the same, plainly.
  await page.locator('.lang-switch').click();
  await page.locator('h1', { hasText: 'Your result' }).waitFor();
  assert.match(await section.textContent(), /do not fit any of the descriptions well[\s\S]*lighter than in all the descriptions/);
  await assertAccessible(page, 'result, fits none');
  assertNoErrors(log);
  await context.close();
});

test('a heavily burdened and lonely relative sees no description that their own scores contradict', async () => {
  const { context, page, log } = await openApp(browser, url);
  await startQuestions(page, log);
  // The heavy end of every scale item (loneliness included); context: first option.
  await answerToResult(page, { pick: (id, count) => (isRating(id) || !item(id) ? 0 : end(id, count, true)) });
  const bands = await shownBands(page);
  assert.equal(bands.loneliness, 'high', `loneliness is high (${JSON.stringify(bands)})`);
  const shown = await shownPrototypes(page);
  for (const p of shown) {
    const denied = (p.contradicted_by ?? []).filter((b) => bands[b.scale] === b.band);
    assert.deepEqual(denied, [], `${p.id} is shown although ${JSON.stringify(denied)} holds`);
  }
  if (shown.length === 0) {
    assert.match(await page.locator('.prototypes').textContent(), /passen bij geen van de beschrijvingen goed/);
  }
  assertNoErrors(log);
  await context.close();
});

test('a relative answering only one part sees no description and why', async () => {
  const only = instrument.model.latent.profiles?.scales?.[1] ?? instrument.scales[1].id;
  const keep = new Set(instrument.scales.find((s) => s.id === only).items);
  const skip = new Set([...instrument.items.map((i) => i.id), ...instrument.context_questions.map((q) => q.id)]
    .filter((id) => !keep.has(id)));
  const { context, page, log } = await openApp(browser, url);
  await startQuestions(page, log);
  await answerToResult(page, { skip, pick: () => 0 });
  const section = page.locator('.prototypes');
  assert.equal(await section.locator('article.prototype').count(), 0, 'no description is named');
  assert.equal(await page.locator('#no-prototype.too-few-inputs').count(), 1);
  const text = await section.textContent();
  assert.match(text, /te weinig vragen beantwoord om je met de beschrijvingen te vergelijken/);
  const needed = instrument.model.typicality?.min_inputs ?? 1;
  const total = instrument.model.latent.profiles?.scales?.length ?? 0;
  if (total) {
    assert.match(text, needed >= total ? new RegExp(`alle ${total} onderdelen`) : new RegExp(`${needed} van de ${total} onderdelen`));
    assert.match(text, new RegExp(`genoeg antwoorden op 1 van de ${total} onderdelen`));
  }
  assert.match(text, /scores per onderdeel wel gebruiken/);
  assert.equal(await page.locator('.chart .typical-mark').count(), 0);
  assertNoErrors(log);
  await context.close();
});

test('a named description shows its strength in words before the percentage, with the provisional caveat beside it', async () => {
  assert.ok(instrument.model.latent.profiles, 'the default instrument has a latent profile model to aim answers at');
  // Open a tab whose saved progress is at a class's means: the prototype is named.
  const klass = instrument.model.latent.profiles.classes[0];
  const progress = JSON.stringify({ lang: 'nl', view: 'Result', answers: valuesAtClassMeans(instrument, klass.prototype), furthest: 0, created: '2026-01-01T00:00:00Z' });
  const { context, page, log } = await openApp(browser, url, {
    viewport: PHONE,
    init: { content: `sessionStorage.setItem('naastenmeter.progress', ${JSON.stringify(progress)})` },
  });
  await page.locator('main.result').waitFor();
  log.loaded = true;
  // The first screen names it in one sentence with its strength in words.
  assert.match(await page.locator('#in-short .in-short-description').textContent(),
    new RegExp(instrument.prototypes.find((p) => p.id === klass.prototype).name.nl));
  // The folded section opens from its jump link.
  await page.locator('nav.toc a[href="#sec-prototype"]').click();
  const card = page.locator('.prototypes article.prototype').first();
  await card.waitFor();
  const name = await card.locator('h3').textContent();
  assert.equal(name, instrument.prototypes.find((p) => p.id === klass.prototype).name.nl);
  const line = await card.locator('.fit-line').textContent();
  const labels = instrument.model.strength.map((s) => s.label.nl.toLowerCase());
  const at = labels.map((l) => line.toLowerCase().indexOf(l)).filter((i) => i >= 0);
  assert.ok(at.length > 0, `strength words in "${line}"`);
  const percent = line.search(/\d+%/);
  assert.ok(percent > Math.min(...at), `words before the percentage: "${line}"`);
  if (instrument.model.provisional) {
    // The caveat follows the percentage directly, inside the same card.
    const next = await card.locator('.fit-line + .provisional-note').textContent();
    assert.match(next, /voorlopig/);
  }
  const marks = await page.locator('.chart .typical-mark .mark-label').allTextContents();
  assert.deepEqual(marks, marks.map(() => name), 'the named description is marked in the chart with its name');
  assert.ok(marks.length >= 1);
  assert.equal(await overflowsHorizontally(page), false);
  assertNoErrors(log);
  await context.close();
});

/** Opens a tab whose saved progress holds `answers` on the result page. */
async function openResultWith(answers, viewport) {
  const progress = JSON.stringify({ lang: 'nl', view: 'Result', answers, furthest: 0, created: '2026-01-01T00:00:00Z' });
  const opened = await openApp(browser, url, {
    viewport,
    init: { content: `sessionStorage.setItem('naastenmeter.progress', ${JSON.stringify(progress)})` },
  });
  await opened.page.locator('main.result').waitFor();
  opened.log.loaded = true;
  return opened;
}

/**
 * Every text of the chart as it is rendered: for an SVG text its font size
 * times the SVG's scale (its width on screen over its viewBox width), with
 * its box height and how far it stays inside its SVG; for the chart's HTML
 * text its computed font size.
 */
async function chartTexts(page) {
  return page.evaluate(() => {
    const svgTexts = [...document.querySelectorAll('.chart svg.scale-chart')].flatMap((svg) => {
      const box = svg.getBoundingClientRect();
      const scale = box.width / svg.viewBox.baseVal.width;
      return [...svg.querySelectorAll('text')].map((text) => {
        const r = text.getBoundingClientRect();
        return {
          text: text.textContent,
          size: parseFloat(getComputedStyle(text).fontSize) * scale,
          height: r.height,
          inside: r.left >= box.left - 0.5 && r.right <= box.right + 0.5,
        };
      });
    });
    const htmlTexts = [...document.querySelectorAll('.chart .chart-label, .chart .chart-key')].map((el) => ({
      text: el.textContent, size: parseFloat(getComputedStyle(el).fontSize), height: el.getBoundingClientRect().height, inside: true,
    }));
    return [...svgTexts, ...htmlTexts];
  });
}

async function assertChartReadable(page, what) {
  await page.locator('nav.toc a[href="#sec-scores"]').click();
  await page.locator('.chart svg.scale-chart').first().waitFor();
  const texts = await chartTexts(page);
  assert.ok(texts.length >= instrument.scales.length * 3, `${what}: the chart has its texts`);
  for (const t of texts) {
    assert.ok(t.size >= 14, `${what}: "${t.text}" renders at ${t.size.toFixed(1)} px`);
    assert.ok(t.height >= 14, `${what}: "${t.text}" is ${t.height.toFixed(1)} px high`);
    assert.ok(t.inside, `${what}: "${t.text}" stays inside the chart`);
  }
  assert.equal(await overflowsHorizontally(page), false, `${what}: no sideways scrolling`);
  return texts;
}

test('on a 360 px phone the chart is readable and marks only a named description, with its name', async () => {
  // A named description: answers at a class's means.
  const klass = instrument.model.latent.profiles.classes[0];
  const prototype = instrument.prototypes.find((p) => p.id === klass.prototype);
  let { context, page, log } = await openResultWith(valuesAtClassMeans(instrument, klass.prototype), SMALL_PHONE);
  assert.equal(await page.locator('.prototypes article.prototype h3').first().textContent(), prototype.name.nl);
  const texts = await assertChartReadable(page, 'named, nl');
  console.log(`smallest chart text at 360 px: ${Math.min(...texts.map((t) => t.size)).toFixed(1)} px`);
  // Each scale its own block, with its band in words and its own axis.
  assert.equal(await page.locator('.chart .chart-scale').count(), instrument.scales.length);
  for (const [i, scale] of instrument.scales.entries()) {
    const block = page.locator('.chart .chart-scale').nth(i);
    assert.match(await block.locator('.chart-label').textContent(), new RegExp(`^${scale.label.nl}: `));
    assert.deepEqual(await block.locator('.band-name').allTextContents(), scale.bands.map((b) => b.label.nl));
    const options = optionsOf(scale.items[0]);
    const ticks = await block.locator('.tick-number').allTextContents();
    assert.equal(ticks[0], String(options[0]), `${scale.id} starts at its own lowest score`);
    assert.equal(ticks.at(-1), String(options.at(-1)), `${scale.id} ends at its own highest score`);
  }
  // The typical score of the named description, labelled with its name.
  const marks = await page.locator('.chart .typical-mark .mark-label').allTextContents();
  assert.equal(marks.length, instrument.scales.length);
  assert.ok(marks.every((m) => m === prototype.name.nl), `marks named ${JSON.stringify(marks)}`);
  assert.match(await page.locator('.chart .chart-key').textContent(), /streep met een naam/);
  await page.locator('.lang-switch').click();
  await page.locator('h1', { hasText: 'Your result' }).waitFor();
  await assertChartReadable(page, 'named, en');
  assert.ok((await page.locator('.chart .typical-mark .mark-label').allTextContents()).every((m) => m === prototype.name.en));
  await assertAccessible(page, 'result chart on a phone, named');
  assertNoErrors(log);
  await context.close();

  // None named: every scale at its light end. No typical mark, no key.
  const light = {};
  for (const scale of instrument.scales) {
    for (const id of scale.items) {
      const options = optionsOf(id);
      light[id] = item(id).reverse ? options.at(-1) : options[0];
    }
  }
  ({ context, page, log } = await openResultWith(light, SMALL_PHONE));
  assert.equal(await page.locator('.prototypes article.prototype').count(), 0, 'no description is named');
  await assertChartReadable(page, 'none named');
  assert.equal(await page.locator('.chart .typical-mark').count(), 0);
  assert.equal(await page.locator('.chart .chart-key').count(), 0);
  assert.equal(await page.locator('table.sr-table tbody tr').count(), instrument.scales.length);
  assertNoErrors(log);
  await context.close();
});

/** Item answers (option indexes) that make a safety condition hold, or null. */
function satisfy(condition, into = {}) {
  const [kind, arg] = Object.entries(condition)[0] ?? [condition];
  const highest = (id) => optionsOf(id).length - 1;
  const atLeast = (id, value) => optionsOf(id).findIndex((v) => v >= value);
  switch (kind) {
    case 'item_at_least': into[arg.item] = Math.max(atLeast(arg.item, arg.value), 0); return into;
    case 'sum_at_least': for (const id of arg.items) into[id] = highest(id); return into;
    case 'scale_at_least':
    case 'band':
      for (const id of instrument.scales.find((s) => s.id === arg.scale).items) {
        into[id] = item(id).reverse ? 0 : highest(id);
      }
      return into;
    case 'chosen': into[arg.question] = arg.option; return into;
    case 'any': {
      for (const c of arg) { const got = satisfy(c, { ...into }); if (got) return got; }
      return null;
    }
    case 'all': {
      let acc = into;
      for (const c of arg) { acc = satisfy(c, acc); if (!acc) return null; }
      return acc;
    }
    default: return null;
  }
}

/// A relative whose answers raise the safety rule `ruleId` sees its signal
/// right under its question while answering, and the urgent block first on
/// the result, on a phone.
async function signalAtQuestionAndFirstOnResult(ruleId) {
  const rule = instrument.safety.find((r) => r.id === ruleId);
  assert.ok(rule, `the default instrument has the safety rule ${ruleId}`);
  assert.ok(rule.show_at_question, `${ruleId} is shown at its question`);
  const wanted = satisfy(rule.when);
  assert.ok(wanted, `answers can be made that raise ${ruleId}`);
  const question = rule.show_at_question;
  const { context, page, log } = await openApp(browser, url, { viewport: PHONE });
  await startQuestions(page, log);
  const pick = (id, count) => {
    if (id in wanted) {
      const w = wanted[id];
      return typeof w === 'number' ? w : Math.max(0, (instrument.context_questions.find((q) => q.id === id)?.options ?? []).findIndex((o) => o.id === w));
    }
    return end(id, count, false);
  };
  // Answer page by page; on the page with the question, the signal shows
  // under it before "next".
  let seen = false;
  for (let guard = 0; guard < 100 && !(await page.locator('main.result').count()); guard += 1) {
    const progress = await page.locator('#progress-text').textContent();
    await answerPage(page, { pick });
    if (await page.locator(`#q-${question}`).count()) {
      const signal = page.locator(`#signals-${question}`);
      await signal.waitFor();
      assert.equal(await signal.getAttribute('role'), 'alert');
      // Right under the question it belongs to.
      assert.ok(await page.locator(`#q-${question} + #signals-${question}`).count(), 'directly after the question');
      assert.match(await signal.textContent(), new RegExp(rule.title.nl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      const phones = instrument.contacts.filter((c) => rule.contacts.includes(c.id) && c.phone);
      if (phones.length) assert.ok(await signal.locator('a[href^="tel:"]').count() >= 1, 'a phone number to tap');
      assert.equal(await overflowsHorizontally(page), false);
      await assertAccessible(page, 'question page with a signal');
      seen = true;
    }
    await page.locator('#next').click();
    await page.locator('main.result, #progress-text').filter({ hasNotText: progress }).first().waitFor();
  }
  assert.ok(seen, `the page with ${question} was shown`);

  // The result: the urgent block is the first thing after the title, in the
  // first screen of a phone.
  await page.locator('main.result').waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  const firstSection = await page.locator('main.result > section').first().getAttribute('class');
  assert.match(firstSection ?? '', /signals/, 'the signals come first');
  const signal = page.locator('main.result .signals .signal').first();
  const box = await signal.boundingBox();
  assert.ok(box && box.y < PHONE.height, `the first signal starts on the first screen (y ${box?.y})`);
  if (rule.level === 'urgent') {
    assert.match(await signal.getAttribute('class'), /signal-urgent/);
  }
  if (rule.help_for_yourself_first) {
    // "First, help for yourself" comes before the scores, and a line says why
    // the tips come after it.
    const order = await page.evaluate(() => {
      const at = (sel) => { const el = document.querySelector(sel); return el ? [...document.querySelectorAll('main.result *')].indexOf(el) : -1; };
      return { help: at('#help-first'), scores: at('#scores-heading'), why: at('#help-first-why'), methods: at('.advice') };
    });
    assert.ok(order.help >= 0 && order.help < order.scores, JSON.stringify(order));
    assert.ok(order.why >= 0 && (order.methods < 0 || order.why < order.methods), JSON.stringify(order));
  }
  await assertAccessible(page, 'result with a signal on a phone');
  assertNoErrors(log);
  await context.close();
}

test('a relative who sometimes does not want to live sees help under that question at once, and the urgent block first on a phone', async () => {
  await signalAtQuestionAndFirstOnResult('own_crisis');
});

test('a relative who sees no way out and feels low sees help under that question at once, and the urgent block first on a phone', async () => {
  await signalAtQuestionAndFirstOnResult('no_way_out');
});

test('the "Need help?" panel is reachable from every questionnaire page, on a phone', async () => {
  const { context, page, log } = await openApp(browser, url, { viewport: PHONE });
  await startQuestions(page, log);
  const total = Number((await page.locator('#progress-text').textContent()).match(/van (\d+)/)[1]);
  const always = instrument.contacts.filter((c) => c.always_shown);
  for (let n = 1; n <= total; n += 1) {
    await page.locator('#progress-text', { hasText: `Pagina ${n} van` }).waitFor();
    // Scrolled to the bottom of a long page, the button is still in view.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const toggle = page.locator('#help-toggle');
    assert.ok(await toggle.isVisible(), `the help button shows on page ${n}`);
    const box = await toggle.boundingBox();
    assert.ok(box.y >= 0 && box.y + box.height <= PHONE.height, `the help button is on screen on page ${n}`);
    assert.ok(box.height >= 44, 'a large enough target');
    const checked = await page.locator('input:checked').count();
    await toggle.click();
    const panel = page.locator('#help-panel');
    await panel.waitFor();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'help-panel-heading', 'focus moves to the panel');
    for (const c of always) {
      assert.match(await panel.textContent(), new RegExp(c.name.nl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    }
    assert.ok(await panel.locator('a[href^="tel:"]').count() >= 1, 'a number to call');
    assert.equal(await overflowsHorizontally(page), false);
    if (n === 1) await assertAccessible(page, 'question page with the help panel open');
    await page.locator('#help-close').click();
    await panel.waitFor({ state: 'detached' });
    assert.equal(await page.locator('input:checked').count(), checked, 'opening help changes no answer');
    if (n < total) {
      await answerPage(page, { pick: (id, count) => end(id, count, false) });
      await page.locator('#next').click();
    }
  }
  assertNoErrors(log);
  await context.close();
});

test('while an urgent signal holds, a description that speaks of balance is shown in its wording for that moment', async () => {
  const prototype = instrument.prototypes.find((p) => p.description_when_urgent);
  const rule = instrument.safety.find((r) => r.level === 'urgent' && satisfy(r.when));
  assert.ok(prototype && rule && instrument.model.latent.profiles, 'the default instrument has a description for urgent moments and an urgent rule to raise');
  const values = valuesAtClassMeans(instrument, prototype.id);
  const raise = Object.fromEntries(Object.entries(satisfy(rule.when))
    .map(([id, index]) => [id, typeof index === 'number' ? optionsOf(id)[index] : index]));
  const shown = {};
  for (const [name, answers] of [['calm', values], ['urgent', { ...values, ...raise }]]) {
    const progress = JSON.stringify({ lang: 'nl', view: 'Result', answers, furthest: 0, created: '2026-01-01T00:00:00Z' });
    const { context, page, log } = await openApp(browser, url, {
      init: { content: `sessionStorage.setItem('naastenmeter.progress', ${JSON.stringify(progress)})` },
    });
    await page.locator('main.result').waitFor();
    log.loaded = true;
    shown[name] = { names: (await shownPrototypes(page)).map((p) => p.id), text: await page.locator('.prototypes').textContent() };
    assertNoErrors(log);
    await context.close();
  }
  assert.ok(shown.calm.names.includes(prototype.id), `${prototype.id} is named at its means`);
  assert.ok(shown.calm.text.includes(prototype.description.nl));
  if (shown.urgent.names.includes(prototype.id)) {
    assert.ok(shown.urgent.text.includes(prototype.description_when_urgent.nl), 'the wording for an urgent moment');
    assert.ok(!shown.urgent.text.includes(prototype.description.nl), 'not the ordinary wording');
  }
});


test('the printout is at most two A4 pages: doing well, burdened and lonely, crisis, and crisis with a full conversation card', async () => {
  for (const [name, pick] of [...Object.entries(PATTERNS), ['worst case', PATTERNS.crisis]]) {
    const { context, page, log } = await openApp(browser, url, { viewport: PHONE });
    await startQuestions(page, log);
    await answerToResult(page, { pick });
    if (name === 'worst case') await fillFullCard(page);
    const pages = pdfPages(await page.pdf({ format: 'A4', printBackground: true }));
    assert.ok(pages >= 1 && pages <= 2, `${name}: ${pages} pages`);
    if (name === 'worst case') {
      // The card prints as filled in; the fields to type in do not.
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('.card-view.print-only li').count(), 3 + 6 + 1);
      assert.equal(await page.locator('.card-editor').evaluate((e) => getComputedStyle(e).display), 'none');
      await page.emulateMedia({ media: null });
    }
    assertNoErrors(log);
    await context.close();
  }
});

test('on a phone the summary (signals, in short, description, next steps) fits in the first two screens, and no contact card is shown twice', async () => {
  for (const [name, pick] of Object.entries(PATTERNS)) {
    const { context: browserContext, page, log } = await openApp(browser, url, { viewport: PHONE });
    await startQuestions(page, log);
    await answerToResult(page, { pick });
    await page.evaluate(() => window.scrollTo(0, 0));
    const bottom = await page.locator('#in-short').evaluate((e) => e.getBoundingClientRect().bottom + window.scrollY);
    assert.ok(bottom <= 2 * PHONE.height, `${name}: the summary ends at ${Math.round(bottom)} px, within two screens (${2 * PHONE.height})`);
    assert.ok(await page.locator('#in-short .in-short-description').textContent(), `${name}: a description line`);
    if (name === 'crisis') {
      // Every signal is there, the first open; its contacts can be tapped.
      assert.ok(await page.locator('.signals .signal').count() >= 5);
      assert.equal(await page.locator('.signals .signal[open]').count(), 1);
      assert.ok(await page.locator('.signals .signal[open] a[href^="tel:"]').count() >= 1);
      assert.ok(await page.locator('#next-steps-heading').count(), 'next steps');
    } else {
      assert.equal(await page.locator('.signals').count(), 0, `${name}: no signal`);
    }
    // Each contact once in full (a card), and once as a first line among
    // the signals at most.
    const cards = await page.locator('main.result .contact .contact-name').allTextContents();
    assert.equal(new Set(cards).size, cards.length, `${name}: a contact card twice: ${cards}`);
    const firstLines = await page.locator('main.result .signals .contact-lines:not(.contact-repeats) li strong').allTextContents();
    assert.equal(new Set(firstLines).size, firstLines.length, `${name}: a contact twice among the signals: ${firstLines}`);
    await assertAccessible(page, `result on a phone, ${name}`);
    assertNoErrors(log);
    await browserContext.close();
  }
});
