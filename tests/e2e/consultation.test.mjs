// 意见征集 end to end (issue 13's "Done when", the consultation half): the office publishes a
// 规章草案 for 30 days; a citizen on a phone reads it, comments on 第五条 through the form (no
// JavaScript needed); the comment is public only after the office publishes it, and then
// stands against its article; 31 days later (the server's clock moved through
// ZWGK_CLOCK_OFFSET_FILE) the consultation has closed by itself, the office publishes the
// 反馈, and the citizen sees 已反馈 with the counts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startZwgk, launchBrowser } from './harness.mjs';

let server, b, clockDir;
const shots = process.env.ZWGK_E2E_SCREENSHOTS || 'test-results';
const title = '《邵阳市政务数据共享开放管理办法（征求意见稿）》公开征求意见';

before(async () => {
  clockDir = mkdtempSync(join(tmpdir(), 'zwgk-clock-'));
  writeFileSync(join(clockDir, 'offset'), '0');
  server = await startZwgk({
    // The page cache tells the time by the same clock: the cached page expires at the
    // site's midnight, so after the jump the reader sees the new phase.
    env: { ZWGK_CLOCK_OFFSET_FILE: join(clockDir, 'offset') },
    beforeServe: (run) => {
      run(['user', 'add', 'gongkaiban', '--role', 'publisher', '--site', 'shaoyang', '--name', '政务公开办',
        '--password-stdin'], 'e2e password\n');
    },
  });
  b = await launchBrowser();
  mkdirSync(shots, { recursive: true });
});
after(async () => {
  if (b) await b.close();
  if (server) await server.stop();
  if (clockDir) rmSync(clockDir, { recursive: true, force: true });
});

// "YYYY-MM-DD" in China time, `days` from now.
function chinaDate(days) {
  return new Date(Date.now() + days * 86400000 + 8 * 3600000).toISOString().slice(0, 10);
}

async function login(page) {
  await page.goto(server.url + '/console/login');
  await page.getByLabel('用户名').fill('gongkaiban');
  await page.getByLabel('密码', { exact: true }).fill('e2e password');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/console\/$/);
}

test('a citizen comments on 第五条; the office publishes the comment and, after closing, the 反馈', async () => {
  const staff = await b.browser.newContext();
  const office = await staff.newPage();
  await login(office);
  await office.getByRole('link', { name: '意见征集', exact: true }).click();
  await office.getByRole('link', { name: '新建意见征集' }).click();
  await office.locator('select[name="kind"]').selectOption('rule_draft');
  await office.locator('input[name="title"]').fill(title);
  await office.locator('select[name="department_id"]').selectOption({ label: '邵阳市人民政府办公室' });
  await office.locator('input[name="starts_on"]').fill(chinaDate(0));
  await office.locator('input[name="ends_on"]').fill(chinaDate(30));
  await office.locator('textarea[name="explanation"]').fill('为规范政务数据共享开放，起草了本办法。');
  await office.locator('textarea[name="body_html"]').fill(
    '<p>第一条 为了规范政务数据共享开放，制定本办法。</p><p>第二条 本办法适用于本市行政机关。</p>'
    + '<p>第三条 政务数据以共享为原则、不共享为例外。</p><p>第四条 市大数据中心负责统筹。</p>'
    + '<p>第五条 无条件开放的数据应当在产生后10个工作日内开放。</p>');
  await office.getByRole('button', { name: '保存草稿' }).click();
  await office.locator('.consultation-phase', { hasText: '草稿' }).waitFor();
  const id = office.url().match(/\/console\/consultations\/(\d+)\//)[1];
  await office.getByRole('button', { name: '发布征集' }).click();
  await office.locator('.consultation-phase', { hasText: '征集中' }).waitFor();

  // The citizen, on a phone, without JavaScript for the form.
  const citizen = await b.browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  const pub = await citizen.newPage();
  await pub.goto(server.url + '/');
  // On a phone the main menu is folded behind 栏目导航 (elder_mode.test.mjs checks the fold).
  await pub.locator('nav.main-nav summary', { hasText: '栏目导航' }).click();
  await pub.locator('nav.main-nav .nav-fold').getByRole('link', { name: '意见征集' }).click();
  await pub.getByRole('link', { name: title }).click();
  await pub.locator('#art-5', { hasText: '10个工作日内开放' }).waitFor();
  await pub.getByRole('link', { name: '我要提意见' }).first().click();
  await pub.locator('select[name="anchor"]').selectOption('art-5');
  await pub.locator('textarea[name="text"]').fill('建议将10个工作日缩短为5个工作日。');
  await pub.locator('input[name="name"]').fill('欧阳青山');
  await pub.locator('input[name="phone"]').fill('13973955501');
  const [, x, y] = (await pub.locator('.question').innerText()).match(/(\d+) 加 (\d+)/);
  await pub.locator('input[name="challenge_answer"]').fill(String(Number(x) + Number(y)));
  await pub.getByRole('button', { name: '提交意见' }).click();
  await pub.locator('.opinion-sent').waitFor();
  await pub.goto(server.url + `/yjzj/${id}/`);
  assert.equal(await pub.locator('.public-opinion').count(), 0, 'a pending opinion is public');

  // The office publishes it; it stands against 第五条, without the name or phone.
  await office.reload();
  await office.locator('.pending-opinions .opinion', { hasText: '缩短为5个工作日' }).getByRole('button', { name: '公开', exact: true }).click();
  await office.locator('.other-opinions', { hasText: '已公开' }).waitFor();
  await pub.reload();
  const group = pub.locator('#opinions-art-5');
  assert.match(await group.locator('h3').innerText(), /对第五条的意见/);
  assert.match(await group.innerText(), /缩短为5个工作日/);
  const body = await pub.locator('main').innerText();
  assert.ok(!body.includes('13973955501') && !body.includes('欧阳青山'), 'personal data on the public page');
  await pub.screenshot({ path: `${shots}/consultation-opinion-phone.png`, fullPage: true });

  // 31 days on: it has closed by itself; the office publishes the 反馈.
  writeFileSync(join(clockDir, 'offset'), String(31 * 86400));
  await pub.reload();
  await pub.locator('.consultation-meta .phase', { hasText: '已结束待反馈' }).waitFor();
  await login(office);
  await office.goto(server.url + `/console/consultations/${id}/`);
  await office.locator('.consultation-phase', { hasText: '已结束待反馈' }).waitFor();
  await office.locator('input[name="received"]').fill('3');
  await office.locator('input[name="adopted"]').fill('1');
  await office.locator('input[name="partly_adopted"]').fill('1');
  await office.locator('input[name="not_adopted"]').fill('1');
  await office.locator('textarea[name="text"]').fill('采纳1条，部分采纳1条；未采纳1条，理由：与上位法规定不一致。');
  await office.getByRole('button', { name: '发布意见反馈' }).click();
  await office.locator('.consultation-phase', { hasText: '已反馈' }).waitFor();
  await pub.reload();
  await pub.locator('.consultation-meta .phase', { hasText: '已反馈' }).waitFor();
  assert.equal(await pub.locator('.feedback-counts .received').innerText(), '3条');
  assert.match(await pub.locator('.feedback-text').innerText(), /与上位法规定不一致/);
  await pub.screenshot({ path: `${shots}/consultation-feedback-phone.png`, fullPage: true });
  await staff.close();
  await citizen.close();
});
