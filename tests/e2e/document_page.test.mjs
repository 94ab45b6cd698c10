// A citizen finds the seed document from the home page and reads it: the path the
// issue's "done when" names (make run, then a browser shows the document with its full
// metadata table and QR code).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startZwgk, launchBrowser } from './harness.mjs';

let server, b;
const shots = process.env.ZWGK_E2E_SCREENSHOTS || 'test-results';

before(async () => {
  server = await startZwgk();
  b = await launchBrowser();
  mkdirSync(shots, { recursive: true });
});
after(async () => {
  if (b) await b.close();
  if (server) await server.stop();
});

test('seed document reached by clicking from the home page shows its full metadata and QR code', async () => {
  const page = await b.browser.newPage();
  await page.goto(server.url + '/');
  await page.getByRole('link', { name: '信息公开', exact: true }).first().click();
  await page.getByRole('link', { name: '规划计划', exact: true }).first().click();
  await page.getByRole('link', { name: /2017年邵阳市政务公开工作要点/ }).first().click();

  await assert.doesNotReject(page.waitForSelector('h1'));
  assert.match(await page.locator('h1').innerText(), /2017年邵阳市政务公开工作要点/);
  const crumb = await page.getByText('您现在所在的位置').first().locator('..').innerText();
  assert.match(crumb, /首页[\s\S]*信息公开[\s\S]*规划计划/);

  const table = await page.locator('table').first().innerText();
  for (const label of ['索引号', '公开目录', '公开责任部门', '发文日期', '公开形式', '生效日期', '有效期']) {
    assert.ok(table.includes(label), `metadata table lacks ${label}`);
  }
  // The real page's index number lacked its organisation code; ours must not.
  assert.match(table, /[0-9A-Z]{9,18}\/2017-\d{5}/);
  assert.ok(table.includes('邵阳市人民政府办公室'));
  assert.ok(table.includes('主动公开'));

  const body = await page.locator('main').innerText();
  assert.ok(body.includes('中办发〔2016〕8号'), 'restored 〕 in the body');
  assert.ok(body.includes('舆情'), 'restored 舆 in the body');

  const qr = page.locator('svg').filter({ has: page.locator('rect, path') }).first();
  assert.ok(await qr.isVisible(), 'QR code is visible');
  assert.ok((await page.content()).includes('扫一扫在手机打开当前页'));
  await page.screenshot({ path: `${shots}/document-desktop.png`, fullPage: true });
});

test('the document page fits a phone screen without sideways scrolling', async () => {
  const ctx = await b.browser.newContext({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true });
  const page = await ctx.newPage();
  await page.goto(server.url + '/');
  await page.getByRole('link', { name: '信息公开', exact: true }).first().click();
  await page.getByRole('link', { name: '规划计划', exact: true }).first().click();
  await page.getByRole('link', { name: /2017年邵阳市政务公开工作要点/ }).first().click();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `page is ${overflow}px wider than the phone screen`);
  await page.screenshot({ path: `${shots}/document-phone.png`, fullPage: false });
  await ctx.close();
});

test('large-text mode persists from one page to the next', async () => {
  const ctx = await b.browser.newContext();
  const page = await ctx.newPage();
  await page.goto(server.url + '/');
  const before = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('main')).fontSize));
  await page.getByRole('link', { name: /大字版|适老化/ }).first().click();
  await page.waitForLoadState('load');
  await page.goto(server.url + '/xxgk/');
  const after = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('main')).fontSize));
  assert.ok(after > before, `font size ${after} should be larger than ${before}`);
  await ctx.close();
});
