import { mkdir } from 'node:fs/promises';
import { answerToResult, launch, openApp, startServer } from './helpers.mjs';
const out = '/tmp/wtC-shots';
await mkdir(out, { recursive: true });
const { server, url } = await startServer();
const browser = await launch();
const widths = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };
for (const [device, viewport] of Object.entries(widths)) {
  for (const lang of ['nl', 'en']) {
    const { context, page } = await openApp(browser, url, { viewport, serviceWorkers: 'allow' });
    await page.locator('#offline-on').waitFor();
    if (lang === 'en') { await page.locator('.lang-switch').click(); await page.locator('html[lang=en]').waitFor(); }
    await page.locator('#offline').scrollIntoViewIfNeeded();
    await page.locator('#offline').screenshot({ path: `${out}/welcome-offline-${device}-${lang}.png` });
    await page.screenshot({ path: `${out}/welcome-full-${device}-${lang}.png`, fullPage: true });
    await page.locator('#offline-on').click();
    await page.locator('#offline-state').waitFor();
    await page.locator('#offline').screenshot({ path: `${out}/welcome-offline-on-${device}-${lang}.png` });
    await page.locator('#start').click();
    await answerToResult(page);
    // Stand-in for a waiting new version, to see the notice.
    await page.locator('.remember').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${out}/result-offline-${device}-${lang}.png` });
    await context.close();
  }
}
await browser.close(); server.close();
