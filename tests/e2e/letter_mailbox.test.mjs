// 政民互动 end to end (issue 12's "Done when"): a citizen writes to the 市长信箱 with an ID
// number in the text and consents to publication; the office accepts and assigns it; the
// department's first reply is "已阅" and is flagged; it replies properly; the office approves
// and publishes; the citizen rates it 满意 with the query code; the public list shows it with
// the ID masked, the statistics count it, and the citizen's mailbox (a real SMTP server on
// loopback) holds the notices.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startZwgk, launchBrowser, startSmtpSink } from './harness.mjs';

let server, b, mail;
const shots = process.env.ZWGK_E2E_SCREENSHOTS || 'test-results';

function residentId(first17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * w[i];
  return first17 + '10X98765432'[sum % 11];
}
const idNumber = residentId('43050219750505246');
const citizenMail = 'qingshan.e2e@example.cn';

before(async () => {
  mail = await startSmtpSink();
  server = await startZwgk({
    env: {
      ZWGK_SMTP_HOST: '127.0.0.1', ZWGK_SMTP_PORT: String(mail.port), ZWGK_SMTP_SECURITY: 'none',
      ZWGK_SMTP_FROM: 'noreply@shaoyang.gov.cn', ZWGK_SMTP_FROM_NAME: '邵阳市人民政府', ZWGK_SMTP_INTERVAL: '1',
    },
    beforeServe: (run) => {
      run(['user', 'add', 'xinxiang', '--role', 'publisher', '--site', 'shaoyang', '--name', '刘信箱',
        '--password-stdin'], 'e2e password\n');
      run(['user', 'add', 'zjj', '--role', 'editor', '--site', 'shaoyang', '--department', '邵阳市发展和改革委员会',
        '--name', '陈承办', '--password-stdin'], 'e2e password\n');
    },
  });
  b = await launchBrowser();
  mkdirSync(shots, { recursive: true });
});
after(async () => {
  if (b) await b.close();
  if (server) await server.stop();
  if (mail) await mail.stop();
});

async function signIn(page, user) {
  await page.goto(server.url + '/console/login');
  await page.getByLabel('用户名').fill(user);
  await page.getByLabel('密码', { exact: true }).fill('e2e password');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/console\/$/);
}

