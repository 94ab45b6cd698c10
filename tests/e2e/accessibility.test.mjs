// axe-core on the public site and the console (issue 17): the suite fails on any critical or
// serious violation, with a list of rule, page, mode, the first selectors and axe's help text.
//
// Covered, on the demo content:
// - public pages: a crawl (GET, HTML only, three links deep) from the home page, every URL in
//   /sitemap.xml (documents, the catalogue's columns), and pages no link reaches: a search with
//   hits, a search without hits, the 404 page, the 依申请公开 guide, form and status query;
// - console pages: every /console/ page a site_admin reaches by following links from 我的工作
//   (breadth first, GET only, no logout, no downloads), plus the login page;
// - each kind of page once (axe.mjs pageKind: the module and the elements and classes in
//   <main>), at most 6 kinds per module or site prefix; the crawl keeps 2 URLs per route pattern;
// - modes: 桌面 1366×900, 桌面大字版 (cookie zwgk_large=1), 手机 390×844, and 手机大字版 on the
//   citizen's path (home, documents, catalogue, search, 依申请公开). The console links no 大字版
//   stylesheet, so its 大字版 run is skipped (and runs by itself once console pages link it).
// Not covered: the 依申请公开 receipt with its code (only the page a refresh shows) and the status page of a real application, and console
//   pages the demo has no records for (applications, letters, a document's edit page), pages
//   behind other roles only, error states after a failed POST other than the login, the
//   moderate/minor impacts, and what axe cannot judge (reading order, wording, 适老化 beyond
//   contrast): people check those.
//
// On PostgreSQL only 桌面 runs (ZWGK_TEST_BACKEND=postgresql): the same templates on another
// store. Time: about 0.5 s per page and mode when the 2-core machine was quiet; measured loaded
// (load 8–12): about 9½ minutes for the full matrix on SQLite, 5 on PostgreSQL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startZwgk, launchBrowser } from './harness.mjs';
import { crawl, check, report, oneOfEachKind, axeVersion } from './axe.mjs';

const fullMatrix = (process.env.ZWGK_TEST_BACKEND || 'sqlite') === 'sqlite';
const desktop = { width: 1366, height: 900 };
const phone = { width: 390, height: 844 };
const modes = [
  { name: '桌面', viewport: desktop, large: false, console: true },
  { name: '桌面大字版', viewport: desktop, large: true, console: true },
  { name: '手机', viewport: phone, large: false, console: true },
  // The citizen's path only (home, documents, catalogue, search, 依申请公开), to keep the time.
  { name: '手机大字版', viewport: phone, large: true, console: false,
    only: (p) => /^(|content|xxgk|search|ysqgk)\|/.test(p.kind) },
].filter((m, i) => fullMatrix || i === 0);

let server, b;
let publicPages = [], consolePages = [];  // everything the crawl found
let publicChecked = [], consoleChecked = [];  // one page of each kind (axe.mjs pageKind)
let consoleHasLarge = false;
let adminState;

before(async () => {
  server = await startZwgk({
    beforeServe: (run) => run(['user', 'add', 'admin', '--role', 'site_admin', '--site', 'shaoyang',
      '--name', '王管理', '--password-stdin'], 'e2e password\n'),
  });
  b = await launchBrowser();

  // ---- public pages ----
  const anon = await b.browser.newContext();
  const sitemap = await (await anon.request.get(server.url + '/sitemap.xml')).text();
  const fromSitemap = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)]
    .map((m) => new URL(new URL(m[1]).pathname, server.url).toString());
  assert.ok(fromSitemap.length > 20, `sitemap.xml lists ${fromSitemap.length} pages`);
  const u = (p) => server.url + p;
  const seeds = [u('/'), u('/search/?q=' + encodeURIComponent('政府信息公开')),
    u('/search/?q=' + encodeURIComponent('查无此词qzx')), u('/no-such-page/'), u('/ysqgk/'),
    u('/ysqgk/apply/'), u('/ysqgk/status/'), u('/ysqgk/apply/receipt/?n=YSQ-2026-000001'), ...fromSitemap];
  publicPages = await crawl(anon, seeds, {
    accept: (url) => !new URL(url).pathname.startsWith('/console/') &&
      !new URL(url).pathname.startsWith('/preferences/'),
    maxDepth: 3, perPattern: 2, max: 400,
  });
  await anon.close();
  publicChecked = oneOfEachKind(publicPages, 6);

  // ---- console pages, as the administrator ----
  const admin = await b.browser.newContext({ viewport: desktop });
  const page = await admin.newPage();
  await page.goto(u('/console/login'));
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码', { exact: true }).fill('e2e password');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/console\/$/);
  adminState = await admin.storageState();
  consolePages = await crawl(admin, [u('/console/')], {
    accept: (url) => new URL(url).pathname.startsWith('/console/') &&
      !/\/logout\b/.test(new URL(url).pathname),
    maxDepth: 6, perPattern: 2, max: 300,
  });
  consoleChecked = oneOfEachKind([{ url: u('/console/login'), pattern: '/console/login', kind: 'login' },
    ...consolePages]);
  // The console has its own stylesheet; 大字版 reaches it only if it ever links text-size.css.
  consoleHasLarge = (await (await admin.request.get(u('/console/'))).text()).includes('text-size.css');
  await admin.close();
});
after(async () => {
  if (b) await b.close();
  if (server) await server.stop();
});

