// The questionnaire as people use it on a phone (issue 15, item 3): how many
// screens of scrolling it takes, whether it stays usable with the text at
// 150 % and 200 %, whether answering moves what comes next, whether Enter
// changes the page, and the undo after "stop and erase".
//
// Text size: the root font size is set to 150 % or 200 % through the CSS
// object model (`document.documentElement.style`, which the strict CSP
// allows where `page.addStyleTag` is refused), as a browser's text-size
// setting does; the viewport stays 390 × 844 CSS px.
//
// Prints the measured numbers (`# screens: …`) for the report.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { answerPage, launch, openApp, overflowsHorizontally, startServer, QUICK_EXIT_URL } from './helpers.mjs';

const PHONE = { width: 390, height: 844 };
const PROGRESS = 'naastenmeter.progress';

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

/**
 * A realistic pattern of answers: spread over the options, varying from
 * question to question, and "no" or "never" for the safety questions, so
 * no safety signal adds its contacts to the page (the common case).
 */
function realistic(id, count) {
  const safe = { death_thoughts: 0, unsafe: 0, unsafe_now: 1, children_home: 1 };
  if (id in safe) return safe[id];
  let h = 0;
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) % 997;
  return h % count;
}

async function start(page, textSize) {
  await page.locator('#start').waitFor();
  if (textSize) await page.evaluate((size) => document.documentElement.style.setProperty('font-size', size, 'important'), textSize);
  await page.locator('#start').click();
  await page.locator('#progress-text').waitFor();
}

/** Goes to the next page, or to the result; returns whether a page came. */
async function next(page) {
  const progress = await page.locator('#progress-text').textContent();
  await page.locator('#next').click();
  await page.locator('main.result, #progress-text').filter({ hasNotText: progress }).first().waitFor();
  return (await page.locator('main.result').count()) === 0;
}

test('the whole questionnaire is at most 20 screens of scrolling on a phone', async () => {
  const { context, page } = await openApp(browser, url, { viewport: PHONE });
  await start(page);
  const heights = [];
  do {
    await answerPage(page, { pick: realistic });
    heights.push(await page.evaluate(() => document.documentElement.scrollHeight));
    // Touch targets of at least 44 × 44 px (WCAG 2.5.5): options, the
    // control that removes an answer, and the top bar's buttons.
    const small = await page.locator('label.option, .clear-answer:visible, header.topbar button').evaluateAll((els) =>
      els.map((e) => e.getBoundingClientRect()).filter((r) => r.width < 44 || r.height < 44).length);
    assert.equal(small, 0, `page ${heights.length}: targets smaller than 44 × 44 px`);
  } while (await next(page));
  const total = heights.reduce((a, b) => a + b, 0);
  const screens = total / PHONE.height;
  console.log(`# screens: ${heights.length} pages, ${total} px in all = ${screens.toFixed(1)} screens of 844 px (${heights.join(', ')})`);
  assert.ok(total <= 20 * PHONE.height, `${total} px is more than 20 screens (${20 * PHONE.height} px)`);
  await context.close();
});

for (const textSize of ['150%', '200%']) {
  test(`text at ${textSize}: every page answerable without sideways scrolling, the top bar at most 15 % of the screen`, async () => {
    const { context, page, log } = await openApp(browser, url, { viewport: PHONE });
    await start(page, textSize);
    let pages = 0;
    let tallest = 0;
    do {
      pages += 1;
      assert.equal(await overflowsHorizontally(page), false, `page ${pages} scrolls sideways at ${textSize}`);
      const bar = await page.locator('header.topbar').boundingBox();
      tallest = Math.max(tallest, bar.height);
      assert.ok(bar.height <= 0.15 * PHONE.height, `page ${pages}: the top bar is ${bar.height} px high at ${textSize}`);
      // Every option lies inside the screen's width, so it can be tapped.
      const outside = await page.locator('label.option, .clear-answer').evaluateAll((els) =>
        els.filter((e) => { const r = e.getBoundingClientRect(); return r.left < 0 || r.right > window.innerWidth; }).length);
      assert.equal(outside, 0, `page ${pages}: options outside the screen at ${textSize}`);
      await answerPage(page, { pick: realistic });
    } while (await next(page));
    console.log(`# text ${textSize}: ${pages} pages, top bar at most ${tallest} px of 844`);
    assert.deepEqual(log.consoleErrors, []);
    await context.close();
  });
}

