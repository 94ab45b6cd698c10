// The publishing workflow (ADR 0009) in a real browser: an editor drafts a 政策文件 in the Quill editor with
// a resident ID number in it, sees publishing blocked by the privacy guard, masks it with one
// click, drafts its 政策解读 and submits both; a reviewer decides 主动公开 (保密审查); the
// publisher approves, sees publishing refused while the interpretation is not approved,
// approves it and publishes both in one step. The public page shows the masked number only
// and links the interpretation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startZwgk, launchBrowser } from './harness.mjs';

const ID = '43050219900101123X';          // valid GB 11643 check character
const MASKED = '430502********123X';
let server, b;
const shots = process.env.ZWGK_E2E_SCREENSHOTS || 'test-results';

before(async () => {
  server = await startZwgk({
    beforeServe: (run) => {
      const add = (user, role, name, dep) => run(['user', 'add', user, '--role', role, '--site', 'shaoyang',
        '--name', name, ...(dep ? ['--department', dep] : []), '--password-stdin'], 'e2e password\n');
      add('editor', 'editor', '李编辑', '邵阳市人民政府办公室');
      add('reviewer', 'reviewer', '王审查', '邵阳市人民政府办公室');
      add('publisher', 'publisher', '赵发布');
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
  const context = await b.browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.url + '/console/login');
  await page.getByLabel('用户名').fill(user);
  await page.getByLabel('密码', { exact: true }).fill('e2e password');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/console\/$/);
  return { context, page };
}

async function selectCatalogue(page, code) {
  const value = await page.locator(`#catalogue_id option[data-code="${code}"]`).getAttribute('value');
  await page.locator('#catalogue_id').selectOption(value);
}

async function typeBody(page, text) {
  const editor = page.locator('.ql-editor');
  await editor.click();
  await page.keyboard.type(text);
}

test('draft with an ID number, mask, 保密审查, publish with its 政策解读', async () => {
  // --- editor ---------------------------------------------------------------------------
  const ed = await signIn('editor');
  let page = ed.page;
  await page.getByRole('link', { name: '文件', exact: true }).click();
  await page.getByRole('link', { name: '新建文件' }).click();
  await page.locator('#title').fill('邵阳市困难群众临时救助实施办法');
  await page.getByLabel('文号').fill('邵政办发〔2024〕9号');
  await selectCatalogue(page, 'zcwj');
  await page.getByLabel('发文机关').fill('邵阳市人民政府办公室');
  await page.getByLabel('发文日期').fill('2024-05-08');
  await page.locator('.ql-editor').waitFor();
  assert.equal(await page.locator('#body_html').isHidden(), true, 'Quill replaces the textarea');
  await typeBody(page, `申请人张三，身份证号${ID}，已核实。`);
  await page.getByRole('button', { name: '保存' }).click();
  await page.waitForURL(/\/console\/documents\/\d+\/\?done=1$/);
  const policyUrl = page.url().replace(/\?done=1$/, '');
  const policyId = policyUrl.match(/documents\/(\d+)\//)[1];

  const block = page.locator('#privacy-block');
  assert.match(await block.innerText(), /不能发布/);
  assert.match(await block.innerText(), new RegExp(MASKED.replace(/\*/g, '\\*')));
  assert.equal(await page.locator('.finding mark').first().innerText(), ID);
  await page.screenshot({ path: `${shots}/console-privacy-blocked.png`, fullPage: true });
  await page.getByRole('button', { name: '一键遮盖' }).click();
  await page.waitForURL(/\?done=1$/);
  assert.equal(await page.locator('#privacy-block').count(), 0);
  assert.match(await page.locator('.document-body').innerText(), new RegExp(MASKED.replace(/\*/g, '\\*')));
  assert.match(await page.locator('#interp-h').innerText(), /政策解读/);
  await page.getByRole('button', { name: '提交审查' }).click();
  await page.waitForURL(/\?done=1$/);
  assert.equal(await page.locator('.stage').innerText(), '已提交');

  // Its 政策解读, pre-filled from the policy.
  await page.getByRole('link', { name: '创建政策解读' }).click();
  assert.equal(await page.locator('#interprets_id').inputValue(), policyId);
  assert.equal(await page.locator('#kind').inputValue(), 'interpretation');
  await selectCatalogue(page, 'zcjd');
  await page.getByLabel('发文日期').fill('2024-05-08');
  await page.locator('#interpretation_form').selectOption('text');
  await typeBody(page, '一、出台背景：为做好困难群众临时救助工作，制定本办法。');
  await page.getByRole('button', { name: '保存' }).click();
  await page.waitForURL(/\/console\/documents\/\d+\/\?done=1$/);
  const interpUrl = page.url().replace(/\?done=1$/, '');
  await page.getByRole('button', { name: '提交审查' }).click();
  await page.waitForURL(/\?done=1$/);
  await ed.context.close();

  // --- reviewer: 保密审查 -------------------------------------------------------------------
  const rv = await signIn('reviewer');
  page = rv.page;
  for (const url of [policyUrl, interpUrl]) {
    await page.goto(url);
    await page.getByRole('button', { name: '开始保密审查' }).click();
    await page.waitForURL(/\?done=1$/);
    await page.getByLabel('审查意见').fill('未发现涉密内容，个人信息已遮盖，同意主动公开。');
    await page.getByLabel('公开属性').selectOption('proactive');
    await page.getByRole('button', { name: '提交审查结论' }).click();
    await page.waitForURL(/\?done=1$/);
    assert.equal(await page.locator('.stage').innerText(), '已审查');
  }
  await rv.context.close();

  // --- publisher ------------------------------------------------------------------------
  const pb = await signIn('publisher');
  page = pb.page;
  await page.goto(policyUrl);
  await page.getByRole('button', { name: '批准发布' }).click();
  await page.waitForURL(/\?done=1$/);
  await page.getByRole('button', { name: '立即发布' }).click();
  assert.match(await page.getByRole('alert').innerText(), /解读/);  // not yet approved: refused
  await page.screenshot({ path: `${shots}/console-interpretation-required.png`, fullPage: true });
  await page.goto(interpUrl);
  await page.getByRole('button', { name: '批准发布' }).click();
  await page.waitForURL(/\?done=1$/);
  await page.goto(policyUrl);
  await page.getByRole('button', { name: '立即发布' }).click();
  await page.waitForURL(/\?done=1$/);
  assert.equal(await page.locator('.stage').innerText(), '已发布');
  await page.getByRole('link', { name: '查看网站页面' }).click();

  // --- the public page --------------------------------------------------------------------
  const html = await page.content();
  assert.ok(!html.includes(ID), 'the full ID number is nowhere on the public page');
  assert.match(await page.locator('body').innerText(), new RegExp(MASKED.replace(/\*/g, '\\*')));
  const link = page.getByRole('link', { name: /临时救助实施办法.*解读|解读/ }).first();
  await link.click();
  assert.match(await page.locator('h1').innerText(), /政策解读/);
  assert.ok(!(await page.content()).includes(ID));
  await page.screenshot({ path: `${shots}/public-interpretation.png`, fullPage: true });
  await pb.context.close();
});

test('the editor uses the width of a 1366 px screen and speaks Chinese', async () => {
  const context = await b.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.url + '/console/login');
  await page.getByLabel('用户名').fill('editor');
  await page.getByLabel('密码', { exact: true }).fill('e2e password');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/console\/$/);
  await page.goto(server.url + '/console/documents/new');
  await page.locator('.ql-editor').waitFor();

  // The body editor and the title take the content width, not a 330 px column.
  const editorWidth = (await page.locator('.ql-editor').boundingBox()).width;
  assert.ok(editorWidth >= 800, `the body editor is ${editorWidth} px wide at 1366`);
  const titleWidth = (await page.locator('#title').boundingBox()).width;
  assert.ok(titleWidth >= 600, `the title field is ${titleWidth} px wide at 1366`);

  // Quill's style picker says 正文, not "Normal"; its buttons and the toolbar have Chinese names.
  const label = page.locator('.ql-picker.ql-header .ql-picker-label');
  const shown = await label.evaluate((el) => getComputedStyle(el, '::before').content);
  assert.equal(shown, '"正文"');
  assert.equal(await label.getAttribute('aria-label'), '段落样式：正文');
  assert.equal(await page.locator('button.ql-bold').getAttribute('aria-label'), '加粗');
  assert.equal(await page.getByRole('toolbar', { name: '正文格式' }).count(), 1);

  // The fields required for publication are marked, visibly and for screen readers.
  assert.equal(await page.locator('label[for=title] .required-mark').count(), 1);
  assert.equal(await page.locator('#title').getAttribute('aria-required'), 'true');
  assert.equal(await page.locator('label[for=catalogue_id] .required-mark').count(), 1);
  assert.equal(await page.locator('label[for=doc_number] .required-mark').count(), 0, '文号 is optional');
  await page.screenshot({ path: `${shots}/console-editor-1366.png`, fullPage: true });
  await context.close();
});
