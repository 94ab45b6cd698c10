// The portal's chrome in a real browser (issue 17): the site administrator fills in 联系我们,
// the 党政机关网站标识 link and IPv6 in 网站设置 and uploads the site's logo and the two
// footer badges; the home page's header and footer, the 网站地图 and 联系我们 then show them
// at 1366 and 390 px. Screenshots go to ZWGK_E2E_SCREENSHOTS.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startZwgk, launchBrowser } from './harness.mjs';

let server, b;
const shots = process.env.ZWGK_E2E_SCREENSHOTS || 'test-results';

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

// PNG images drawn in the page (a logo with the site's name, the red 党政机关 badge, a small
// 备案 emblem), as a site's web team would upload them.
async function drawImages(page) {
  return page.evaluate(() => {
    const png = (w, h, draw) => {
      const c = document.createElement('canvas');
      c.width = w; c.height = h;
      draw(c.getContext('2d'), w, h);
      return c.toDataURL('image/png').split(',')[1];
    };
    const logo = png(560, 96, (g, w, h) => {
      g.fillStyle = '#f5c242'; g.beginPath(); g.arc(48, 48, 40, 0, Math.PI * 2); g.fill();
      g.fillStyle = '#b3121a'; g.beginPath(); g.arc(48, 48, 30, 0, Math.PI * 2); g.fill();
      g.fillStyle = '#fff'; g.font = 'bold 52px "Noto Sans CJK SC", sans-serif'; g.textBaseline = 'middle';
      g.fillText('邵阳市人民政府', 104, 50);
    });
    const conac = png(110, 136, (g, w, h) => {
      g.fillStyle = '#d7000f'; g.fillRect(0, 0, w, h);
      g.fillStyle = '#fff'; g.font = 'bold 26px "Noto Sans CJK SC", sans-serif'; g.textAlign = 'center';
      g.fillText('党政', w / 2, 52); g.fillText('机关', w / 2, 86);
      g.font = '14px "Noto Sans CJK SC", sans-serif'; g.fillText('网站标识', w / 2, 118);
    });
    const police = png(40, 40, (g) => {
      g.fillStyle = '#1d4fa0'; g.beginPath(); g.arc(20, 20, 18, 0, Math.PI * 2); g.fill();
      g.fillStyle = '#f5c242'; g.beginPath(); g.arc(20, 20, 8, 0, Math.PI * 2); g.fill();
    });
    return { logo, conac, police };
  });
}

async function shoot(page, name) {
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

async function noSidewaysScroll(page, what) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `${what} is ${overflow}px wider than the screen`);
}

