// Tests of the JavaScript/TypeScript package (js/, built by js/build.sh
// into js/pkg/) from Node.js, as a user of the package would call it: load
// the wasm with initSync, score the default instrument, round-trip FHIR and
// share codes, and get clear errors for bad input.
//
//   js/build.sh && node --test tests/node/
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { before, test } from 'node:test';

const PKG = new URL('../../js/pkg/', import.meta.url);
const INSTRUMENT_FILE = new URL('../../instruments/naastenmeter-v1.json', import.meta.url);

let nm;
let instrumentJson;
let instrument;

before(async () => {
  nm = await import(new URL('naastenmeter_js.js', PKG));
  nm.initSync({ module: await readFile(new URL('naastenmeter_js_bg.wasm', PKG)) });
  instrumentJson = await readFile(INSTRUMENT_FILE, 'utf8');
  instrument = JSON.parse(instrumentJson);
});

/** Answers to every question: option `at` of each item's scale, and context choices. */
function answersFor(at) {
  const scales = Object.fromEntries(instrument.response_scales.map((s) => [s.id, s.options.map((o) => o.value)]));
  const answers = {};
  for (const item of instrument.items) {
    const values = scales[item.response_scale];
    answers[item.id] = values[Math.min(at, values.length - 1)];
  }
  for (const q of instrument.context_questions) {
    answers[q.id] = q.choice === 'multiple' ? [q.options[0].id, q.options[1].id] : q.options[0].id;
  }
  return answers;
}

test('the default instrument is valid; problems are listed with their paths', () => {
  assert.deepEqual(nm.validateInstrument(instrumentJson), []);

  const syntax = nm.validateInstrument('{ "id": ');
  assert.equal(syntax.length, 1);
  assert.match(syntax[0].message, /line 1 column \d+/);

  const broken = structuredClone(instrument);
  broken.scales[0].items.push('no_such_item');
  const problems = nm.validateInstrument(JSON.stringify(broken));
  assert.ok(problems.length >= 1);
  assert.ok(problems.some((p) => p.path.startsWith('scales[0].items') && /no_such_item/.test(p.message)),
    JSON.stringify(problems));
});

test('scoring the default instrument gives scales, probabilities that sum to 1, and what may be said about the prototypes', () => {
  const report = nm.score(instrumentJson, answersFor(4));
  assert.deepEqual(report.instrument, { id: instrument.id, version: instrument.version });
  assert.deepEqual(report.scales.map((s) => s.id), instrument.scales.map((s) => s.id));
  for (const scale of report.scales) {
    assert.equal(typeof scale.score, 'number');
    assert.equal(scale.answered, scale.total);
    assert.equal(scale.enough, true);
  }
  const { classification } = report;
  const sum = classification.probabilities.reduce((a, p) => a + p.probability, 0);
  assert.ok(Math.abs(sum - 1) < 1e-9, `probabilities sum to ${sum}`);
  for (const p of classification.probabilities) {
    assert.ok(instrument.prototypes.some((q) => q.id === p.prototype));
    assert.equal(typeof p.typicality, 'number');
    assert.equal(typeof p.contradicted, 'boolean');
  }
  // `fit` is one of three shapes, with exactly one key.
  const kinds = Object.keys(classification.fit);
  assert.equal(kinds.length, 1, JSON.stringify(classification.fit));
  assert.ok(['prototype', 'none_fits', 'too_few_inputs'].includes(kinds[0]));
  if (classification.fit.prototype) {
    const { best, strength, closest } = classification.fit.prototype;
    assert.ok(instrument.prototypes.some((p) => p.id === best));
    assert.ok(instrument.model.strength.some((s) => s.id === strength));
    assert.equal(closest[0], best);
  }
  assert.equal(typeof report.help_for_yourself_first, 'boolean');
  assert.ok(Array.isArray(report.signals) && Array.isArray(report.advice));

  // Every answer at its lowest: doing well, not lonely. No description is
  // named that the person's own scores deny; here none fits, and it is lighter.
  const low = nm.score(instrumentJson, answersFor(0)).classification;
  assert.deepEqual(low.fit, { none_fits: { direction: 'lighter' } });

  // Nothing answered: every scale has too few answers, so no prototype, and
  // the report says how many inputs the model needs.
  const empty = nm.score(instrumentJson, {});
  assert.ok(empty.scales.every((s) => s.answered === 0 && !s.enough));
  assert.deepEqual(empty.classification.fit, { too_few_inputs: { needed: instrument.model.typicality.min_inputs } });
  assert.equal(empty.classification.inputs_used, 0);
});

test('FHIR QuestionnaireResponse round-trips the answers', () => {
  const answers = answersFor(1);
  const text = nm.toFhir(instrumentJson, answers, 'en', '2025-03-12T10:00:00Z');
  const response = JSON.parse(text);
  assert.equal(response.resourceType, 'QuestionnaireResponse');
  assert.equal(response.status, 'completed');
  assert.equal(response.authored, '2025-03-12T10:00:00Z');
  assert.deepEqual(nm.fromFhir(instrumentJson, text), answers);
  // Without a time the response simply has none.
  assert.equal(JSON.parse(nm.toFhir(instrumentJson, answers, 'nl')).authored, undefined);
});

test('share codes round-trip the answers, also with skipped questions', () => {
  const answers = answersFor(2);
  delete answers[instrument.items[3].id];
  const code = nm.encodeShareCode(instrumentJson, answers);
  assert.match(code, /^[0-9A-Z-]+$/);
  assert.deepEqual(nm.decodeShareCode(instrumentJson, code), answers);
  assert.deepEqual(nm.decodeShareCode(instrumentJson, `  ${code}\n`), answers, 'spaces around a pasted code are fine');
});

test('bad input is thrown as an Error that says what is wrong', () => {
  const throwsWith = (fn, pattern) => assert.throws(fn, (error) => error instanceof Error && pattern.test(error.message));
  throwsWith(() => nm.score('{ "id": ', {}), /instrument file cannot be read.*line 1/);
  throwsWith(() => nm.score(instrumentJson, { no_such_question: 3 }), /no_such_question/);
  throwsWith(() => nm.score(instrumentJson, { [instrument.items[0].id]: 99 }), new RegExp(instrument.items[0].id));
  throwsWith(() => nm.score(instrumentJson, [1, 2]), /answers cannot be read/);
  throwsWith(() => nm.toFhir(instrumentJson, {}, 'fr'), /language `fr`.*nl, en/);
  throwsWith(() => nm.fromFhir(instrumentJson, '{"resourceType":"Patient"}'), /resourceType.*QuestionnaireResponse/);
  const code = nm.encodeShareCode(instrumentJson, answersFor(0));
  const altered = code.slice(0, -2) + (code.at(-2) === '0' ? '1' : '0') + code.at(-1);
  throwsWith(() => nm.decodeShareCode(instrumentJson, altered), /share code .*typing error/);
  throwsWith(() => nm.decodeShareCode(instrumentJson, 'not a code'), /share code/);
});
