// 适老化 in a real browser (issue 17): controls big enough for a finger at phone width, 大字版
// that scales text and controls, a focus ring that shows on the white top bar, and the
// 高对比度 theme with and without JavaScript. Screenshots of the home and search pages in the
// three looks at 1366 and 390 px. The points of the 工信部 规范 these check: docs/accessibility.md.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startZwgk, launchBrowser } from './harness.mjs';

let server, b;
const shots = process.env.ZWGK_E2E_SCREENSHOTS || 'test-results';
const SEARCH = '/search/?q=' + encodeURIComponent('规划');
// The pages with the forms a citizen fills in: search, 依申请公开 application and status.
const FORM_PAGES = ['/', SEARCH, '/ysqgk/apply/?type=person', '/ysqgk/status/'];

before(async () => {
  server = await startZwgk({
    beforeServe: (run) => run(['user', 'add', 'admin', '--role', 'site_admin', '--site', 'shaoyang',
      '--name', '王管理', '--password-stdin'], 'e2e password\n'),
  });
  b = await launchBrowser();
  mkdirSync(shots, { recursive: true });
});
after(async () => {
  if (b) await b.close();
  if (server) await server.stop();
});

// WCAG relative luminance and contrast ratio of two computed colours ("rgb(r, g, b)").
function parseRgb(css) {
  const m = css.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/);
  assert.ok(m, `not an rgb colour: ${css}`);
  return { r: +m[1], g: +m[2], b: +m[3], a: m[4] === undefined ? 1 : +m[4] };
}
function luminance(css) {
  const c = parseRgb(css);
  const lin = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}
function contrast(a, b) {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}

// Every visible button, submit and a.button, and every visible text field and select, with
// its height and font size.
async function controls(page) {
  return page.evaluate(() => {
    const visible = (el) => {
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      return r.width > 2 && r.height > 2 && cs.visibility !== 'hidden' && cs.display !== 'none';
    };
    const describe = (el) => ({
      what: `${el.tagName.toLowerCase()}${el.className ? '.' + el.className : ''} "${(el.innerText || el.value || el.name || '').trim().slice(0, 20)}"`,
      height: el.getBoundingClientRect().height,
      fontSize: parseFloat(getComputedStyle(el).fontSize),
    });
    const buttons = [...document.querySelectorAll('button, input[type="submit"], input[type="button"], a.button')].filter(visible).map(describe);
    const fields = [...document.querySelectorAll('select, input:not([type]), input[type="text"], input[type="search"], input[type="tel"], input[type="email"], input[type="number"]')]
      .filter(visible).map(describe);
    return { buttons, fields };
  });
}