test('the administrator sets up the chrome and every page shows it, on a desktop and a phone', async () => {
  const context = await b.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  // Before: the site name in the header, no yellow circle.
  await page.goto(server.url + '/');
  assert.equal(await page.locator('.site-title').innerText(), '邵阳市人民政府');
  assert.equal(await page.locator('.emblem').count(), 0);

  await page.goto(server.url + '/console/login');
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码', { exact: true }).fill('e2e password');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/console\/$/);
  await page.goto(server.url + '/console/site/');
  await page.getByLabel('承办单位').fill('邵阳市人民政府办公室');
  await page.getByLabel('邮政编码').fill('422000');
  await page.getByLabel('电子邮箱').fill('zwgk@shaoyang.gov.cn');
  await page.getByLabel('办公时间').fill('工作日 上午8:00—12:00，下午14:30—17:30');
  await page.getByLabel('党政机关网站标识链接').fill('https://bszs.conac.cn/sitename?method=show&id=0A1B2C3D4E5F');
  await page.getByLabel('页脚显示“本网站支持IPv6”').check();
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.waitForLoadState('load');
  assert.doesNotMatch(await page.locator('main').innerText(), /错误|不正确/);

  const images = await drawImages(page);
  for (const [code, label, data] of [['logo', '网站标志', images.logo], ['conac', '党政机关网站标识', images.conac],
    ['police', '公安机关备案标识', images.police]]) {
    await page.goto(server.url + '/console/site/');
    await page.locator(`#image-file-${code}`).setInputFiles({ name: `${code}.png`, mimeType: 'image/png', buffer: Buffer.from(data, 'base64') });
    await page.getByRole('button', { name: `上传${label}` }).click();
    await page.waitForLoadState('load');
    assert.ok(await page.getByRole('img', { name: `当前的${label}` }).isVisible(), `${label} preview`);
  }
  // A wrong file gets a Chinese reason.
  await page.goto(server.url + '/console/site/');
  await page.locator('#image-file-logo').setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') });
  await page.getByRole('button', { name: '上传网站标志' }).click();
  await page.waitForLoadState('load');
  assert.match(await page.locator('body').innerText(), /不是 PNG、JPEG、GIF 或 WebP 图片/);
  await page.goto(server.url + '/console/site/');
  await shoot(page, 'chrome-console-site-1366');

  for (const width of [1366, 390]) {
    const ctx = await b.browser.newContext({ viewport: { width, height: width > 500 ? 900 : 844 } });
    const p = await ctx.newPage();
    await p.goto(server.url + '/');
    const logo = p.getByRole('img', { name: '邵阳市人民政府' });
    assert.ok(await logo.isVisible(), 'logo in the header');
    assert.ok(await logo.evaluate((img) => img.complete && img.naturalWidth > 0), 'logo loaded');
    const footer = p.locator('footer.site-footer');
    const conac = footer.getByRole('link').filter({ has: p.getByRole('img', { name: '党政机关网站标识' }) });
    assert.match(await conac.getAttribute('href'), /^https:\/\/bszs\.conac\.cn\//);
    assert.ok(await footer.getByRole('img', { name: '党政机关网站标识' }).evaluate((img) => img.naturalWidth > 0));
    const police = footer.getByRole('link', { name: /湘公网安备/ });
    assert.match(await police.getAttribute('href'), /^https:\/\/beian\.mps\.gov\.cn\/.*code=\d+/);
    assert.match(await footer.innerText(), /本网站支持IPv6/);
    // On a phone the menu is folded behind 栏目导航 (elder_mode.test.mjs checks the fold).
    if (width < 500) await p.locator('nav.main-nav summary', { hasText: '栏目导航' }).click();
    assert.equal(await p.locator('nav.main-nav').getByRole('link', { name: '依申请公开' }).count(), 1, '依申请公开 in the menu');
    await noSidewaysScroll(p, `home at ${width}`);
    await shoot(p, `chrome-home-${width}`);

    await footer.getByRole('link', { name: '网站地图' }).click();
    await p.waitForLoadState('load');
    assert.equal(await p.locator('h1').innerText(), '网站地图');
    assert.ok(await p.locator('.sitemap-tree ul a', { hasText: '规划计划' }).count() > 0, '规划计划 nested in the tree');
    await noSidewaysScroll(p, `网站地图 at ${width}`);
    await shoot(p, `chrome-sitemap-${width}`);

    await p.locator('footer.site-footer').getByRole('link', { name: '联系我们' }).click();
    await p.waitForLoadState('load');
    assert.equal(await p.locator('h1').innerText(), '联系我们');
    const text = await p.locator('main').innerText();
    for (const s of ['邵阳市人民政府办公室', '422000', 'zwgk@shaoyang.gov.cn', '14:30']) assert.ok(text.includes(s), s);
    await noSidewaysScroll(p, `联系我们 at ${width}`);
    await shoot(p, `chrome-contact-${width}`);

    await p.locator('footer.site-footer').getByRole('link', { name: '隐私声明' }).click();
    await p.waitForLoadState('load');
    assert.match(await p.locator('main').innerText(), /Cookie/);
    if (width === 390) await shoot(p, 'chrome-privacy-390');
    await ctx.close();
  }
  await context.close();
});
