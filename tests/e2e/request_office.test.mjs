// 依申请公开 end to end: a citizen applies on the public form (answering the arithmetic
// question as the page shows it) and keeps the tracking number and query code from the
// receipt; the 公开工作机构 signs in to the console, sends a 补正 notice, records the
// correction and assigns the application; the department's editor reads it (ID number
// masked) and drafts 予以公开; the office approves the draft and replies; the citizen's status page shows the reply and the
// letter, and never the ID number.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startZwgk, launchBrowser } from './harness.mjs';

let server, b;
const shots = process.env.ZWGK_E2E_SCREENSHOTS || 'test-results';

// A valid GB 11643 number.
function residentId(first17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * w[i];
  return first17 + '10X98765432'[sum % 11];
}
const idNumber = residentId('43050219880808123');

before(async () => {
  server = await startZwgk({
    beforeServe: (run) => {
      run(['user', 'add', 'gongkai', '--role', 'publisher', '--site', 'shaoyang', '--name', '刘公开',
        '--password-stdin'], 'e2e password\n');
      run(['user', 'add', 'fgw', '--role', 'editor', '--site', 'shaoyang', '--department', '邵阳市发展和改革委员会',
        '--name', '陈发改', '--password-stdin'], 'e2e password\n');
    },
  });
  b = await launchBrowser();
  mkdirSync(shots, { recursive: true });
});
after(async () => {
  if (b) await b.close();
  if (server) await server.stop();
});

async function signIn(page, user) {
  await page.goto(server.url + '/console/login');
  await page.getByLabel('用户名').fill(user);
  await page.getByLabel('密码', { exact: true }).fill('e2e password');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/console\/$/);
}