// page.waitForFunction polls by evaluating a string, which the site's CSP (no 'unsafe-eval')
// refuses; poll with page.evaluate instead.
async function until(page, fn, what) {
  for (let i = 0; i < 200; i++) {
    if (await page.evaluate(fn)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`gave up waiting: ${what}`);
}

async function phone(options = {}) {
  const ctx = await b.browser.newContext({ viewport: { width: 390, height: 844 }, ...options });
  return { ctx, page: await ctx.newPage() };
}

test('at 390 px every button and field on the home, search and 依申请公开 pages is at least 44 px tall', async () => {
  const { ctx, page } = await phone();
  for (const path of FORM_PAGES) {
    await page.goto(server.url + path);
    const { buttons, fields } = await controls(page);
    assert.ok(buttons.length > 0, `${path} has no visible button`);
    for (const c of [...buttons, ...fields]) {
      assert.ok(c.height >= 44 - 0.01, `${path}: ${c.what} is ${c.height} px tall`);
    }
    for (const c of fields) assert.ok(c.fontSize >= 16, `${path}: ${c.what} has a ${c.fontSize} px font (iOS zooms)`);
  }
  await ctx.close();
});

test('the primary action is white on the site red, the others outlined', async () => {
  const { ctx, page } = await phone();
  await page.goto(server.url + '/ysqgk/apply/?type=person');
  const submit = page.getByRole('button', { name: '提交申请' });
  const look = await submit.evaluate((el) => { const cs = getComputedStyle(el); return { fg: cs.color, bg: cs.backgroundColor }; });
  assert.equal(look.bg, 'rgb(179, 18, 26)', '提交申请 is filled with #b3121a');
  assert.ok(contrast(look.fg, look.bg) >= 4.5, `提交申请 text contrast ${contrast(look.fg, look.bg)}`);
  await page.goto(server.url + '/ysqgk/status/');
  const query = await page.getByRole('button', { name: '查询' }).evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(query, 'rgb(179, 18, 26)', '查询 is the primary action');
  await ctx.close();
});

test('大字版: main text at least 18 px with room between lines, and the buttons grow', async () => {
  const ctx = await b.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(server.url + '/ysqgk/status/');
  const measure = () => page.evaluate(() => {
    const body = getComputedStyle(document.body);
    const button = document.querySelector('main button[type="submit"]').getBoundingClientRect();
    return { font: parseFloat(body.fontSize), line: parseFloat(body.lineHeight), button: button.height, color: body.color };
  });
  const normal = await measure();
  await page.getByRole('link', { name: '大字版' }).click();
  await until(page, () => parseFloat(getComputedStyle(document.body).fontSize) >= 18, '大字版');
  const large = await measure();
  assert.ok(large.font >= 18, `body text is ${large.font} px in 大字版`);
  assert.ok(large.line >= 1.5 * large.font, `line height ${large.line} for ${large.font} px text`);
  assert.ok(large.button > normal.button, `查询 is ${large.button} px tall in 大字版, ${normal.button} px normally`);
  assert.ok(large.button >= 44, `查询 is ${large.button} px tall in 大字版`);
  assert.ok(luminance(large.color) < luminance(normal.color), `text is darker in 大字版 (${large.color} vs ${normal.color})`);
  // The link now offers the way back, and the choice holds on the next page.
  assert.ok(await page.getByRole('link', { name: '标准版' }).isVisible());
  await page.goto(server.url + '/');
  assert.ok(parseFloat(await page.evaluate(() => getComputedStyle(document.body).fontSize)) >= 18);
  await ctx.close();
});

test('the focus ring on the white top bar contrasts with it (at least 3:1)', async () => {
  for (const large of [false, true]) {
    const ctx = await b.browser.newContext({ viewport: { width: 1366, height: 900 } });
    if (large) await ctx.addCookies([{ name: 'zwgk_large', value: '1', url: server.url }]);
    const page = await ctx.newPage();
    await page.goto(server.url + '/');
    await page.keyboard.press('Tab');  // 跳到主要内容
    await page.keyboard.press('Tab');  // the first topbar tool
    const ring = await page.evaluate(() => {
      const el = document.activeElement;
      const cs = getComputedStyle(el);
      return {
        inTopbar: !!el.closest('.topbar'), text: el.textContent, focusVisible: el.matches(':focus-visible'),
        style: cs.outlineStyle, width: parseFloat(cs.outlineWidth), colour: cs.outlineColor,
        bar: getComputedStyle(document.querySelector('.topbar')).backgroundColor,
      };
    });
    assert.ok(ring.inTopbar, `focus is on ${ring.text}, not in the top bar`);
    assert.ok(ring.focusVisible);
    assert.notEqual(ring.style, 'none');
    assert.ok(ring.width >= 3, `outline ${ring.width} px`);
    const ratio = contrast(ring.colour, ring.bar);
    assert.ok(ratio >= 3, `outline ${ring.colour} on ${ring.bar}: ${ratio.toFixed(2)}:1${large ? ' (大字版)' : ''}`);
    await ctx.close();
  }
});

async function bodyColours(page) {
  return page.evaluate(() => {
    const body = getComputedStyle(document.body);
    const link = document.querySelector('main a');
    return { fg: body.color, bg: body.backgroundColor, link: link ? getComputedStyle(link).color : body.color,
      linkUnderline: link ? getComputedStyle(link).textDecorationLine : '' };
  });
}

function assertHighContrast(c, where) {
  assert.ok(luminance(c.bg) < 0.05, `${where}: background ${c.bg} is not dark`);
  assert.ok(luminance(c.fg) > 0.6, `${where}: text ${c.fg} is not light`);
  assert.ok(contrast(c.fg, c.bg) >= 7, `${where}: text contrast ${contrast(c.fg, c.bg).toFixed(2)}:1`);
  assert.ok(contrast(c.link, c.bg) >= 7, `${where}: link contrast ${contrast(c.link, c.bg).toFixed(2)}:1`);
  assert.match(c.linkUnderline, /underline/, `${where}: links are underlined`);
}

test('高对比度 without JavaScript: the link sets the theme, it holds across pages, 标准配色 undoes it', async () => {
  const ctx = await b.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await ctx.newPage();
  await page.goto(server.url + SEARCH);
  const before = await bodyColours(page);
  assert.ok(luminance(before.bg) > 0.8, 'the standard look is light');
  await page.getByRole('link', { name: '高对比度' }).click();
  await page.waitForURL((u) => u.pathname === '/search/');
  assertHighContrast(await bodyColours(page), 'search page');
  assert.ok(await page.getByRole('link', { name: '标准配色' }).isVisible());
  assert.ok(!(await page.getByRole('link', { name: '高对比度' }).isVisible()));
  await page.goto(server.url + '/ysqgk/apply/?type=person');
  assertHighContrast(await bodyColours(page), 'application form');
  const submit = await page.getByRole('button', { name: '提交申请' }).evaluate((el) => {
    const cs = getComputedStyle(el); return { fg: cs.color, bg: cs.backgroundColor };
  });
  assert.ok(contrast(submit.fg, submit.bg) >= 7, `提交申请 in 高对比度: ${submit.fg} on ${submit.bg}`);
  await page.getByRole('link', { name: '标准配色' }).click();
  await page.waitForURL((u) => u.pathname === '/ysqgk/apply/');
  assert.ok(luminance((await bodyColours(page)).bg) > 0.8, 'back to the standard look');
  await ctx.close();
});

test('高对比度 with JavaScript switches without reloading and keeps the keyboard on the toggle', async () => {
  const ctx = await b.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(server.url + '/');
  await page.evaluate(() => { window.stillHere = true; });
  await page.getByRole('link', { name: '高对比度' }).focus();
  await page.keyboard.press('Enter');
  await until(page, () => getComputedStyle(document.body).backgroundColor === 'rgb(0, 0, 0)', '高对比度');
  assert.equal(await page.evaluate(() => window.stillHere), true, 'the page was not reloaded');
  assertHighContrast(await bodyColours(page), 'home page');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), '标准配色');
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('high-contrast')), true);
  // The cookie the script set is the server's: a fresh load is dark too.
  await page.reload();
  assertHighContrast(await bodyColours(page), 'home page after reload');
  await page.getByRole('link', { name: '标准配色' }).click();
  await until(page, () => getComputedStyle(document.body).backgroundColor !== 'rgb(0, 0, 0)', '标准配色');
  assert.equal(await page.evaluate(() => document.cookie.includes('zwgk_contrast=1')), false);
  await ctx.close();
});

