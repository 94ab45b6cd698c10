// 清单 end to end (issue 14's "Done when"): an editor of 邵阳市财政局 uploads the
// 行政事业性收费目录清单 as an .xlsx saved by LibreOffice (a title row above the header, a 序号
// and a 备注 column the list type does not have), submits it, the department's reviewer passes
// it (保密审查) and the office publishes it with its 施行日期; a citizen finds items with the
// search inside the list and with the site search, downloads the CSV (UTF-8 with BOM, for
// Excel) and writes a 反馈 through the list's 反馈意见箱, getting a 查询码 that works; the
// editor uploads a second version (one fee dropped, one added, one 收费标准 lowered), it is
// reviewed and published with a later 施行日期, and the public page names each change while
// the first version stays at its own URL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startZwgk, launchBrowser } from './harness.mjs';

const sheets = fileURLToPath(new URL('../fixtures/sheets/', import.meta.url));
const DEPARTMENT = '邵阳市财政局';
const TITLE = '邵阳市本级行政事业性收费目录清单';
const HEADER = '收费单位,项目名称,收费标准,依据,资金管理方式';
// What the fixtures hold (tests/fixtures/sheets/fees-v1.fods, fees-v2.fods).
const SEARCHED = '专业技术人员职业资格考试考务费';
const REMOVED = { unit: '邵阳市住房和城乡建设局', name: '城市道路占用费' };
const ADDED = { unit: '邵阳市市场监督管理局', name: '特种设备检验检测费' };
const CHANGED = { unit: '邵阳市公安局', name: '机动车号牌工本费', before: '汽车号牌每副100元，摩托车号牌每副35元', after: '汽车号牌每副80元，摩托车号牌每副25元' };

let server, b;
const shots = process.env.ZWGK_E2E_SCREENSHOTS || 'test-results';

// The date in China `days` from now, as the consultation test does: the 施行日期 are relative
// to the server's clock, so the test passes on any day.
function chinaDate(days) {
  return new Date(Date.now() + days * 86400000 + 8 * 3600000).toISOString().slice(0, 10);
}
const V1_EFFECTIVE = chinaDate(-30);
const V2_EFFECTIVE = chinaDate(0);
const DAY_BEFORE_V2 = new Date(Date.parse(V2_EFFECTIVE) - 86400000).toISOString().slice(0, 10);

