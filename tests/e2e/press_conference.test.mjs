// 新闻发布会 end to end (issue 13's "Done when", the 访谈发布 half): the office plans a
// 新闻发布会 on the seed policy and announces it; a citizen on a phone opens its page; the office
// goes live and types entries in the console, and they appear on the citizen's page while it is
// open (the 5-second poll, no reload); after the close the page is the 文字实录 and links the
// policy it interprets.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startZwgk, launchBrowser } from './harness.mjs';

let server, b;
const shots = process.env.ZWGK_E2E_SCREENSHOTS || 'test-results';

before(async () => {
  server = await startZwgk({
    beforeServe: (run) => {
      run(['user', 'add', 'xinwenban', '--role', 'publisher', '--site', 'shaoyang', '--name', '新闻办',
        '--password-stdin'], 'e2e password\n');
    },
  });
  b = await launchBrowser();
  mkdirSync(shots, { recursive: true });
});
after(async () => {
  if (b) await b.close();
  if (server) await server.stop();
});

// "YYYY-MM-DDTHH:MM" in China time, `days` from now (a datetime-local value).
function chinaLocal(days, hour) {
  const t = new Date(Date.now() + days * 86400000 + 8 * 3600000);
  return `${t.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
}

test('a 新闻发布会 announced, followed live on a phone, its 文字实录 linking the policy', async () => {
  const staff = await b.browser.newContext();
  const office = await staff.newPage();
  await office.goto(server.url + '/console/login');
  await office.getByLabel('用户名').fill('xinwenban');
  await office.getByLabel('密码', { exact: true }).fill('e2e password');
  await office.getByRole('button', { name: '登录' }).click();
  await office.waitForURL(/\/console\/$/);

  await office.getByRole('link', { name: '访谈发布', exact: true }).click();
  await office.getByRole('link', { name: '新建活动' }).click();
  await office.locator('select[name="kind"]').selectOption('press_conference');
  await office.locator('input[name="title"]').fill('《2017年邵阳市政务公开工作要点》新闻发布会');
  await office.locator('input[name="starts_at"]').fill(chinaLocal(5, 10));
  await office.locator('input[name="ends_at"]').fill(chinaLocal(5, 11));
  await office.locator('input[name="place"]').fill('市政府新闻发布厅');
  await office.locator('input[name="guest_name_1"]').fill('李明');
  await office.locator('input[name="guest_post_1"]').fill('市人民政府办公室主任');
  await office.locator('select[name="guest_department_1"]').selectOption({ label: '邵阳市人民政府办公室' });
  await office.locator('input[name="guest_principal_1"]').check();
  const policy = office.locator('select[name="policy"] option', { hasText: '2017年邵阳市政务公开工作要点' }).first();
  await office.locator('select[name="policy"]').selectOption(await policy.getAttribute('value'));
  await office.getByRole('button', { name: '保存' }).click();
  await office.locator('.event-state', { hasText: '草稿' }).waitFor();
  const consoleUrl = office.url();
  const id = consoleUrl.match(/\/console\/events\/(\d+)\//)[1];
  await office.getByRole('button', { name: '发布预告' }).click();
  await office.locator('.event-state', { hasText: '预告' }).waitFor();

  // The citizen finds the 预告 on a phone.
  const citizen = await b.browser.newContext({ viewport: { width: 390, height: 844 } });
  const pub = await citizen.newPage();
  await pub.goto(server.url + '/');
  // On a phone the main menu is folded behind 栏目导航 (elder_mode.test.mjs checks the fold).
  await pub.locator('nav.main-nav summary', { hasText: '栏目导航' }).click();
  await pub.locator('nav.main-nav .nav-fold').getByRole('link', { name: '访谈发布' }).click();
  await pub.locator('.upcoming-events').getByRole('link', { name: '《2017年邵阳市政务公开工作要点》新闻发布会' }).click();
  await pub.locator('h1', { hasText: '新闻发布会' }).waitFor();
  assert.match(await pub.locator('.guests').innerText(), /李明（主要负责人）/);

  // Live: the office opens it; the citizen reloads once and then just watches.
  await office.getByRole('button', { name: '开始直播' }).click();
  await office.locator('.event-state', { hasText: '直播中' }).waitFor();
  await pub.reload();
  await pub.locator('.live-note').waitFor();
  for (const [speaker, text] of [['主持人', '各位记者朋友，上午好！今天的发布会解读全市政务公开工作要点。'],
    ['李明', '今年我们将建立突发事件5小时内权威发布、24小时内召开新闻发布会的工作机制。']]) {
    await office.locator('input[name="speaker"]').fill(speaker);
    await office.locator('textarea[name="text"]').fill(text);
    await office.getByRole('button', { name: '发布', exact: true }).click();
    await office.locator('.console-entries', { hasText: text }).waitFor().catch(async (e) => {
      throw new Error(`entry not saved: ${office.url()} ${await office.locator('main').innerText()}`);
    });
    // No reload: the poll brings it.
    await pub.locator('.entries .entry-text', { hasText: text }).waitFor({ timeout: 20000 });
  }
  assert.equal(await pub.locator('.entries .entry').count(), 2);
  await pub.screenshot({ path: `${shots}/press-conference-live-phone.png`, fullPage: true });

  // After: the 文字实录 and the policy it interprets.
  await office.getByRole('button', { name: '结束直播' }).click();
  await office.locator('.event-state', { hasText: '已结束' }).waitFor();
  await pub.goto(server.url + `/zxft/${id}/`);
  await pub.locator('h2', { hasText: '文字实录' }).waitFor();
  assert.equal(await pub.locator('.entries .entry').count(), 2);
  await pub.locator('a.policy-link', { hasText: '2017年邵阳市政务公开工作要点' }).click();
  await pub.locator('h1', { hasText: '2017年邵阳市政务公开工作要点' }).waitFor();
  await staff.close();
  await citizen.close();
});
