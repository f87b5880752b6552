// Drives the viewer's tools in headless Chromium for ViewerBrowserTest.demoMineTools (server/src/test):
// node browser-tools.mjs URL SHOTDIR. On the demo mine: the layer tree, the water-body isosurface, the distance
// measurement between two collars, the pointer readout, the north arrow and scale bar, and the Chinese UI.
// Screenshots go to SHOTDIR (viewer-kaiyuan-*.png). Prints one JSON object with what it saw; the Java test asserts.
import { chromium } from 'playwright-core';

const [url, shots] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const browser = await chromium.launch({
  executablePath, headless: true,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--no-first-run', '--disable-quic'],
});
const out = { consoleErrors: [] };
const shot = (name) => `${shots}/${name}.png`;
const pan = async (p) => {
  await p.mouse.move(700, 600);
  await p.mouse.down({ button: 'right' });
  await p.mouse.move(900, 560, { steps: 8 });
  await p.mouse.up({ button: 'right' });
};
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') out.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => out.consoleErrors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => window.__viewerReady === true || window.__viewerError, null, { timeout: 60000 });
  out.viewerError = await page.evaluate(() => window.__viewerError || null);
  const frames = () => frames2(page);
  const frames2 = (p) => p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  // Pixels of the middle half of the canvas: how many differ from the background, and how many are the
  // water-body blue (blue well above red, as 0x1e6fff blended at half opacity over the scene).
  const pixels = () => page.evaluate(() => {
    const gl = document.querySelector('#view canvas');
    const c = document.createElement('canvas');
    c.width = gl.width; c.height = gl.height;
    const g = c.getContext('2d');
    g.drawImage(gl, 0, 0);
    const x0 = Math.floor(c.width / 4); const y0 = Math.floor(c.height / 4);
    const d = g.getImageData(x0, y0, Math.floor(c.width / 2), Math.floor(c.height / 2)).data;
    const bg = window.__viewer.background();
    const br = parseInt(bg.slice(0, 2), 16); const bgg = parseInt(bg.slice(2, 4), 16); const bb = parseInt(bg.slice(4, 6), 16);
    let differ = 0; let blue = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (Math.abs(d[i] - br) + Math.abs(d[i + 1] - bgg) + Math.abs(d[i + 2] - bb) > 30) differ++;
      if (d[i + 2] - d[i] > 70 && d[i + 2] - d[i + 1] > 25) blue++;
    }
    return { differ, blue, total: d.length / 4 };
  });
  const box = (key) => `#layer-items li[data-layer="${key}"] > label > input`;

  out.layers = await page.evaluate(() => window.__viewer.layers());
  out.workspace = await page.evaluate(() => fetch('api/v1/workspace').then((r) => r.json()));

  // 1. the layer tree: with all but the boreholes off, the tubes are what is drawn; boreholes off too, their pixels
  // go and the background is left; everything on again, the picture is back
  out.pixelsAll = await pixels();
  for (const key of ['layout', 'hazards', 'labels']) await page.uncheck(box(key));
  await frames();
  out.pixelsOnlyBoreholes = await pixels();
  await page.uncheck(box('boreholes'));
  await frames();
  out.pixelsNothing = await pixels();
  out.layersNothing = await page.evaluate(() => window.__viewer.layers());
  for (const key of ['layout', 'hazards', 'labels', 'boreholes']) await page.check(box(key));
  await frames();
  out.pixelsAllAgain = await pixels();

  // 2. the water bodies: the form's default for the demo mine, drawn semi-transparent
  out.bmForm = await page.evaluate(() => ({ model: document.getElementById('bm-model').value,
    attribute: document.getElementById('bm-attr').value, level: document.getElementById('bm-level').value,
    side: document.getElementById('bm-side').value }));
  out.pixelsBeforeIso = await pixels();
  await page.click('#bm-details summary');
  await page.click('#bm-show');
  await page.waitForFunction(() => window.__viewerReady === true && window.__viewer.isosurfaces().length === 1, null,
    { timeout: 60000 });
  await frames();
  out.isosurfaces = await page.evaluate(() => window.__viewer.isosurfaces());
  out.pixelsIso = await pixels();
  out.bmStatus = await page.textContent('#bm-status');
  // pan the picture right (right-button drag), clear of the layer panel, for the pictures of the tour
  await pan(page);
  await frames();
  await page.screenshot({ path: shot('viewer-kaiyuan-water-bodies') });
  // the layer tree with the tubes off: the water bodies under the workings
  await page.uncheck(box('boreholes'));
  await page.uncheck(box('hazards'));
  await frames();
  out.layerTreeText = await page.textContent('#layer-items');
  await page.screenshot({ path: shot('viewer-kaiyuan-layers') });
  await page.uncheck(box('iso'));
  await frames();
  out.pixelsIsoOff = await pixels();
  await page.check(box('iso'));
  await page.check(box('hazards'));
  await page.check(box('boreholes'));
  await frames();

  // 3. measuring between two collars, located by projecting their stored coordinates through the camera
  const holes = await page.evaluate(() => fetch('api/v1/query', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ from: 'boreholes' }) }).then((r) => r.json()));
  out.pair = await page.evaluate((rows) => {
    const seen = rows.map((h) => ({ id: h.hole_id, world: [h.x, h.y, h.z], s: window.__viewer.screenOf([h.x, h.y, h.z]) }))
      .filter((h) => h.s.inFront && document.elementFromPoint(h.s.x, h.s.y)?.tagName === 'CANVAS');
    // clear of the other collars, so that the snap cannot take a neighbour
    const clear = seen.filter((h) => seen.every((o) => o === h || Math.hypot(o.s.x - h.s.x, o.s.y - h.s.y) > 30));
    let best = null;
    for (const a of clear) {
      for (const b of clear) {
        const d = Math.hypot(a.s.x - b.s.x, a.s.y - b.s.y);
        if (a !== b && (!best || d > best.d) && d < 700) best = { a, b, d };
      }
    }
    return best;
  }, holes);
  if (out.pair) {
    await page.click('#measure');
    out.measureHint = await page.textContent('#measure-body');
    await page.mouse.click(out.pair.a.s.x + 3, out.pair.a.s.y - 2);
    out.measureSecond = await page.textContent('#measure-body');
    await page.mouse.click(out.pair.b.s.x - 2, out.pair.b.s.y + 3);
    await page.waitForSelector('#measure-body .m-d3', { timeout: 10000 });
    out.measurement = await page.evaluate(() => window.__viewer.measurement());
    out.measureText = {
      d3: await page.textContent('#measure-body .m-d3'), dh: await page.textContent('#measure-body .m-dh'),
      dz: await page.textContent('#measure-body .m-dz'),
      ax: await page.textContent('#measure-body .m-a-x'), ay: await page.textContent('#measure-body .m-a-y'),
      az: await page.textContent('#measure-body .m-a-z'), label: await page.textContent('#measure-labels span'),
    };
    await frames();
    await page.screenshot({ path: shot('viewer-kaiyuan-measure') });
    // 4. the pointer readout over a collar: world coordinates of the workspace CRS
    await page.mouse.move(out.pair.a.s.x, out.pair.a.s.y + 4);
    await page.waitForFunction(() => document.getElementById('coords').textContent.length > 0, null, { timeout: 10000 });
    out.coords = await page.textContent('#coords');
    await page.keyboard.press('Escape');
    out.afterEscape = await page.evaluate(() => ({ measurement: window.__viewer.measurement(),
      panelHidden: document.getElementById('measure-panel').hidden,
      pressed: document.getElementById('measure').getAttribute('aria-pressed'),
      labels: document.querySelectorAll('#measure-labels span').length }));
  }

  // 5. north arrow and scale bar: orbit the camera by dragging, the arrow turns; zoom in, the scale shortens
  out.compassBefore = await page.evaluate(() => window.__viewer.compass());
  await page.mouse.move(900, 400);
  await page.mouse.down();
  await page.mouse.move(1050, 400, { steps: 8 });
  await page.mouse.up();
  await frames();
  out.compassAfter = await page.evaluate(() => window.__viewer.compass());
  await page.mouse.move(640, 400);
  for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -400);
  await frames();
  out.compassZoomed = await page.evaluate(() => window.__viewer.compass());

  // 6. the tools in Chinese: a browser asking for zh-CN, a link that draws the water bodies, a measurement
  const zhContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const zh = await zhContext.newPage();
  zh.on('console', (m) => { if (m.type() === 'error') out.consoleErrors.push(m.text()); });
  zh.on('pageerror', (e) => out.consoleErrors.push(String(e)));
  await zh.goto(url + '&model=resistivity&isosurface=RHO:20&below=1');
  await zh.waitForFunction(() => window.__viewerReady === true && window.__viewer.isosurfaces().length === 1, null,
    { timeout: 60000 });
  out.zhLang = await zh.evaluate(() => document.documentElement.lang);
  await pan(zh); // the view of the English pictures
  if (out.pair) {
    await zh.click('#measure');
    const a = await zh.evaluate((w) => window.__viewer.screenOf(w), out.pair.a.world);
    const b = await zh.evaluate((w) => window.__viewer.screenOf(w), out.pair.b.world);
    await zh.mouse.click(a.x, a.y);
    await zh.mouse.click(b.x, b.y);
    await zh.waitForSelector('#measure-body .m-d3', { timeout: 10000 });
    out.measurementZh = await zh.evaluate(() => window.__viewer.measurement());
    await zh.mouse.move(a.x, a.y + 4);
    await zh.waitForFunction(() => document.getElementById('coords').textContent.length > 0, null, { timeout: 10000 });
  }
  out.zh = {
    measureButton: await zh.textContent('#measure'), layersTitle: await zh.textContent('#layers h2'),
    layerTree: await zh.textContent('#layer-items'), measurePanel: await zh.textContent('#measure-panel'),
    bmShow: await zh.textContent('#bm-show'), scaleTitle: await zh.getAttribute('#scale', 'title'),
  };
  await frames2(zh);
  await zh.screenshot({ path: shot('viewer-kaiyuan-tools-zh') });
} catch (e) {
  out.error = String(e.stack || e);
} finally {
  await browser.close();
}
console.log(JSON.stringify(out));
