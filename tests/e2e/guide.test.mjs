// 依申请公开指南 (issue 17): the 公开工作机构 fills in the 受理机构信息 in the console
// (指南设置) and the guide shows it; the 办理流程 is readable on a phone — no text in it
// smaller than 14 px at 390 px wide, no label wider than its step — and on a wide screen;
// both 申请表 downloads answer. Screenshots of the guide at 1366 and 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startZwgk, launchBrowser } from './harness.mjs';

let server, b;
const shots = process.env.ZWGK_E2E_SCREENSHOTS || 'test-results';

before(async () => {
  server = await startZwgk({
    beforeServe: (run) => {
      run(['user', 'add', 'gongkai', '--role', 'publisher', '--site', 'shaoyang', '--name', '刘公开',
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

// Every text node inside the diagram: its computed font size and whether its element's
// content is wider or taller than the step box it sits in.
async function diagramFacts(page) {
  return page.evaluate(() => {
    const flow = document.querySelector('#g-flow').closest('section');
    const boxes = [...flow.querySelectorAll('li')];
    const walker = document.createTreeWalker(flow, NodeFilter.SHOW_TEXT,
      { acceptNode: (n) => (n.textContent.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT) });
    const texts = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const range = document.createRange();
      range.selectNodeContents(n);
      const r = range.getBoundingClientRect();
      const box = el.closest('li');
      const br = box ? box.getBoundingClientRect() : null;
      texts.push({
        text: n.textContent.trim(),
        size: parseFloat(getComputedStyle(el).fontSize),
        overflows: br ? (r.left < br.left - 0.5 || r.right > br.right + 0.5 || r.bottom > br.bottom + 0.5) : false,
        scrolls: el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== 'inline',
      });
    }
    // Generated content (step numbers, arrows) is text too.
    for (const li of boxes) {
      for (const pseudo of ['::before', '::after']) {
        const s = getComputedStyle(li, pseudo);
        if (s.content && s.content !== 'none' && s.content !== 'normal')
          texts.push({ text: `${pseudo} ${s.content}`, size: parseFloat(s.fontSize), overflows: false, scrolls: false });
      }
    }
    const svgText = [...flow.querySelectorAll('svg text')].length;
    return { texts, steps: boxes.length, svgText, pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
      tops: boxes.map((li) => Math.round(li.getBoundingClientRect().top)) };
  });
}

test('the office sets fax and postcode in 指南设置 and the guide shows them', async () => {
  const page = await b.browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(server.url + '/console/login');
  await page.getByLabel('用户名').fill('gongkai');
  await page.getByLabel('密码', { exact: true }).fill('e2e password');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/console\/$/);
  await page.getByRole('link', { name: '指南设置' }).first().click();
  await page.getByLabel('邮政编码').fill('422000');
  await page.getByLabel('传真').fill('0739-5365299');
  await page.getByLabel('电子邮箱').fill('gkb@shaoyang.gov.cn');
  await page.getByRole('button', { name: '保存' }).click();
  await page.waitForURL(/\/console\/ysqgk\/guide/);
  await page.screenshot({ path: `${shots}/guide-settings-1366.png`, fullPage: true });

  await page.goto(server.url + '/ysqgk/');
  const contact = await page.locator('section[aria-labelledby="g-contact"]').innerText();
  assert.match(contact, /邮政编码[：\s]*422000/);
  assert.match(contact, /传真[：\s]*0739-5365299/);
  const how = await page.locator('section[aria-labelledby="g-how"]').innerText();
  assert.match(how, /传真申请/);
  for (const name of ['政府信息公开申请表（Word）', '政府信息公开申请表（PDF）']) {
    const href = await page.getByRole('link', { name }).getAttribute('href');
    const res = await page.request.get(server.url + href);
    assert.equal(res.status(), 200, name);
    const body = await res.body();
    assert.ok(body.length > 1000, `${name} has content`);
    assert.equal(body.subarray(0, 4).toString('latin1'), name.includes('PDF') ? '%PDF' : 'PK\u0003\u0004', name);
  }
  await page.close();
});

test('the 办理流程 is readable on a phone: no text under 14 px, no label out of its step', async () => {
  const ctx = await b.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true });
  const page = await ctx.newPage();
  await page.goto(server.url + '/ysqgk/');
  const f = await diagramFacts(page);
  assert.equal(f.svgText, 0, 'no scaled-down SVG labels');
  assert.equal(f.steps, 5);
  assert.ok(f.texts.length >= 10, `the diagram has its labels (${f.texts.length})`);
  const smallest = Math.min(...f.texts.map((t) => t.size));
  assert.ok(smallest >= 14, `smallest text in the diagram is ${smallest}px: ${JSON.stringify(f.texts.filter((t) => t.size < 14))}`);
  const out = f.texts.filter((t) => t.overflows || t.scrolls);
  assert.deepEqual(out, [], 'a label overflows its step');
  assert.ok(f.pageOverflow <= 0, `the page scrolls sideways by ${f.pageOverflow}px`);
  assert.ok(f.tops.every((top, i) => i === 0 || top > f.tops[i - 1]), 'the steps are stacked vertically on a phone');
  await page.locator('#g-flow').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/guide-390.png`, fullPage: true });
  await page.locator('ol.flow-steps').screenshot({ path: `${shots}/guide-flow-390.png` });
  await page.locator('section[aria-labelledby="g-how"]').screenshot({ path: `${shots}/guide-channels-390.png` });
  await ctx.close();
});

test('on a wide screen the steps stand in one row and stay readable', async () => {
  const page = await b.browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(server.url + '/ysqgk/');
  const f = await diagramFacts(page);
  assert.ok(new Set(f.tops).size === 1, `one row: ${f.tops}`);
  assert.ok(Math.min(...f.texts.map((t) => t.size)) >= 14);
  assert.deepEqual(f.texts.filter((t) => t.overflows || t.scrolls), []);
  await page.screenshot({ path: `${shots}/guide-1366.png`, fullPage: true });
  await page.close();
});