test('a citizen applies, the office corrects and replies, the citizen sees the reply', async () => {
  // ---- the citizen ----
  const citizen = await b.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const pub = await citizen.newPage();
  await pub.goto(server.url + '/ysqgk/apply/');
  await pub.getByRole('link', { name: '自然人（个人）申请' }).click();
  await pub.locator('input[name="name"]').fill('欧阳申请');
  await pub.locator('select[name="id_type"]').selectOption('resident_id');
  await pub.locator('input[name="id_number"]').fill(idNumber);
  await pub.locator('input[name="address"]').fill('湖南省邵阳市双清区测试路1号');
  await pub.locator('input[name="phone"]').fill('13973900001');
  await pub.locator('textarea[name="description"]').fill('2025年邵阳市城区停车场建设规划');
  const question = await pub.locator('.question').innerText();
  const m = question.match(/(\d+) 加 (\d+) 等于几/);
  assert.ok(m, question);
  await pub.locator('input[name="challenge_answer"]').fill(String(Number(m[1]) + Number(m[2])));
  await pub.getByRole('button', { name: '提交申请' }).click();
  await pub.locator('h1', { hasText: '申请已提交' }).waitFor();
  const tn = (await pub.locator('.tracking-number').innerText()).trim();
  const code = (await pub.locator('.query-code').innerText()).trim();
  assert.match(tn, /^YSQ-\d{4}-\d{6}$/);
  assert.ok(code.length >= 8, code);
  // Post/redirect/get: the receipt is a page of its own; the print button is there with JS.
  assert.match(pub.url(), /\/ysqgk\/apply\/receipt\/\?n=YSQ-/);
  assert.ok(await pub.getByRole('button', { name: '打印回执' }).isVisible());
  await pub.screenshot({ path: `${shots}/ysqgk-receipt-1366.png`, fullPage: true });
  // A refresh neither re-posts the form nor shows the code again, and says not to re-apply.
  await pub.reload();
  await pub.locator('h1', { hasText: '申请已提交' }).waitFor();
  assert.equal(await pub.locator('.query-code').count(), 0);
  assert.equal((await pub.locator('.tracking-number').innerText()).trim(), tn);
  assert.match(await pub.locator('main').innerText(), /无需重新申请/);
  await pub.screenshot({ path: `${shots}/ysqgk-receipt-refreshed-1366.png`, fullPage: true });
  await pub.setViewportSize({ width: 390, height: 844 });
  await pub.reload();
  assert.equal(await pub.locator('.query-code').count(), 0, 'a second refresh does not show the code either');
  assert.ok(await pub.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'the receipt fits a phone');
  await pub.screenshot({ path: `${shots}/ysqgk-receipt-refreshed-390.png`, fullPage: true });
  // Lost the code: the reset page says how to get a new one, on a desktop and a phone.
  for (const width of [390, 1366]) {
    await pub.setViewportSize({ width, height: width > 500 ? 900 : 844 });
    await pub.goto(server.url + '/ysqgk/status/reset/');
    assert.ok(await pub.locator('input[name="tracking_number"]').isVisible(), 'the reset form asks for the number');
    assert.ok(await pub.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), `the reset page fits ${width} px`);
    await pub.screenshot({ path: `${shots}/ysqgk-reset-${width}.png`, fullPage: true });
  }
  await pub.goto(server.url + `/ysqgk/apply/receipt/?n=${tn}`);
  // The status link carries the number.
  await pub.getByRole('link', { name: '办理进度查询' }).first().click();
  assert.equal(await pub.locator('input[name="tracking_number"]').inputValue(), tn);

  // ---- the office ----
  const office = await b.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await office.newPage();
  await signIn(page, 'gongkai');
  await page.getByRole('link', { name: '依申请公开', exact: true }).click();
  await page.getByRole('link', { name: tn }).click();
  assert.match(await page.locator('.applicant').innerText(), new RegExp(idNumber));
  const dueBefore = await page.locator('.due-on').innerText();

  // 补正 notice, then the correction arrives: the clock restarts from that day.
  await page.locator('#form-correction button[type="submit"]').click();
  await page.locator('.notice', { hasText: '操作已完成' }).waitFor();
  assert.match(await page.locator('.due-on').innerText(), /暂停计时/);
  await page.locator('#form-correction-received button[type="submit"]').click();
  await page.locator('.notice', { hasText: '操作已完成' }).waitFor();
  assert.match(await page.locator('.history').innerText(), /发出补正通知[\s\S]*收到补正材料/);
  assert.match(await page.locator('.due-explanation').innerText(), /补正/);
  assert.ok(dueBefore.length > 0);

  // Assign to the department that drafts the reply.
  await page.locator('#a-dep').selectOption('邵阳市发展和改革委员会');
  await page.locator('#form-assign button[type="submit"]').click();
  await page.locator('.notice', { hasText: '操作已完成' }).waitFor();

  // The department's editor reads it (the ID number masked for them) and drafts the reply.
  const deptCtx = await b.browser.newContext();
  const dept = await deptCtx.newPage();
  await signIn(dept, 'fgw');
  await dept.goto(server.url + `/console/requests/${tn}/`);
  const deptText = await dept.locator('main').innerText();
  assert.match(deptText, /2025年邵阳市城区停车场建设规划/);
  assert.ok(!deptText.includes(idNumber));
  assert.equal(await dept.locator('#form-reply').count(), 0);
  await dept.locator('#d-outcome').selectOption('disclosed');
  await dept.locator('#d-note').fill('现将所申请信息提供给您。');
  await dept.getByRole('button', { name: '保存答复意见稿' }).click();
  await dept.locator('.notice', { hasText: '操作已完成' }).waitFor();
  await deptCtx.close();

  // The office approves the draft: reply 予以公开, the letter is generated.
  await page.reload();
  assert.match(await page.locator('.reply-draft').innerText(), /（一）予以公开/);
  assert.equal(await page.locator('#r-outcome').inputValue(), 'disclosed');
  assert.equal(await page.locator('#r-note').inputValue(), '现将所申请信息提供给您。');
  await page.locator('#form-reply button[type="submit"]').click();
  await page.locator('.notice', { hasText: '操作已完成' }).waitFor();
  assert.match(await page.locator('main').innerText(), /（一）予以公开/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.letter-link').click()]);
  assert.match(download.suggestedFilename(), /答复书/);
  await page.screenshot({ path: `${shots}/console-request-replied.png`, fullPage: true });
  await office.close();

  // ---- the citizen again: the status page ----
  await pub.goto(server.url + '/ysqgk/status/');
  await pub.locator('input[name="tracking_number"]').fill(tn);
  await pub.locator('input[name="query_code"]').fill(code);
  await pub.locator('main form button[type="submit"]').first().click();
  await pub.locator('.outcome').waitFor();
  assert.match(await pub.locator('.outcome').innerText(), /予以公开/);
  const statusHtml = await pub.content();
  assert.ok(!statusHtml.includes(idNumber), 'the ID number is not on the status page');
  assert.ok(!statusHtml.includes('欧阳申请'), 'the name is not on the status page');
  const [letter] = await Promise.all([pub.waitForEvent('download'), pub.getByRole('button', { name: '下载答复书' }).click()]);
  assert.match(letter.suggestedFilename(), new RegExp(tn));
  await citizen.close();
});