test('no floating layer covers the page (规范: no pop-ups or floating ads)', async () => {
  const { ctx, page } = await phone();
  for (const path of FORM_PAGES) {
    await page.goto(server.url + path);
    const floating = await page.evaluate(() => [...document.querySelectorAll('body *')]
      .filter((el) => ['fixed', 'sticky'].includes(getComputedStyle(el).position) && el.getBoundingClientRect().height > 2)
      .map((el) => el.className || el.tagName));
    assert.deepEqual(floating, [], `${path} has floating elements`);
  }
  await ctx.close();
});

test('the main menu folds behind 栏目导航 on a phone (without JavaScript too) and is a row on a desktop', async () => {
  for (const javaScriptEnabled of [true, false]) {
    for (const large of [false, true]) {
      const how = `${large ? '大字版' : '标准版'}${javaScriptEnabled ? '' : ', no JavaScript'}`;
      const { ctx, page } = await phone({ javaScriptEnabled });
      if (large) await ctx.addCookies([{ name: 'zwgk_large', value: '1', url: server.url }]);
      await page.goto(server.url + '/ysqgk/apply/?type=person');
      const fold = page.locator('nav.main-nav details.nav-fold');
      assert.equal(await fold.evaluate((d) => d.open), false, `the menu starts closed (${how})`);
      assert.equal(await page.locator('nav.main-nav').getByRole('link', { name: '依申请公开' }).count(), 0,
        `no menu link is shown before 栏目导航 is opened (${how})`);
      // The form's first field is on the first screen of an 844 px tall phone.
      const firstField = await page.locator('.request-form input:not([type=hidden]):not(.hp input), .request-form textarea')
        .first().evaluate((el) => el.getBoundingClientRect().top);
      assert.ok(firstField < 844 - 44, `the form's first field starts at ${firstField} px (${how})`);
      await page.locator('nav.main-nav summary', { hasText: '栏目导航' }).click();
      const ysqgk = page.locator('nav.main-nav').getByRole('link', { name: '依申请公开' });
      assert.equal(await ysqgk.count(), 1, `opened, the menu shows 依申请公开 once (${how})`);
      assert.ok((await ysqgk.boundingBox()).height >= 44, `menu links are a finger tall (${how})`);
      if (javaScriptEnabled) await page.screenshot({ path: `${shots}/menu-open-${large ? 'large' : 'standard'}-390.png` });
      await ctx.close();
    }
  }
  // The listing: its first document is on the first screen at 390 px in 大字版.
  const { ctx, page } = await phone();
  await ctx.addCookies([{ name: 'zwgk_large', value: '1', url: server.url }]);
  await page.goto(server.url + '/xxgk/ghjh/');
  const firstDoc = await page.locator('.doc-table tbody tr').first().boundingBox();
  assert.ok(firstDoc, 'the listing has a document');
  assert.ok(firstDoc.y + 30 < 844, `the first document starts at ${firstDoc.y} px in 大字版 at 390 px`);
  await ctx.close();
  // A desktop: every item visible in a row, at most two rows even in 大字版, no 栏目导航.
  for (const large of [false, true]) {
    const wide = await b.browser.newContext({ viewport: { width: 1366, height: 900 } });
    if (large) await wide.addCookies([{ name: 'zwgk_large', value: '1', url: server.url }]);
    const p = await wide.newPage();
    await p.goto(server.url + '/');
    assert.equal(await p.locator('nav.main-nav summary').isVisible(), false, '栏目导航 is a phone control');
    const items = await p.locator('nav.main-nav .nav-wide a').evaluateAll((as) => as.map((a) => {
      const r = a.getBoundingClientRect();
      return { top: Math.round(r.top), height: r.height, visible: r.width > 0 };
    }));
    assert.ok(items.length >= 5 && items.every((i) => i.visible), 'the menu items are visible');
    const rows = new Set(items.map((i) => i.top)).size;
    assert.ok(rows <= 2, `the menu takes ${rows} rows at 1366 px${large ? ' in 大字版' : ''}`);
    await p.screenshot({ path: `${shots}/menu-${large ? 'large' : 'standard'}-1366.png`, clip: { x: 0, y: 0, width: 1366, height: 400 } });
    await wide.close();
  }
});