before(async () => {
  server = await startZwgk({
    beforeServe: (run) => {
      const add = (user, role, name, dep) => run(['user', 'add', user, '--role', role, '--site', 'shaoyang',
        '--name', name, ...(dep ? ['--department', dep] : []), '--password-stdin'], 'e2e password\n');
      add('czj_editor', 'editor', '周编辑', DEPARTMENT);
      add('czj_reviewer', 'reviewer', '吴审查', DEPARTMENT);
      add('office', 'publisher', '郑发布');
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
  const context = await b.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.url + '/console/login');
  await page.getByLabel('用户名').fill(user);
  await page.getByLabel('密码', { exact: true }).fill('e2e password');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/console\/$/);
  return { context, page };
}

const listTable = (page) => page.locator('table.list-table tbody');

// Waits for what the page shows after a form is sent; if it never comes, fails with what the
// page says instead (an error message from the server, say).
async function shows(page, locator) {
  try {
    await locator.waitFor({ timeout: 10000 });
  } catch (e) {
    throw new Error(`${e.message}\n--- ${page.url()} says:\n${await page.locator('body').innerText()}`);
  }
}

// The editor uploads a sheet into the list and submits it; the preview shows what was read.
async function uploadAndSubmit(page, listUrl, file, count) {
  await page.goto(listUrl);
  await page.getByLabel('清单表格').setInputFiles(sheets + file);
  await page.getByRole('button', { name: '上传' }).click();
  await shows(page, page.locator('h2', { hasText: '新版本：草稿' }));
  const main = await page.locator('main').innerText();
  assert.match(main, new RegExp(`共${count}项`), main);
  // The title row and the 序号 / 备注 columns are not items or cells.
  const preview = page.locator('table.console-table');
  assert.deepEqual(await preview.locator('thead th').allInnerTexts(), HEADER.split(','));
  assert.equal(await preview.locator('tbody tr').count(), count);
  assert.doesNotMatch(await preview.innerText(), /收费目录清单|丢失补领同换领/);
  await page.getByRole('button', { name: '提交保密审查' }).click();
  await shows(page, page.locator('h2', { hasText: '新版本：待审核' }));
}

async function review(listUrl) {
  const rv = await signIn('czj_reviewer');
  await rv.page.goto(listUrl);
  await rv.page.getByLabel('审核意见（退回时必填）').fill('收费项目和标准均有文件依据，未发现个人信息，同意公开。');
  await rv.page.getByRole('button', { name: '审核通过' }).click();
  await shows(rv.page, rv.page.locator('h2', { hasText: '新版本：审核通过' }));
  assert.equal(await rv.page.getByRole('button', { name: '发布', exact: true }).count(), 0, 'the reviewer does not publish');
  await rv.context.close();
}

async function publish(listUrl, effective, number) {
  const pb = await signIn('office');
  await pb.page.goto(listUrl);
  await pb.page.getByLabel('施行日期').fill(effective);
  await pb.page.getByRole('button', { name: '发布', exact: true }).click();
  await shows(pb.page, pb.page.locator('main ol li', { hasText: `第${number}版` }));
  assert.equal(await pb.page.locator('h2', { hasText: '新版本：' }).count(), 0, 'nothing left to publish');
  const versions = await pb.page.locator('main ol').first().innerText();
  assert.match(versions, new RegExp(`第${number}版，${effective}起施行`), versions);
  await pb.context.close();
}

test('收费目录清单: .xlsx upload, review, publication, search, CSV, 反馈 and a second version', async () => {
  // ---- the editor creates the list and uploads the first version ----
  const ed = await signIn('czj_editor');
  let page = ed.page;
  await page.getByRole('link', { name: '清单', exact: true }).click();
  await page.waitForURL(/\/console\/lists\/$/);
  await page.getByLabel('清单类型').selectOption({ label: '行政事业性收费目录清单' });
  await page.getByLabel('清单名称').fill(TITLE);
  assert.deepEqual(await page.locator('#department_id option').allInnerTexts(), [DEPARTMENT],
    'an editor creates lists of their own department only');
  await page.getByRole('button', { name: '新建' }).click();
  await page.waitForURL(/\/console\/lists\/\d+\/\?done=1$/);
  const listUrl = page.url().replace(/\?done=1$/, '');
  const listId = listUrl.match(/lists\/(\d+)\//)[1];
  assert.match(await page.locator('main').innerText(), new RegExp(`行政事业性收费目录清单 · ${DEPARTMENT}`));
  await uploadAndSubmit(page, listUrl, 'fees-v1.xlsx', 5);
  await page.screenshot({ path: `${shots}/console-list-submitted.png`, fullPage: true });
  assert.equal(await page.getByRole('button', { name: '审核通过' }).count(), 0, 'the editor does not review');
  await ed.context.close();

  // ---- 保密审查 and publication ----
  await review(listUrl);
  await publish(listUrl, V1_EFFECTIVE, 1);

  // ---- a citizen finds it from the home page and searches inside it ----
  const citizen = await b.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const pub = await citizen.newPage();
  await pub.goto(server.url + '/');
  await pub.locator('footer').getByRole('link', { name: '清单', exact: true }).click();
  const row = pub.locator('table.list-table tbody tr', { hasText: TITLE });
  assert.match(await row.innerText(), new RegExp(`第1版（${V1_EFFECTIVE}施行）\\s*5项`));
  await row.getByRole('link', { name: TITLE, exact: true }).click();
  await pub.waitForURL(new RegExp(`/qd/${listId}/$`));
  const publicUrl = pub.url();
  assert.equal(await pub.locator('h1').innerText(), TITLE);
  assert.match(await pub.locator('.list-meta').innerText(), new RegExp(`${DEPARTMENT} · 第1版，${V1_EFFECTIVE}起施行`));
  assert.equal(await listTable(pub).locator('tr').count(), 5);
  await pub.getByLabel('在清单中查找').fill('工本费');
  await pub.getByRole('button', { name: '查找' }).click();
  await pub.waitForURL(/[?&]q=/);
  assert.match(await pub.locator('main').innerText(), /共5项，“工本费”找到2项/);
  assert.deepEqual(await listTable(pub).locator('td[data-label="项目名称"]').allInnerTexts(), ['机动车号牌工本费', '居民身份证工本费']);

  // The site search (站内搜索) finds the item too, and leads into the list with it found.
  await pub.locator('#header-q').fill('考务费');
  await pub.getByRole('button', { name: '搜索' }).click();
  const hits = pub.locator('section.search-source[aria-label="清单事项"]');
  await shows(pub, hits);
  await hits.getByRole('link', { name: new RegExp(`${SEARCHED}（${TITLE}）`) }).click();
  await pub.waitForURL(new RegExp(`/qd/${listId}/\\?q=`));
  assert.equal(await pub.getByLabel('在清单中查找').inputValue(), '考务费');
  assert.match(await pub.locator('main').innerText(), /共5项，“考务费”找到1项/);
  const found = await listTable(pub).innerText();
  assert.match(found, new RegExp(SEARCHED));
  assert.match(found, /每人每科50元/);
  assert.doesNotMatch(found, /不动产登记费/);
  await pub.screenshot({ path: `${shots}/public-list-search.png`, fullPage: true });

  // ---- the CSV download: the whole version, UTF-8 with a BOM so that Excel reads it ----
  const [download] = await Promise.all([
    pub.waitForEvent('download'),
    pub.locator('.list-downloads').getByRole('link', { name: 'CSV' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), `${TITLE}（第1版）.csv`);
  const csv = readFileSync(await download.path());
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the CSV starts with the UTF-8 BOM');
  const text = csv.subarray(3).toString('utf8');
  const lines = text.split(/\r?\n/).filter((l) => l !== '');
  assert.equal(lines[0], HEADER);
  assert.equal(lines.length, 6, text);
  assert.ok(lines.some((l) => l.includes(SEARCHED) && l.includes('每人每科50元')), text);
  assert.ok(text.includes(REMOVED.name), 'the CSV holds every item, not just those found');

  // ---- 反馈: the list's 反馈意见箱 opens a letter form about this list ----
  await pub.getByRole('link', { name: '写信反馈' }).click();
  await pub.waitForURL(/\/zmhd\/write\//);
  const subject = `关于《${TITLE}》的意见`;
  assert.equal(await pub.locator('input[name="title"]').inputValue(), subject);
  assert.equal(await pub.locator('select[name="category"]').inputValue(), 'suggestion');
  await pub.locator('textarea[name="content"]').fill(
    `${SEARCHED}每人每科50元，建议对低保家庭考生减免，并在清单中注明减免政策的依据。`);
  await pub.locator('input[name="name"]').fill('刘晓明');
  await pub.locator('input[name="phone"]').fill('13873955502');
  const question = await pub.locator('.question').innerText();
  const m = question.match(/(\d+) 加 (\d+) 等于几/);
  assert.ok(m, question);
  await pub.locator('input[name="challenge_answer"]').fill(String(Number(m[1]) + Number(m[2])));
  await pub.getByRole('button', { name: '提交来信' }).click();
  await shows(pub, pub.locator('h1', { hasText: '来信已提交' }));
  const number = (await pub.locator('.letter-number').innerText()).trim();
  const code = (await pub.locator('.query-code').innerText()).trim();
  assert.match(number, /^XJ-\d{4}-\d{6}$/);
  assert.ok(code.length >= 6, `a 查询码 is shown: "${code}"`);
  await pub.getByRole('link', { name: '来信办理进度查询' }).click();
  await pub.locator('input[name="number"]').fill(number);
  await pub.locator('input[name="query_code"]').fill(code);
  await pub.getByRole('button', { name: '查询' }).click();
  await shows(pub, pub.locator('dl.receipt'));
  assert.match(await pub.locator('dl.receipt').innerText(), new RegExp(`来信标题\\s*${subject.replace(/[()]/g, '\\$&')}`));

  // ---- the second version: one fee dropped, one added, one 收费标准 lowered ----
  const ed2 = await signIn('czj_editor');
  page = ed2.page;
  await page.getByRole('link', { name: '清单', exact: true }).click();
  await page.getByRole('link', { name: TITLE, exact: true }).click();
  await page.waitForURL(listUrl);
  assert.match(await page.locator('main').innerText(), new RegExp(`第1版，${V1_EFFECTIVE}起施行：首次发布，共5项`));
  await uploadAndSubmit(page, listUrl, 'fees-v2.xlsx', 5);
  await ed2.context.close();
  await review(listUrl);
  await publish(listUrl, V2_EFFECTIVE, 2);

  // ---- the public page: the version in force and what it changed ----
  await pub.goto(publicUrl);
  assert.match(await pub.locator('.list-meta').innerText(), new RegExp(`第2版，${V2_EFFECTIVE}起施行`));
  const items = await listTable(pub).innerText();
  assert.match(items, new RegExp(ADDED.name));
  assert.doesNotMatch(items, new RegExp(REMOVED.name));
  assert.match(items, new RegExp(CHANGED.after));
  const changes = pub.locator('section.list-changes');
  assert.equal(await changes.locator('h2').innerText(), '本版变化：新增1项，删除1项，修改1项');
  const changeList = async (heading) => changes.locator(`h3:text-is("${heading}") + ul li`).allInnerTexts();
  assert.deepEqual(await changeList('新增'), [`${ADDED.unit} / ${ADDED.name}`]);
  assert.deepEqual(await changeList('删除'), [`${REMOVED.unit} / ${REMOVED.name}`]);
  const changed = await changeList('修改');
  assert.equal(changed.length, 1, changed.join('\n'));
  assert.equal(changed[0].trim(), `${CHANGED.unit} / ${CHANGED.name}：「收费标准」由“${CHANGED.before}”改为“${CHANGED.after}”`);
  await pub.screenshot({ path: `${shots}/public-list-changes.png`, fullPage: true });

  // The day before the second version took effect, the first was in force.
  await pub.getByLabel('施行日期').fill(DAY_BEFORE_V2);
  await pub.getByRole('button', { name: '查找' }).click();
  await pub.waitForURL(/[?&]on=/);
  assert.match(await pub.locator('main').innerText(), new RegExp(`${DAY_BEFORE_V2}施行的是第1版`));
  assert.match(await listTable(pub).innerText(), new RegExp(REMOVED.name));

  // ---- the first version at its own URL, with the item the second dropped ----
  await pub.goto(publicUrl);
  await pub.locator('section.list-versions').getByRole('link', { name: '第1版' }).click();
  await pub.waitForURL(new RegExp(`/qd/${listId}/v1/$`));
  assert.match(await pub.locator('main').innerText(), /这是第1版的固定地址/);
  assert.match(await pub.locator('.list-meta').innerText(), new RegExp(`第1版，${V1_EFFECTIVE}起施行`));
  const v1Items = await listTable(pub).innerText();
  assert.match(v1Items, new RegExp(REMOVED.name));
  assert.match(v1Items, new RegExp(CHANGED.before));
  assert.doesNotMatch(v1Items, new RegExp(ADDED.name));
  assert.equal(await listTable(pub).locator('tr').count(), 5);
  await citizen.close();
});