// Loads each page in the mode and runs axe; returns the findings.
async function checkAll(pages, mode, storageState) {
  const context = await b.browser.newContext({ viewport: mode.viewport, storageState });
  if (mode.large) await context.addCookies([{ name: 'zwgk_large', value: '1', url: server.url }]);
  const findings = [];
  let modeChecked = false;
  const checkOne = async (page, url) => {
    const res = await page.goto(url, { waitUntil: 'load' });
    // The pages are checked as served: the CSP allows no inline or injected script, and axe
    // (evaluated through the DevTools protocol) runs all the same.
    const csp = res.headers()['content-security-policy'] || '';
    assert.match(csp, /script-src 'self'(;|$)/, `${url}: CSP ${csp}`);
    if (!modeChecked && !url.includes('/console/')) {
      // The mode really is on: 大字版 sets the root font to 125% on the public pages.
      const rootPx = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
      assert.equal(rootPx > 16, mode.large, `${mode.name}: root font ${rootPx}px`);
      modeChecked = true;
    }
    for (const v of await check(page)) findings.push({ url, mode: mode.name, ...v });
  };
  // Two pages at a time: the browser's renderers use both cores while axe runs.
  const queue = [...pages];
  const worker = async () => {
    const page = await context.newPage();
    for (let item = queue.shift(); item; item = queue.shift()) await checkOne(page, item.url);
  };
  await Promise.all([worker(), worker()]);
  await context.close();
  const order = (f) => pages.findIndex((p) => p.url === f.url);
  return findings.sort((x, y) => order(x) - order(y));
}

function summary(pages) {
  return `${pages.length} pages, ${new Set(pages.map((p) => p.pattern)).size} route patterns`;
}

test('the crawl reaches every kind of public page', () => {
  const patterns = new Set(publicPages.map((p) => p.pattern));
  for (const p of ['/', '/content/:n.html', '/xxgk/', '/search/?q', '/ysqgk/apply/', '/ysqgk/status/',
    '/ysqgk/status/reset/', '/ysqgk/apply/receipt/?n',
    '/zmhd/', '/yjzj/', '/zxft/', '/jyta/', '/qd/', '/yjs/', '/sjkf/', '/gzyd/', '/hygq/', '/bzml/']) {
    assert.ok(patterns.has(p), `${p} not among ${[...patterns].join(' ')}`);
  }
  assert.ok(publicPages.some((p) => p.status === 404), 'the 404 page');
  console.log(`# axe-core ${axeVersion}; crawled public ${summary(publicPages)}, console ${summary(consolePages)}; ` +
    `checked ${publicChecked.length} public and ${consoleChecked.length} console pages per mode`);
  if (process.env.ZWGK_AXE_LIST) {
    for (const p of [...publicChecked, ...consoleChecked]) console.log(`checked ${p.url.replace(server.url, '')}`);
    for (const p of [...publicPages, ...consolePages]) console.log(`crawled ${p.pattern}`);
  }
});

test('the crawl reaches the console pages of every module', () => {
  const patterns = new Set(consolePages.map((p) => p.pattern));
  assert.ok(consolePages.length > 30, summary(consolePages));
  for (const p of ['/console/', '/console/users/', '/console/documents/']) {
    assert.ok(patterns.has(p), `${p} not among ${[...patterns].join(' ')}`);
  }
});

for (const mode of modes) {
  test(`public pages have no critical or serious axe violations: ${mode.name}`, async () => {
    const findings = await checkAll(publicChecked.filter(mode.only || (() => true)), mode);
    assert.equal(findings.length, 0, `\n${report(findings, server.url)}\n`);
  });
  if (!mode.console) continue;
  test(`console pages have no critical or serious axe violations: ${mode.name}`, async (t) => {
    if (mode.large && !consoleHasLarge) return t.skip('the console has no 大字版 stylesheet (console.css only)');
    const [login, ...signedIn] = consoleChecked;
    const findings = [...await checkAll([login], mode), ...await checkAll(signedIn, mode, adminState)];
    assert.equal(findings.length, 0, `\n${report(findings, server.url)}\n`);
  });
}
