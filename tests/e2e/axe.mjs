// axe-core in the e2e suite (accessibility.test.mjs): finding the pages to check (crawl) and
// running axe on one page (check), without touching the site's Content-Security-Policy.
//
// axe is injected with page.evaluate(): Playwright sends it through the DevTools protocol
// (Runtime.evaluate), which the page's CSP (script-src 'self') does not govern, so the pages are
// checked exactly as they are served.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const axeVersion = require('axe-core/package.json').version;

// The impacts that fail the suite.
export const failingImpacts = new Set(['critical', 'serious']);

// A route pattern for a path: numbers, long hex strings, tracking numbers (YSQ-2026-000001) and
// dates collapse to ':id', so /content/12.html and /content/13.html are the same kind of page.
// The query's keys (not their values) are part of the pattern: ?page=2 is pagination, ?q= a search.
export function routePattern(url) {
  const u = new URL(url);
  const path = u.pathname.split('/').map((seg) => seg
    .replace(/^[A-Z]{2,5}-\d{4}-\d+$/, ':id')
    .replace(/[0-9a-f]{16,}/gi, ':id')
    .replace(/\d+/g, ':n')).join('/');
  const keys = [...new Set([...u.searchParams.keys()])].sort();
  return keys.length ? `${path}?${keys.join('&')}` : path;
}

// Same-origin links in an HTML string, resolved against base, without fragments.
export function linksIn(html, base) {
  const out = [];
  for (const m of html.matchAll(/<a\b[^>]*?\bhref\s*=\s*"([^"]*)"/gi)) {
    const href = m[1].replace(/&amp;/g, '&');
    if (!href || href.startsWith('#') || /^(mailto|tel|javascript|data):/i.test(href)) continue;
    let u;
    try { u = new URL(href, base); } catch { continue; }
    if (u.origin !== new URL(base).origin) continue;
    u.hash = '';
    out.push(u.toString());
  }
  return out;
}

// What kind of page this is, for checking each kind once: the first path segment (the module;
// for the console the first two)
// and the elements, classes and input types inside <main>. Two catalogue columns with lists are
// one kind, a column with its empty notice another; a document with attachments differs from one
// without. Pages of one template in one state give the same axe results, bar contrast on text
// colours the data chooses (none here: colours come from the stylesheets).
export function pageKind(url, html) {
  const m = html.match(/<main\b[\s\S]*<\/main>/i);
  const main = m ? m[0] : html;
  const parts = new Set();
  for (const t of main.matchAll(/<([a-z][a-z0-9]*)\b([^>]*)>/gi)) {
    const tag = t[1].toLowerCase();
    parts.add(tag);
    const cls = t[2].match(/\bclass\s*=\s*"([^"]*)"/i);
    if (cls) for (const c of cls[1].split(/\s+/).filter(Boolean)) parts.add(`${tag}.${c}`);
    const type = t[2].match(/\btype\s*=\s*"([^"]*)"/i);
    if (type) parts.add(`${tag}[type=${type[1]}]`);
    for (const a of t[2].matchAll(/\b(role|aria-[a-z]+)\s*=/gi)) parts.add(`${tag}[${a[1].toLowerCase()}]`);
  }
  const segs = new URL(url).pathname.split('/');
  const segment = segs[1] === 'console' ? `console/${segs[2] || ''}` : segs[1] || '';
  return `${segment}|${[...parts].sort().join(' ')}`;
}

// The first page of each kind (see pageKind), in crawl order, and at most perSegment kinds per
// first path segment (the 44 catalogue columns, the other sites' copies of the same templates).
export function oneOfEachKind(pages, perSegment = Infinity) {
  const seen = new Set();
  const bySegment = new Map();
  return pages.filter((p) => {
    if (seen.has(p.kind)) return false;
    seen.add(p.kind);
    const segment = p.kind.split('|')[0];
    const n = bySegment.get(segment) || 0;
    bySegment.set(segment, n + 1);
    return n < perSegment;
  });
}

// Breadth-first crawl with the context's cookies (context.request shares them): GET only,
// HTML only (no Content-Disposition downloads, no feeds, CSV, JSON, images), at most
// perPattern URLs per routePattern, at most max pages, down to maxDepth links from the seeds.
// accept(url) filters the links followed. Returns [{ url, pattern }] in discovery order.
export async function crawl(context, seeds, { accept, maxDepth = 2, perPattern = 2, max = 150 } = {}) {
  const seen = new Set();
  const perPat = new Map();
  const perPath = new Map();  // a path with many filter combinations: at most 3 of them
  const pages = [];
  let frontier = seeds.map((url) => ({ url, depth: 0 }));
  const admit = (url) => {
    if (seen.has(url)) return false;
    const pat = routePattern(url);
    const n = perPat.get(pat) || 0;
    const path = new URL(url).pathname;
    const k = perPath.get(path) || 0;
    if (n >= perPattern || k >= 3) return false;
    seen.add(url);
    perPat.set(pat, n + 1);
    perPath.set(path, k + 1);
    return true;
  };
  frontier = frontier.filter(({ url }) => admit(url));
  while (frontier.length && pages.length < max) {
    const next = [];
    for (const { url, depth } of frontier) {
      if (pages.length >= max) break;
      const res = await context.request.get(url, { maxRedirects: 0, failOnStatusCode: false });
      const type = res.headers()['content-type'] || '';
      if (res.status() >= 300 && res.status() < 400) continue;
      if (!type.startsWith('text/html') || res.headers()['content-disposition']) continue;
      const html = await res.text();
      pages.push({ url, pattern: routePattern(url), kind: pageKind(url, html), status: res.status() });
      if (depth >= maxDepth) continue;
      for (const link of linksIn(html, url)) {
        if (accept && !accept(link)) continue;
        if (admit(link)) next.push({ url: link, depth: depth + 1 });
      }
    }
    frontier = next;
  }
  return pages;
}

// Runs axe on the page already loaded; returns the critical and serious violations as
// [{ rule, impact, help, helpUrl, targets: [selector...], count }].
export async function check(page) {
  const hasAxe = await page.evaluate(() => typeof window.axe === 'object');
  if (!hasAxe) await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => failingImpacts.has(v.impact))
    .map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
      count: v.nodes.length,
    }));
}

// A readable list of findings [{ url, mode, rule, impact, help, targets, count }], grouped by rule.
export function report(findings, origin) {
  const byRule = new Map();
  for (const f of findings) {
    if (!byRule.has(f.rule)) byRule.set(f.rule, []);
    byRule.get(f.rule).push(f);
  }
  const lines = [];
  for (const [rule, list] of byRule) {
    lines.push(`${rule} (${list[0].impact}): ${list[0].help} — ${list.length} page/mode(s)`);
    for (const f of list) {
      lines.push(`  ${f.url.replace(origin, '')} [${f.mode}] ${f.count} node(s): ${f.targets.join(' | ')}`);
    }
  }
  return lines.join('\n');
}