test('a letter to the 市长信箱 from the form to the published answer, with real e-mail', async () => {
  // ---- the citizen writes, on a phone ----
  const citizen = await b.browser.newContext({ viewport: { width: 390, height: 844 } });
  const pub = await citizen.newPage();
  await pub.goto(server.url + '/');
  // On a phone the main menu is folded behind 栏目导航 (elder_mode.test.mjs checks the fold).
  await pub.locator('nav.main-nav summary', { hasText: '栏目导航' }).click();
  await pub.locator('nav.main-nav .nav-fold').getByRole('link', { name: '政民互动' }).click();
  await pub.getByRole('link', { name: '市长信箱' }).first().click();
  await pub.locator('select[name="category"]').selectOption('consultation');
  await pub.locator('input[name="title"]').fill('老旧小区加装电梯补贴怎么申请');
  await pub.locator('textarea[name="content"]').fill(
    `我叫欧阳青山，身份证号${idNumber}，住在双清区某小区，想了解老旧小区加装电梯的补贴标准和申请流程。`);
  await pub.locator('input[name="name"]').fill('欧阳青山');
  await pub.locator('input[name="phone"]').fill('13973955501');
  await pub.locator('input[name="email"]').fill(citizenMail);
  await pub.locator('input[name="consent_publish"]').check();
  const question = await pub.locator('.question').innerText();
  const m = question.match(/(\d+) 加 (\d+) 等于几/);
  await pub.locator('input[name="challenge_answer"]').fill(String(Number(m[1]) + Number(m[2])));
  await pub.getByRole('button', { name: '提交来信' }).click();
  await pub.locator('h1', { hasText: '来信已提交' }).waitFor();
  const number = (await pub.locator('.letter-number').innerText()).trim();
  const code = (await pub.locator('.query-code').innerText()).trim();
  assert.match(number, /^XJ-\d{4}-\d{6}$/);
  assert.match(await pub.locator('main').innerText(), /身份证号码/, 'told the ID will be masked');
  await pub.screenshot({ path: `${shots}/letter-receipt-phone.png`, fullPage: true });

  // ---- the office accepts and assigns ----
  const officeCtx = await b.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const office = await officeCtx.newPage();
  await signIn(office, 'xinxiang');
  await office.getByRole('link', { name: '政民互动', exact: true }).click();
  await office.locator('.to-screen').getByRole('link', { name: number }).click();
  assert.match(await office.locator('.writer').innerText(), /13973955501/, 'the office sees the phone to call back');
  await office.locator('#form-accept button[type="submit"]').click();
  await office.locator('.notice', { hasText: '操作已完成' }).waitFor();
  await office.locator('#a-dep').selectOption({ label: '邵阳市发展和改革委员会' });
  await office.locator('#form-assign button[type="submit"]').click();
  await office.locator('.notice', { hasText: '操作已完成' }).waitFor();

  // ---- the department: "已阅" is flagged, then a proper answer ----
  const deptCtx = await b.browser.newContext();
  const dept = await deptCtx.newPage();
  await signIn(dept, 'zjj');
  await dept.goto(server.url + `/console/letters/${number}/`);
  await dept.locator('#d-text').fill('已阅');
  await dept.locator('#form-draft button[type="submit"]').click();
  const flagged = await dept.locator('main').innerText();
  assert.match(flagged, /已阅|套话|过短/, flagged);
  await dept.goto(server.url + `/console/letters/${number}/`);
  assert.equal(await dept.locator('.draft-reply').count(), 0, 'the flagged draft was not kept');
  await dept.locator('#d-text').fill('您好！老旧小区加装电梯每台补贴15万元，由业主委员会持申请表和业主同意书向所在街道提交，街道初审后报市住建局审核。');
  await dept.locator('#form-draft button[type="submit"]').click();
  await dept.locator('.notice', { hasText: '操作已完成' }).waitFor();
  await deptCtx.close();

  // ---- the office approves and publishes ----
  await office.reload();
  await office.locator('#form-approve button[type="submit"]').click();
  await office.locator('.notice', { hasText: '操作已完成' }).waitFor();
  await office.locator('#form-publish button[type="submit"]').click();
  await office.locator('.notice', { hasText: '操作已完成' }).waitFor();
  await office.screenshot({ path: `${shots}/console-letter-published.png`, fullPage: true });
  await officeCtx.close();

  // ---- the citizen rates it with the query code ----
  await pub.goto(server.url + `/zmhd/status/?number=${number}`);
  assert.equal(await pub.locator('input[name="number"]').inputValue(), number, 'the number is pre-filled');
  await pub.locator('input[name="query_code"]').fill(code);
  await pub.getByRole('button', { name: '查询' }).click();
  await pub.locator('.reply').waitFor();
  assert.match(await pub.locator('.reply').innerText(), /每台补贴15万元/);
  await pub.locator('input[name="rating"][value="satisfied"]').check();
  await pub.getByRole('button', { name: '提交评价' }).click();
  await pub.locator('.rating', { hasText: '满意' }).waitFor();
  assert.equal((await pub.locator('.state').innerText()).trim(), '已办结');

  // ---- the public list: masked; the statistics count it ----
  await pub.goto(server.url + '/zmhd/letters/');
  await pub.getByRole('link', { name: '老旧小区加装电梯补贴怎么申请' }).click();
  const published = await pub.locator('main').innerText();
  assert.ok(!published.includes(idNumber), 'the ID number is masked');
  assert.ok(published.includes(idNumber.slice(0, 6) + '********'), published);
  assert.ok(!published.includes('欧阳青山') && !published.includes('13973955501'));
  await pub.goto(server.url + '/zmhd/stats/');
  assert.equal((await pub.locator('.stat-received').innerText()).trim(), '1');
  assert.equal((await pub.locator('.stat-answered').innerText()).trim(), '1');
  assert.equal((await pub.locator('.stat-satisfaction').innerText()).trim(), '100.0%');
  await pub.screenshot({ path: `${shots}/letter-statistics-phone.png`, fullPage: true });
  await citizen.close();

  // ---- the citizen's mailbox ----
  const mine = (msg) => String(msg.to || '').includes(citizenMail) || (msg.rcpt_tos || []).includes(citizenMail);
  for (const subject of ['来信已收到', '来信已受理', '来信已答复']) {
    const got = await mail.waitFor((msg) => mine(msg) && (msg.subject || '').includes(subject));
    assert.ok((got[0].subject || '').includes(number), got[0].subject);
  }
  const replied = mail.messages().find((msg) => mine(msg) && msg.subject.includes('来信已答复'));
  assert.match(replied.body || '', /每台补贴15万元/);
  for (const msg of mail.messages()) assert.ok(!JSON.stringify(msg).includes(idNumber), 'no ID number in any mail');
});
