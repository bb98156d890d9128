// Speed figures for BENCHMARKS.md (a report, not a timed test): time from
// navigation to a readable first page (the prerendered welcome) and to the
// app taking it over (interactive), with 4x CPU slowdown, and from
// the last answer to the result page, in headless Chromium on localhost.
//
//   node tests/browser/perf.mjs   (build first: web/build.sh)
import { answerPage, appReady, launch, openApp, startServer } from './helpers.mjs';

const runs = 5;
const { server, url } = await startServer();
const browser = await launch();
const loads = [];
const readable = [];
const results = [];
try {
  for (let i = 0; i < runs; i += 1) {
    const { context, page } = await openApp(browser, url);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto('about:blank');
    const start = Date.now();
    await page.goto(url);
    await page.locator('#start').waitFor();
    readable.push(Date.now() - start);
    await appReady(page);
    loads.push(Date.now() - start);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await page.locator('#start').click();
    for (;;) {
      await page.locator('#progress-text').waitFor();
      const [now, total] = (await page.locator('#progress-text').textContent()).match(/\d+/g).map(Number);
      await answerPage(page);
      if (now === total) break;
      await page.locator('#next').click();
      await page.locator('#progress-text', { hasText: new RegExp(`^\\D*${now + 1}\\D`) }).waitFor();
    }
    // Timed inside the page: from the click on "see the result" until the
    // result heading is in the DOM.
    const ms = await page.evaluate(() => new Promise((resolve) => {
      const t0 = performance.now();
      const observer = new MutationObserver(() => {
        if (document.querySelector('main.result')) {
          observer.disconnect();
          resolve(performance.now() - t0);
        }
      });
      observer.observe(document.body, { childList: true, subtree: true });
      document.getElementById('next').click();
    }));
    results.push(ms);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`navigation to readable first page (prerendered), 4x CPU slowdown: median ${median(readable)} ms (runs: ${readable.join(', ')})`);
console.log(`navigation to interactive first page, 4x CPU slowdown: median ${median(loads)} ms (runs: ${loads.join(', ')})`);
console.log(`last answer to result page: median ${median(results).toFixed(1)} ms (runs: ${results.map((x) => x.toFixed(1)).join(', ')})`);