test('screenshots: home and search in the standard look, 大字版 and 高对比度 at 1366 and 390 px', async () => {
  const looks = { standard: [], large: [{ name: 'zwgk_large', value: '1' }], contrast: [{ name: 'zwgk_contrast', value: '1' }] };
  for (const [look, cookies] of Object.entries(looks)) {
    for (const width of [1366, 390]) {
      const ctx = await b.browser.newContext({ viewport: { width, height: width > 600 ? 900 : 844 } });
      if (cookies.length) await ctx.addCookies(cookies.map((c) => ({ ...c, url: server.url })));
      const page = await ctx.newPage();
      for (const [name, path] of [['home', '/'], ['search', SEARCH], ['apply', '/ysqgk/apply/?type=person']]) {
        await page.goto(server.url + path);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 1, `${name} ${look} at ${width} px is ${overflow} px too wide`);
        // The whole page on a desktop; the first screen on a phone (what a reader sees first).
        await page.screenshot({ path: `${shots}/elder-${name}-${look}-${width}.png`, fullPage: width > 600 && name !== 'apply' });
        if (name === 'apply') {
          await page.getByRole('button', { name: '提交申请' }).scrollIntoViewIfNeeded();
          await page.screenshot({ path: `${shots}/elder-${name}-submit-${look}-${width}.png` });
        }
      }
      await ctx.close();
    }
  }
});

test('console: at 390 px buttons, links styled as buttons and fields are at least 44 px tall', async () => {
  const { ctx, page } = await phone();
  await page.goto(server.url + '/console/login');
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码', { exact: true }).fill('e2e password');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/console\/$/);
  for (const path of ['/console/', '/console/documents/', '/console/documents/new']) {
    await page.goto(server.url + path);
    const small = await page.evaluate(() => [...document.querySelectorAll(
      'button, .button-link, select, textarea, input:not([type="hidden"]):not([type="checkbox"]):not([type="radio"])')]
      .filter((el) => !el.closest('.ql-toolbar'))
      .filter((el) => { const r = el.getBoundingClientRect(); return r.width > 2 && r.height > 2; })
      .map((el) => ({ what: `${el.tagName.toLowerCase()} ${(el.innerText || el.name || '').trim().slice(0, 16)}`, height: el.getBoundingClientRect().height }))
      .filter((c) => c.height < 44 - 0.01));
    assert.deepEqual(small, [], `${path} has controls under 44 px`);
  }
  await page.goto(server.url + '/console/documents/');
  await page.screenshot({ path: `${shots}/elder-console-documents-390.png` });
  await ctx.close();
});
