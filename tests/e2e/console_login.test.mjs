// An administrator added with `zwgk user add` signs in to the console through the form,
// sees 我的工作 with their name and role, and signs out; the console then asks for a login
// again. Also on a phone-sized screen.
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

test('log in through the form, see 我的工作, log out', async () => {
  const context = await b.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(server.url + '/console/');
  assert.match(page.url(), /\/console\/login$/);

  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码', { exact: true }).fill('wrong password');
  await page.getByRole('button', { name: '登录' }).click();
  assert.match(await page.getByRole('alert').innerText(), /用户名或密码错误/);

  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码', { exact: true }).fill('e2e password');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/console\/$/);
  assert.equal(await page.locator('h1').innerText(), '我的工作');
  const header = await page.locator('header').innerText();
  assert.match(header, /王管理/);
  assert.match(header, /网站管理员/);
  await page.screenshot({ path: `${shots}/console-my-work-phone.png`, fullPage: true });

  // The navigation reaches a management page.
  await page.getByRole('link', { name: '用户', exact: true }).click();
  assert.equal(await page.locator('h1').innerText(), '用户管理');
  assert.match(await page.locator('table').innerText(), /admin/);

  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL(/\/console\/login$/);
  await page.goto(server.url + '/console/');
  assert.match(page.url(), /\/console\/login$/);
  await context.close();
});
