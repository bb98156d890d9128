// Takes screenshots of every page at desktop (1280 px) and phone (390 px)
// width in Dutch and English, for looking at the pages and for the README.
//
//   node tests/browser/screenshots.mjs [output folder, default /tmp/naastenmeter-shots]
//
// Build first (web/build.sh). Copy the ones worth keeping to docs/screenshots/.
import { mkdir } from 'node:fs/promises';

import { answerPage, answerToResult, appReady, launch, openApp, startServer } from './helpers.mjs';

const out = process.argv[2] ?? '/tmp/naastenmeter-shots';
await mkdir(out, { recursive: true });
const { server, url } = await startServer();
const browser = await launch();
const widths = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };
try {
  for (const [device, viewport] of Object.entries(widths)) {
    for (const lang of ['nl', 'en']) {
      const { context, page } = await openApp(browser, url, { viewport });
      await page.locator('#start').waitFor();
      if (lang === 'en') {
        await page.locator('.lang-switch').click();
        await page.locator('html[lang=en]').waitFor();
      }
      const shot = (name, options = {}) => page.screenshot({ path: `${out}/${name}-${device}-${lang}.png`, ...options });
      await shot('welcome');
      await page.locator('#start').click();
      await page.locator('#progress-text').waitFor();
      await answerPage(page);
      await page.locator('#next').click();
      await page.locator('#progress-text', { hasText: /2/ }).waitFor();
      await answerPage(page);
      await page.locator('#next').click();
      await page.locator('#progress-text', { hasText: /3/ }).waitFor();
      await answerPage(page);
      await page.locator('#next').click();
      await page.locator('#progress-text', { hasText: /4/ }).waitFor();
      await shot('questions');
      await answerToResult(page, { pick: (id, count) => (id.length * 7) % count });
      await shot('result');
      // The folded sections open as a reader would open them.
      const open = async (id) => {
        await page.locator(`#${id} > summary`).click();
        await page.locator(`#${id}[open]`).waitFor();
      };
      await open('sec-scores');
      await page.locator('.chart').screenshot({ path: `${out}/chart-${device}-${lang}.png` });
      await open('sec-prototype');
      await page.locator('.prototypes').screenshot({ path: `${out}/prototype-${device}-${lang}.png` });
      await open('sec-card');
      await page.locator('#card-worry-1').fill(lang === 'nl' ? 'Hij slaapt bijna niet meer' : 'He hardly sleeps any more');
      await page.locator('#card-goal-support').check();
      await page.locator('#sec-card').screenshot({ path: `${out}/card-${device}-${lang}.png` });
      await page.locator('#export-share').click();
      await page.locator('.exports').screenshot({ path: `${out}/exports-${device}-${lang}.png` });
      await page.emulateMedia({ media: 'print' });
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => d.setAttribute('open', '')));
      await shot('print', { fullPage: true });
      await page.emulateMedia({ media: null });
      // The QR link opens the professional view with this result.
      const code = (await page.locator('#share-code').textContent()).trim();
      const pro = await context.newPage();
      await pro.setViewportSize(viewport);
      await pro.goto(`${url}#professional=${code.replaceAll('-', '')}`);
      await appReady(pro);
      await pro.locator('#pro-result').waitFor();
      await pro.screenshot({ path: `${out}/professional-${device}-${lang}.png` });
      await pro.close();
      await context.close();
    }
  }
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  server.close();
}