test('answering a question does not move the next one', async () => {
  const { context, page } = await openApp(browser, url, { viewport: PHONE });
  await start(page);
  // Every page: each question's answer leaves the next question where it was.
  let moved = [];
  do {
    const questions = page.locator('fieldset.question');
    const n = await questions.count();
    for (let i = 0; i + 1 < n; i += 1) {
      const top = () => questions.nth(i + 1).evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
      const before = await top();
      const options = questions.nth(i).locator('label.option');
      await options.nth(realistic(await questions.nth(i).getAttribute('id'), await options.count())).click();
      await questions.nth(i).locator('.clear-answer:visible').waitFor();
      const afterwards = await top();
      if (afterwards !== before && !(await page.locator('.question-signals').count())) {
        moved.push(`${await questions.nth(i + 1).getAttribute('id')}: ${before} -> ${afterwards}`);
      }
    }
    await answerPage(page, { pick: realistic });
  } while (await next(page));
  assert.deepEqual(moved, [], 'the next question stays in place');
  await context.close();
});

test('Enter on a radio or a checkbox does not change the page', async () => {
  const { context, page } = await openApp(browser, url, { viewport: PHONE });
  await start(page);
  for (let n = 1; n <= 3; n += 1) {
    const progress = await page.locator('#progress-text').textContent();
    for (const input of await page.locator('fieldset.question input').all()) {
      await input.focus();
      await page.keyboard.press('Enter');
    }
    // Give a submit time to happen, then check nothing did.
    await page.waitForTimeout(300);
    assert.equal(await page.locator('#progress-text').textContent(), progress, `Enter on page ${n} kept the page`);
    await answerPage(page, { pick: realistic });
    await next(page);
  }
  await context.close();
});

test('stop and erase can be undone for a few seconds; afterwards the answers are gone', async () => {
  const { context, page, log } = await openApp(browser, url, { viewport: PHONE });
  await start(page);
  await answerPage(page, { pick: realistic });
  await next(page);
  await answerPage(page, { pick: realistic });
  const checked = await page.locator('input:checked').count();
  const progress = await page.locator('#progress-text').textContent();

  await page.locator('#stop-and-erase').click();
  const notice = page.locator('[role=status]', { hasText: 'gewist' });
  await notice.waitFor();
  // Erased from storage at once; only this tab's memory keeps them, for the undo.
  assert.equal(await page.evaluate((k) => sessionStorage.getItem(k), PROGRESS), null);
  assert.equal(log.writes.filter((w) => w.key === PROGRESS).at(-1).op, 'remove');
  const undo = page.getByRole('button', { name: 'Ongedaan maken' });
  // The message and its button stay on the screen, also with large text.
  for (const size of ['100%', '200%']) {
    await page.evaluate((s) => document.documentElement.style.setProperty('font-size', s, 'important'), size);
    assert.equal(await overflowsHorizontally(page), false, `the undo notice fits at ${size} text`);
  }
  await page.evaluate(() => document.documentElement.style.removeProperty('font-size'));
  await undo.click();
  await page.locator('#progress-text', { hasText: progress }).waitFor();
  assert.equal(await page.locator('input:checked').count(), checked, 'undo brings every answer back');
  await page.waitForFunction((k) => sessionStorage.getItem(k) !== null, PROGRESS);

  // Erase again and let the time pass: the undo goes, the answers are gone.
  await page.locator('#stop-and-erase').click();
  await undo.waitFor();
  const erasedAt = Date.now();
  await undo.waitFor({ state: 'detached', timeout: 15000 });
  const waited = Date.now() - erasedAt;
  assert.ok(waited >= 8000 && waited <= 12500, `the undo lasted ${waited} ms`);
  assert.equal(await notice.count(), 1, 'the page still says the answers were erased');
  await page.locator('#start').click();
  await page.locator('#progress-text', { hasText: /^Pagina 1 van/ }).waitFor();
  assert.equal(await page.locator('input:checked').count(), 0, 'nothing came back');
  assert.equal(await page.evaluate((k) => sessionStorage.getItem(k), PROGRESS), null);
  await context.close();
});

test('quick exit during the undo time forgets the erased answers', async () => {
  const { context, page, log } = await openApp(browser, url, { viewport: PHONE });
  await start(page);
  await answerPage(page, { pick: realistic });
  await page.locator('#stop-and-erase').click();
  await page.getByRole('button', { name: 'Ongedaan maken' }).waitFor();
  const writes = log.writes.length;
  await page.locator('#quick-exit').click();
  await page.waitForURL(QUICK_EXIT_URL);
  assert.deepEqual(log.writes.slice(writes).filter((w) => w.op === 'set'), [], 'nothing was written on the way out');
  await page.goBack().catch(() => {});
  assert.ok(!page.url().startsWith(url), `back leads away from the app (${page.url()})`);
  const check = await context.newPage();
  await check.goto(url);
  await check.locator('#start').waitFor();
  assert.equal(await check.evaluate(() => sessionStorage.length + localStorage.length), 0);
  assert.equal(await check.getByRole('button', { name: 'Ongedaan maken' }).count(), 0);
  await context.close();
});
