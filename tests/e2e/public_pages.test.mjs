// Issue 17, the public pages in a real browser: 字号 大/中/小 on the document page (with and
// without JavaScript), the catalogue listing's first document on a phone's first screen with
// the filters folded, the search page's facet counts at WCAG AA contrast (computed from the
// rendered colours), and screenshots of the four pages at 1366 and 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startZwgk, launchBrowser } from './harness.mjs';

let server, b;
const shots = process.env.ZWGK_E2E_SCREENSHOTS || 'test-results';
const widths = [{ name: 'desktop', width: 1366, height: 900 }, { name: 'phone', width: 390, height: 844 }];

before(async () => {
  server = await startZwgk();
  b = await launchBrowser();
  mkdirSync(shots, { recursive: true });
});
after(async () => {
  if (b) await b.close();
  if (server) await server.stop();
});

// The URL of the first document of 规划计划 (the demo's).
async function firstDocumentUrl(page) {
  await page.goto(server.url + '/xxgk/ghjh/');
  return page.locator('.doc-table tbody a').first().getAttribute('href');
}

const bodySize = (page) => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.doc-body')).fontSize));

for (const javaScriptEnabled of [true, false]) {
  test(`字号 大/中/小 change the article's font size (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async () => {
    const ctx = await b.browser.newContext({ javaScriptEnabled });
    const page = await ctx.newPage();
    const url = await firstDocumentUrl(page);
    await page.goto(server.url + url);
    const medium = await bodySize(page);
    const tools = page.locator('.font-size-tools');
    await tools.getByRole('link', { name: '大', exact: true }).click();
    const large = await bodySize(page);
    await tools.getByRole('link', { name: '小', exact: true }).click();
    const small = await bodySize(page);
    await tools.getByRole('link', { name: '中', exact: true }).click();
    const back = await bodySize(page);
    assert.ok(large > medium, `大 ${large}px should be larger than ${medium}px`);
    assert.ok(small < medium, `小 ${small}px should be smaller than ${medium}px`);
    assert.equal(back, medium, '中 is the default size');
    // 关闭窗口 is offered only where a script can close the window.
    assert.equal(await page.locator('[data-action="close-window"]').isVisible(), javaScriptEnabled);
    assert.ok(await page.getByRole('link', { name: '打印', exact: true }).isVisible(), '打印 is a visible control');
    await ctx.close();
  });
}

test('on a 390×844 phone the first document of a listing is on the first screen', async () => {
  const ctx = await b.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true });
  const page = await ctx.newPage();
  await page.goto(server.url + '/xxgk/ghjh/');
  const first = page.locator('.doc-table tbody tr').first();
  const box = await first.boundingBox();
  assert.ok(box, 'the listing has a document');
  assert.ok(box.y + Math.min(box.height, 40) <= 844, `the first document starts at ${box.y}px, below the first screen`);
  assert.equal(await page.locator('details.filters-fold').evaluate((d) => d.open), false, 'filters are folded on a phone');
  // One tap unfolds them.
  await page.locator('details.filters-fold > summary').click();
  assert.ok(await page.locator('#f-year').isVisible());
  await ctx.close();
});

// WCAG 2.x contrast of two CSS colours "rgb(r, g, b)" / "rgba(...)".
function contrast(fg, bg) {
  const parse = (c) => c.match(/[\d.]+/g).map(Number);
  const lum = ([r, g, bl]) => {
    const ch = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(bl);
  };
  const [a, c] = [lum(parse(fg)), lum(parse(bg))];
  return (Math.max(a, c) + 0.05) / (Math.min(a, c) + 0.05);
}

test('search facet counts meet WCAG AA contrast (at least 4.5:1)', async () => {
  const page = await b.browser.newPage();
  await page.goto(server.url + '/search/?q=' + encodeURIComponent('政务公开'));
  const counts = page.locator('.search-facets .count');
  assert.ok(await counts.count() > 0, 'the search shows facet counts');
  const colours = await counts.first().evaluate((el) => {
    // The first ancestor with an opaque background is what the text sits on.
    let bg = 'rgb(255, 255, 255)';
    for (let n = el; n; n = n.parentElement) {
      const c = getComputedStyle(n).backgroundColor;
      if (c && c !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(c)) { bg = c; break; }
    }
    return { fg: getComputedStyle(el).color, bg };
  });
  const ratio = contrast(colours.fg, colours.bg);
  assert.ok(ratio >= 4.5, `facet count ${colours.fg} on ${colours.bg} is ${ratio.toFixed(2)}:1`);
  // The two search regions are told apart by their names.
  const names = await page.locator('[role="search"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  assert.ok(names.length >= 2 && names.every(Boolean), `unnamed search region: ${names}`);
  assert.equal(new Set(names).size, names.length, `search regions share a name: ${names}`);
  await page.close();
});

test('screenshots of the document page, the listing, the portal and the search page', async () => {
  const probe = await b.browser.newPage();
  const doc = await firstDocumentUrl(probe);
  await probe.close();
  const pages = [
    ['document', doc],
    ['catalogue', '/xxgk/ghjh/'],
    ['portal', '/xxgk/'],
    ['portal-search', '/xxgk/?from=2017-01-01&to=2017-12-31'],
    ['search', '/search/?q=' + encodeURIComponent('政务公开')],
    ['print', doc + '?print=1'],
  ];
  for (const w of widths) {
    const ctx = await b.browser.newContext({ viewport: { width: w.width, height: w.height } });
    const page = await ctx.newPage();
    for (const [name, path] of pages) {
      const r = await page.goto(server.url + path);
      assert.equal(r.status(), 200, `${path}: ${r.status()}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `${name} is ${overflow}px wider than ${w.width}px`);
      await page.screenshot({ path: `${shots}/public-${name}-${w.width}.png`, fullPage: true });
    }
    await ctx.close();
  }
});
