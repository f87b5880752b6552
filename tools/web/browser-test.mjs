// Drives the web viewer in headless Chromium for ViewerBrowserTest (server/src/test): node browser-test.mjs URL SHOT.png
// (SHOT in English after a pick, SHOT-zh.png after switching to Chinese). Prints one JSON object with what it saw; the Java test makes the assertions.
import { chromium } from 'playwright-core';

const [url, shot] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const browser = await chromium.launch({
  executablePath, headless: true,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--no-first-run', '--disable-quic'],
});
const out = { consoleErrors: [] };
try {
  const context = await browser.newContext({ viewport: { width: 1024, height: 700 }, locale: 'en-US' });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') out.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => out.consoleErrors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => window.__viewerReady === true || window.__viewerError, null, { timeout: 60000 });
  out.viewerError = await page.evaluate(() => window.__viewerError || null);
  out.lang = await page.evaluate(() => document.documentElement.lang);

  // Pixels of the middle half of the canvas that differ from the background.
  out.pixels = await page.evaluate(() => {
    const gl = document.querySelector('#view canvas');
    const c = document.createElement('canvas');
    c.width = gl.width; c.height = gl.height;
    const g = c.getContext('2d');
    g.drawImage(gl, 0, 0);
    const x0 = Math.floor(c.width / 4); const y0 = Math.floor(c.height / 4);
    const d = g.getImageData(x0, y0, Math.floor(c.width / 2), Math.floor(c.height / 2)).data;
    const bg = window.__viewer.background();
    const br = parseInt(bg.slice(0, 2), 16); const bgg = parseInt(bg.slice(2, 4), 16); const bb = parseInt(bg.slice(4, 6), 16);
    let differ = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (Math.abs(d[i] - br) + Math.abs(d[i + 1] - bgg) + Math.abs(d[i + 2] - bb) > 30) differ++;
    }
    return { differ, total: d.length / 4 };
  });

  // A feature whose screen position picks itself and is not under a panel: feature 0 when it is visible.
  out.target = await page.evaluate(() => {
    const n = window.__viewer.featureCount();
    for (let id = 0; id < n; id++) {
      const p = window.__viewer.featureScreenPosition(id);
      if (!p) continue;
      // a click lands on a whole pixel: the rounded position must pick the feature too
      const x = Math.round(p.x);
      const y = Math.round(p.y);
      if (p.picks === id && window.__viewer.pickAt(x, y) === id && document.elementFromPoint(x, y)?.tagName === 'CANVAS') {
        return { id, x, y, row: p.row };
      }
    }
    return null;
  });
  if (out.target) {
    await page.mouse.click(out.target.x, out.target.y);
    await page.waitForSelector('#info-body .col-hole_id', { timeout: 10000 });
    out.infoHoleId = await page.textContent('#info-body .col-hole_id');
    out.infoFrom = await page.textContent('#info-body .col-depth_from');
  }

  // Mine layout at a date (when the workspace has features)
  out.overlayNow = await page.evaluate(() => window.__viewer.overlay());
  out.hazardsNow = await page.evaluate(() => window.__viewer.hazards());
  if (Object.keys(out.overlayNow.counts).length > 0) {
    await page.fill('#as-of', '2025-02-01');
    await page.dispatchEvent('#as-of', 'change');
    await page.waitForFunction(() => window.__viewerReady === true && window.__viewer.overlay().asOf === '2025-02-01',
      null, { timeout: 30000 });
    out.overlayFeb = await page.evaluate(() => window.__viewer.overlay());
    out.layoutText = await page.textContent('#layout-items');
  }

  out.legendBefore = await page.textContent('[data-i18n=legend]');
  await page.screenshot({ path: shot });
  await page.click('#lang');
  out.legendAfter = await page.textContent('[data-i18n=legend]');
  out.langAfter = await page.evaluate(() => document.documentElement.lang);
  out.northLabel = await page.textContent('.axis-north');
  out.layoutTextZh = await page.textContent('#layout-items');
  await page.screenshot({ path: shot.replace(/\.png$/, '-zh.png') });
} finally {
  await browser.close();
}
console.log(JSON.stringify(out));
