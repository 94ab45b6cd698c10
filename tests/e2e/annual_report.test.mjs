// 政府信息公开工作年度报告 end to end (issue 16's "Done when"): the office generates the city's
// report for last year from the demo's records, writes the text and the sources of the
// hand-entered figures; a figure changed against the records makes a check fail and is put
// right; the editor of 邵阳市人民政府办公室 sends it to the workflow, it is reviewed and
// published like any document; a citizen finds it in the 政府信息公开年报 column, laid out like
// the template, and downloads the .docx.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { startZwgk, launchBrowser } from './harness.mjs';

const OFFICE_DEPARTMENT = '邵阳市人民政府办公室';
const YEAR = new Date(Date.now() + 8 * 3600000).getUTCFullYear() - 1;  // last year, China time
const TITLE = `邵阳市人民政府${YEAR}年政府信息公开工作年度报告`;

let server, b;
const shots = process.env.ZWGK_E2E_SCREENSHOTS || 'test-results';

before(async () => {
  server = await startZwgk({
    beforeServe: (run) => {
      const add = (user, role, name, dep) => run(['user', 'add', user, '--role', role, '--site', 'shaoyang',
        '--name', name, ...(dep ? ['--department', dep] : []), '--password-stdin'], 'e2e password\n');
      add('office', 'publisher', '郑发布');
      add('bgs_editor', 'editor', '陈编辑', OFFICE_DEPARTMENT);
      add('bgs_reviewer', 'reviewer', '林审查', OFFICE_DEPARTMENT);
    },
  });
  b = await launchBrowser();
  mkdirSync(shots, { recursive: true });
});
after(async () => {
  if (b) await b.close();
  if (server) await server.stop();
});

async function signIn(user) {
  const context = await b.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(server.url + '/console/login');
  await page.getByLabel('用户名').fill(user);
  await page.getByLabel('密码', { exact: true }).fill('e2e password');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/console\/$/);
  return { context, page };
}

async function shows(page, locator) {
  try {
    await locator.waitFor({ timeout: 10000 });
  } catch (e) {
    throw new Error(`${e.message}\n--- ${page.url()} says:\n${await page.locator('body').innerText()}`);
  }
}

async function setFigure(page, key, value, reason) {
  await page.locator('#key').selectOption(key);
  await page.locator('#value').fill(value);
  await page.locator('#reason').fill(reason);
  await page.getByRole('button', { name: '保存数字' }).click();
  await page.waitForLoadState('load');
}

test('the office writes the annual report, the workflow publishes it, a citizen downloads it', async () => {
  // --- the office: 编制, text, sources ------------------------------------------------------
  const of = await signIn('office');
  let page = of.page;
  await page.goto(server.url + '/console/annual-reports/');
  await page.getByLabel('报告年度').fill(String(YEAR));
  await page.getByLabel('报告主体').selectOption({ label: '邵阳市人民政府' });
  await page.getByRole('button', { name: '编制' }).click();
  await shows(page, page.locator('#report-problems'));
  const reportUrl = page.url();
  assert.match(await page.locator('#report-problems').innerText(), /请填写总体情况/);
  await page.locator('#overview').fill(`${YEAR}年，邵阳市人民政府认真贯彻落实《中华人民共和国政府信息公开条例》。`);
  await page.locator('#problems').fill('政策解读的形式还不够丰富。\n下一步将增加图解和视频解读。');
  await page.locator('#other').fill('本年度未收取信息处理费。');
  await page.getByRole('button', { name: '保存文字' }).click();
  await page.waitForLoadState('load');
  for (const key of ['2.licensing', '2.penalty', '2.coercion']) await setFigure(page, key, '0', '市政务服务中心统计');
  await setFigure(page, '2.fees', '12.5', '市财政局非税收入统计');
  await shows(page, page.locator('#report-ok'));

  // A figure changed against the records: the template's check fails, naming the column.
  const natural = Number(await page.locator('td[data-key="3.new.0"]').first().innerText());
  await setFigure(page, '3.new.0', String(natural + 1), '另有一件当面申请未登记');
  await shows(page, page.locator('#report-problems'));
  assert.match(await page.locator('#report-problems').innerText(), /第三部分“自然人”列/);
  await page.screenshot({ path: `${shots}/annual-report-check-fails.png`, fullPage: true });
  // Put right: back to the records' figure, no reason needed.
  await setFigure(page, '3.new.0', String(natural), '');
  await shows(page, page.locator('#report-ok'));
  await of.context.close();

  // --- the 市政府办 editor sends it to the workflow ---------------------------------------------
  const ed = await signIn('bgs_editor');
  page = ed.page;
  await page.goto(reportUrl);
  await page.getByRole('button', { name: '送审发布' }).click();
  await page.waitForURL(/\/console\/documents\/\d+\//);
  const documentUrl = page.url().replace(/\?.*$/, '');
  assert.match(await page.locator('body').innerText(), new RegExp(`${TITLE}\\.docx`));
  await page.getByRole('button', { name: '提交审查' }).click();
  await page.waitForURL(/\?done=1$/);
  await ed.context.close();

  const rv = await signIn('bgs_reviewer');
  page = rv.page;
  await page.goto(documentUrl);
  await page.getByRole('button', { name: '开始保密审查' }).click();
  await page.waitForURL(/\?done=1$/);
  await page.getByLabel('审查意见').fill('不涉及国家秘密和个人信息，同意主动公开。');
  await page.getByLabel('公开属性').selectOption('proactive');
  await page.getByRole('button', { name: '提交审查结论' }).click();
  await page.waitForURL(/\?done=1$/);
  await rv.context.close();

  const pb = await signIn('office');
  page = pb.page;
  await page.goto(documentUrl);
  await page.getByRole('button', { name: '批准发布' }).click();
  await page.waitForURL(/\?done=1$/);
  await page.getByRole('button', { name: '立即发布' }).click();
  await page.waitForURL(/\?done=1$/);
  assert.equal(await page.locator('.stage').innerText(), '已发布');
  await page.goto(reportUrl);
  assert.equal(await page.locator('#report-state').innerText(), '已发布');
  // The list follows the document too, and the year's deadline notice is gone.
  await page.goto(server.url + '/console/annual-reports/');
  const list = await page.locator('main').innerText();
  assert.match(list, /已发布/);
  assert.doesNotMatch(list, new RegExp(`邵阳市人民政府${YEAR}年度报告应于`));
  await pb.context.close();

  // --- a citizen, on a phone ------------------------------------------------------------------
  const citizen = await b.browser.newContext({ viewport: { width: 390, height: 844 }, acceptDownloads: true });
  page = await citizen.newPage();
  await page.goto(server.url + '/xxgk/zfxxgknb/');
  await page.getByRole('link', { name: TITLE }).first().click();
  await shows(page, page.getByRole('heading', { name: '三、收到和处理政府信息公开申请情况' }));
  const text = await page.locator('body').innerText();
  assert.match(text, /一、本年新收政府信息公开申请数量/);
  assert.match(text, /本年度未收取信息处理费。/);
  await page.screenshot({ path: `${shots}/annual-report-public.png`, fullPage: true });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: new RegExp(`${TITLE}\\.docx`) }).click(),
  ]);
  const file = await download.path();
  copyFileSync(file, `${shots}/annual-report.docx`);  // kept with the screenshots, to open by hand
  const bytes = readFileSync(file);
  assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'a .docx is a zip package');
  assert.ok(bytes.includes(Buffer.from('word/document.xml')), 'with its WordprocessingML part');
  await citizen.close();
});
