// The document editor at a desk and on a phone (issue 17): at 1366×768 the body editor takes
// most of the screen's width; Quill's style picker speaks Chinese and both pickers have
// accessible names; a 政策解读's policy is chosen by typing part of its title (typeahead);
// a document the reviewer returns shows the 退回意见 at the top of its page. Screenshots of
// the edit page and the returned document at 1366 and 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startZwgk, launchBrowser } from './harness.mjs';

let server, b;
const shots = process.env.ZWGK_E2E_SCREENSHOTS || 'test-results';

before(async () => {
  server = await startZwgk({
    beforeServe: (run) => {
      const add = (user, role, name, dep) => run(['user', 'add', user, '--role', role, '--site', 'shaoyang',
        '--name', name, ...(dep ? ['--department', dep] : []), '--password-stdin'], 'e2e password\n');
      add('editor', 'editor', '李编辑', '邵阳市人民政府办公室');
      add('reviewer', 'reviewer', '王审查', '邵阳市人民政府办公室');
    },
  });
  b = await launchBrowser();
  mkdirSync(shots, { recursive: true });
});
after(async () => {
  if (b) await b.close();
  if (server) await server.stop();
});

async function signIn(user, width = 1366, height = 768) {
  const context = await b.browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  await page.goto(server.url + '/console/login');
  await page.getByLabel('用户名').fill(user);
  await page.getByLabel('密码', { exact: true }).fill('e2e password');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/console\/$/);
  return { context, page };
}

async function shoot(page, name) {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 768 });
    await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

test('editor width, Chinese Quill, policy typeahead, returned document', async () => {
  const ed = await signIn('editor');
  const page = ed.page;
  await page.goto(server.url + '/console/documents/new?kind=interpretation');
  await page.locator('.ql-editor').waitFor();

  // The body editor uses the width of the screen (it was ~330 px of 1366).
  const width = await page.locator('.rich-editor').evaluate((el) => el.getBoundingClientRect().width);
  assert.ok(width >= 0.6 * 1366, `editor ${width}px wide at 1366`);

  // Quill's style picker in Chinese (snow writes it with ::before content), names on both pickers.
  const pickerText = await page.locator('.ql-picker.ql-header .ql-picker-label')
    .evaluate((el) => getComputedStyle(el, '::before').content);
  assert.equal(pickerText, '"正文"');
  const itemTexts = await page.locator('.ql-picker.ql-header .ql-picker-item')
    .evaluateAll((els) => els.map((el) => getComputedStyle(el, '::before').content));
  assert.deepEqual(itemTexts, ['"一级标题"', '"二级标题"', '"三级标题"', '"正文"']);
  assert.match(await page.getByRole('button', { name: /^段落样式/ }).getAttribute('aria-label'), /段落样式：正文/);
  assert.match(await page.getByRole('button', { name: /^对齐方式/ }).getAttribute('aria-label'), /对齐方式：左对齐/);
  assert.equal(await page.locator('.ql-toolbar button.ql-bold').getAttribute('aria-label'), '加粗');
  // Required-for-publication marks and their legend.
  assert.match(await page.locator('#required-legend').innerText(), /为发布必填/);
  assert.equal(await page.locator('#published_on').getAttribute('aria-required'), 'true');

  // The policy is chosen by typing part of its title, not by its id.
  await page.getByLabel('查找所解读的文件').fill('政务公开工作要点');
  const option = page.getByRole('option', { name: /2017年邵阳市政务公开工作要点/ }).first();
  await option.waitFor();
  await option.click();
  assert.match(await page.locator('#policy-chosen').innerText(), /《2017年邵阳市政务公开工作要点》/);
  assert.match(await page.locator('#interprets_id').inputValue(), /^\d+$/);
  await page.locator('#title').fill('《2017年邵阳市政务公开工作要点》图解');
  await page.getByLabel('发文日期').fill('2024-05-08');
  await page.locator('.ql-editor').click();
  await page.keyboard.type('一图读懂政务公开工作要点。');
  await shoot(page, 'console-document-new');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.waitForURL(/\/console\/documents\/\d+\/\?done=1$/);
  const docUrl = page.url().replace(/\?done=1$/, '');
  assert.match(await page.locator('.status-list').innerText(), /解读的文件：2017年邵阳市政务公开工作要点/);

  await page.goto(docUrl + 'edit');
  await page.locator('.ql-editor').waitFor();
  assert.match(await page.locator('#policy-chosen').innerText(), /《2017年邵阳市政务公开工作要点》/);
  await shoot(page, 'console-document-edit');

  // Submitted, returned by the reviewer with a reason: the page says why, at the top.
  await page.goto(docUrl);
  await page.getByRole('button', { name: '提交审查' }).click();
  const rv = await signIn('reviewer');
  await rv.page.goto(docUrl);
  await rv.page.getByRole('button', { name: '开始保密审查' }).click();
  await rv.page.getByLabel('退回理由').fill('图解中的数据请与正文核对一致后再提交');
  await rv.page.getByRole('button', { name: '退回修改' }).click();
  await rv.context.close();

  await page.goto(docUrl);
  const notice = page.locator('#returned-notice');
  assert.match(await notice.innerText(), /退回意见：图解中的数据请与正文核对一致后再提交/);
  assert.match(await notice.innerText(), /退回人：reviewer/);
  const history = await page.locator('#history').innerText();
  assert.ok(history.indexOf('退回修改') < history.indexOf('开始保密审查'), history);
  await shoot(page, 'console-document-returned');
  await page.goto(docUrl + 'edit');
  assert.match(await page.locator('#returned-notice').innerText(), /图解中的数据请与正文核对一致/);
  await shoot(page, 'console-document-returned-edit');

  // 预览: the public template, marked.
  await page.goto(docUrl + 'preview');
  assert.match(await page.locator('#preview-notice').innerText(), /预览/);
  assert.match(await page.locator('h1.doc-heading').innerText(), /图解/);
  await ed.context.close();
});
