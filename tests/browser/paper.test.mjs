// Browser test of the printable questionnaire (issue 16 item 4): the welcome
// page links to it in the reader's language, it opens under the site's
// strict CSP without a violation or a request elsewhere, it has every
// question with boxes to tick, and it passes axe. Needs web/build.sh.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { axe, launch, openApp, startServer } from './helpers.mjs';

let browser;
let site;

before(async () => {
  browser = await launch();
  site = await startServer();
});

after(async () => {
  await browser?.close();
  site?.server.close();
});

test('the welcome page links to the paper questionnaire, which opens cleanly', async () => {
  const { context, page, log } = await openApp(browser, site.url);
  await page.locator('#main-heading').waitFor();
  const link = page.locator('#paper-link');
  assert.equal(await link.getAttribute('href'), 'questionnaire-nl.html');
  await link.click();
  await page.waitForURL(`${site.url}questionnaire-nl.html`);
  await page.locator('h1').waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
  assert.ok((await page.locator('li.question').count()) > 40, 'every question is there');
  assert.ok((await page.locator('.box').count()) > 200, 'boxes to tick');
  assert.match(await page.locator('.not-scored').textContent(), /niet vanzelf uitgerekend/);
  // The linked stylesheet applies (a box has its border), under the CSP.
  const border = await page.locator('.box').first().evaluate((el) => getComputedStyle(el).borderTopWidth);
  assert.notEqual(border, '0px');
  assert.deepEqual(log.csp, [], 'no CSP violation');
  assert.deepEqual(log.consoleErrors, []);
  assert.ok(log.requests.every((u) => u.startsWith(site.url) || u.startsWith('data:')), log.requests.join('\n'));
  assert.deepEqual(await axe(page), []);
  await context.close();
});

test('the English questionnaire is there too', async () => {
  const { context, page } = await openApp(browser, `${site.url}questionnaire-en.html`);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.match(await page.locator('.not-scored').textContent(), /not scored automatically/);
  await context.close();
});
