#!/usr/bin/env node
// The site search in Debian's headless Chromium (playwright-core): runs
// queries on a built site's search.html the way a reader does and reports
// what the page showed, so the Rust tests can compare it with the content.
//
// Usage: node tests/tools/search.mjs [--base /sub/path/] <site-dir> <cases.json>
//
// The folder is served on 127.0.0.1 with the policy README documents,
//   Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'
// and every refusal of it is reported. cases.json:
//   {"queries": [{"q": "老旧小区", "sort": "newest", "filters": {"栏目": ["通知公告"]},
//                 "noSegmenter": true, "phone": true}],
//    "checks": ["nojs", "keyboard", "phone", "print", "axe"]}
// A query's page is opened at search.html?q=…&sort=…&栏目=…, "显示更多结果" is
// pressed until every result is shown. `noSegmenter` runs it in a browser
// without Intl.Segmenter (deleted in the page and in Pagefind's module), as
// an old browser is; `phone` on a 375 px screen (the filters folded, so not
// loaded). `path` opens another search page than search.html (the 长者模式
// mirror's zhe/search.html); `noIndex` opens it with every request for
// pagefind/ failing (in a context of its own, not counted as missing;
// `"noIndex": "once"` lets the requests through again before the steps);
// `steps` then acts as a reader does, each reported as a query is (in
// "steps"): {"submit": "垃圾 分类"} types into the page's field and presses
// Enter, {"back": true} presses the browser's Back, {"toggle": ["年份", "2023"]}
// clicks that filter value's checkbox.
//
// Output (stdout): JSON
//   {"queries": [{"q", "status", "urls": [paths relative to base, in order],
//                 "titles": [...], "dates": [发布日期 of each, "" when none],
//                 "allFacts": [["栏目：通知公告", "发布日期：…", …] of each],
//                 "filters": {"栏目": {"通知公告": 3}}, "checked": {"年份": ["2023"]},
//                 "first": {"title", "facts", "snippet", "marks": [...]},
//                 "address": the page's decoded ?query, "field": the search field's text, "docTitle", "modeLinks": [hrefs
//                 of the 长者模式 links], "noteShown": the no-JavaScript notice shown,
//                 "columnsShown": its list of columns shown, "steps": [...]}],
//    "nojs": {"appHidden", "noticeShown", "notice", "noticeBottom", "fieldTop", "screen",
//             "columnsShown", "links", "narrow": the same at 320 px},
//    "keyboard": {"fromHeader", "reachedResult", "opened", "filterKeepsFocus",
//                 "skipLink" (the focus two Tabs past the field), "afterSkip" (on the first
//                 result one Tab after Enter on it), "addressAfterSkip"},
//    "phone": {"folded", "opened", "chosen": {"filtersOpen", "firstResultTop", "fieldBottom",
//              "statusBottom", "screen", "filtersShown", "filterFiles" (fetched so far)},
//              "early": the same after opening the fold before the results came} (375 px wide: as it opens, after Enter on the fold's
//              summary, and opened with a filter chosen in the address),
//    "print": {"screen", "paper"}: the text of <main> on screen and printed,
//    "axe": [violations], "csp": [problems], "external": [urls],
//    "missing": ["404 http://…", answers of 400 or more to the page's requests]}
// Exit code: 0 it ran, 2 it could not (the reason on stderr).

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRequire } from 'node:module';
import { CHROMIUM_ARGS, executablePath } from './chromium.mjs';
import { serve } from './static_host.mjs';
import { auditLoaded, axeSource } from './axe.mjs';

const require = createRequire(import.meta.url);

export const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
const NO_SEGMENTER = 'try { delete Intl.Segmenter; } catch (e) {}\n';

function fail(message) {
  process.stderr.write(`search.mjs: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  let base = '/';
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--base') base = argv[++i] ?? fail('--base needs a value');
    else rest.push(argv[i]);
  }
  if (rest.length !== 2) fail('usage: node tests/tools/search.mjs [--base /sub/] <site-dir> <cases.json>');
  if (!base.startsWith('/')) base = `/${base}`;
  if (!base.endsWith('/')) base = `${base}/`;
  return { root: resolve(rest[0]), cases: JSON.parse(readFileSync(rest[1], 'utf8')), base };
}

function listen() {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(`${e.effectiveDirective} (${e.blockedURI || 'inline'})`);
  });
}

function queryUrl(origin, base, c, path = 'search.html') {
  const p = new URLSearchParams();
  p.set('q', c.q);
  if (c.sort) p.set('sort', c.sort);
  for (const [name, values] of Object.entries(c.filters ?? {})) {
    for (const v of values) p.append(name, v);
  }
  return `${origin}${base}${path}?${p}`;
}

// Waits until the page has finished a search: its status is set and is not
// the "searching" one, and neither the results nor the filters (drawn after
// the results when none is chosen) are aria-busy.
async function settled(page) {
  await page.waitForFunction(() => {
    const s = document.querySelector('[data-search-status]');
    const list = document.querySelector('[data-search-results]');
    const filters = document.querySelector('[data-search-filters]');
    return s && s.textContent && s.textContent !== '正在搜索……'
      && !list.hasAttribute('aria-busy') && !(filters && filters.hasAttribute('aria-busy'));
  });
}

async function readResults(page, base) {
  // Every result: press "more" until it hides.
  for (let i = 0; i < 1000; i++) {
    const more = page.locator('[data-search-more]');
    if (!(await more.isVisible())) break;
    const before = await page.locator('.search-result').count();
    await more.click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('.search-result').length > n
        && !document.querySelector('[data-search-results]').hasAttribute('aria-busy'),
      before,
    );
  }
  return page.evaluate((base) => {
    const results = [...document.querySelectorAll('.search-result')];
    const urls = results.map((li) => {
      const path = new URL(li.querySelector('a').href).pathname;
      return decodeURIComponent(path.startsWith(base) ? path.slice(base.length) : path);
    });
    const titles = results.map((li) => li.querySelector('h2').textContent);
    const dates = results.map((li) => {
      const dt = [...li.querySelectorAll('.search-facts dt')].find((d) => d.textContent === '发布日期');
      return dt ? dt.nextElementSibling.textContent : '';
    });
    const filters = {};
    const checked = {};
    for (const fs of document.querySelectorAll('.search-filter')) {
      const name = fs.querySelector('legend').textContent;
      filters[name] = {};
      for (const choice of fs.querySelectorAll('.search-choice')) {
        const box = choice.querySelector('input');
        const m = /^(.*)（(\d+)）$/.exec(choice.querySelector('label').textContent);
        if (m) filters[name][m[1]] = Number(m[2]);
        if (box.checked) (checked[name] ??= []).push(box.value);
      }
    }
    const facts = (li) => [...li.querySelectorAll('.search-facts dt')].map((dt) => `${dt.textContent}：${dt.nextElementSibling.textContent}`);
    const allFacts = results.map(facts);
    const li = results[0];
    const first = li && {
      title: li.querySelector('h2').textContent,
      facts: facts(li),
      snippet: li.querySelector('.search-snippet')?.textContent ?? '',
      marks: [...li.querySelectorAll('mark')].map((m) => m.textContent),
    };
    const shown = (el) => Boolean(el && el.checkVisibility());
    return {
      status: document.querySelector('[data-search-status]').textContent,
      address: decodeURIComponent(location.search),
      field: document.getElementById('search-q').value,
      docTitle: document.title,
      modeLinks: [...document.querySelectorAll('a.elder-toggle')].map((a) => decodeURIComponent(a.getAttribute('href'))),
      noteShown: shown(document.querySelector('[data-search-nojs-note]')),
      columnsShown: shown(document.querySelector('[data-search-nojs] .search-columns')),
      urls,
      titles,
      dates,
      allFacts,
      filters,
      checked,
      first,
    };
  }, base);
}

async function cspProblems(page) {
  return page.evaluate(() => window.__cspViolations ?? []);
}

async function main() {
  const { root, cases, base } = parseArgs(process.argv.slice(2));
  let chromium;
  try {
    ({ chromium } = require('playwright-core'));
  } catch {
    fail('playwright-core is not installed: run `npm ci --ignore-scripts --prefix tests/tools`');
  }
  const server = await serve(root, base, { 'content-security-policy': POLICY });
  const origin = `http://127.0.0.1:${server.address().port}`;
  let browser;
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 60_000 });
  } catch (e) {
    server.close();
    fail(`could not start Chromium at ${executablePath}: ${e.message}`);
  }
  const out = { queries: [], csp: [], external: [], missing: [] };
  const watch = async (context, segmenter) => {
    await context.addInitScript(listen);
    if (!segmenter) {
      await context.addInitScript(NO_SEGMENTER);
      // Pagefind's module is a script of its own.
      await context.route(/pagefind\/pagefind\.js$/, async (route) => {
        const response = await route.fetch();
        const body = await response.text();
        await route.fulfill({ response, body: NO_SEGMENTER + body });
      });
    }
    await context.route(
      (url) => url.origin !== origin,
      (route) => {
        out.external.push(route.request().url());
        return route.abort('blockedbyclient');
      },
    );
    context.on('console', (msg) => {
      if (msg.type() === 'error') out.csp.push(`console: ${msg.text()}`);
    });
    // A file the page asks for and the site does not have (Pagefind falls
    // back quietly when its worker is missing, so a console error is not
    // enough to notice one).
    context.on('response', (response) => {
      if (response.status() >= 400) out.missing.push(`${response.status()} ${response.url()}`);
    });
  };
  try {
    const normal = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await watch(normal, true);
    const old = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await watch(old, false);
    let phoneContext = null;
    for (const c of cases.queries ?? []) {
      if (c.phone && !phoneContext) {
        phoneContext = await browser.newContext({ viewport: { width: 375, height: 667 } });
        await watch(phoneContext, true);
      }
      let broken = null;
      const fail = (route) => route.abort('failed');
      if (c.noIndex) {
        broken = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        await broken.route(/\/pagefind\//, fail);
      }
      const page = await (broken ?? (c.phone ? phoneContext : c.noSegmenter ? old : normal)).newPage();
      page.setDefaultTimeout(30_000);
      page.on('pageerror', (e) => out.csp.push(`page error: ${e.message}`));
      await page.goto(queryUrl(origin, base, c, c.path));
      await settled(page);
      const segmenter = await page.evaluate(() => typeof Intl.Segmenter);
      const result = { q: c.q, segmenter, ...(await readResults(page, base)), steps: [] };
      // The index back before the steps (the network came back).
      if (c.noIndex === 'once') await broken.unroute(/\/pagefind\//, fail);
      for (const step of c.steps ?? []) {
        const before = page.url();
        if (step.submit !== undefined) {
          await page.fill('#search-q', step.submit);
          await page.press('#search-q', 'Enter');
        } else if (step.toggle) {
          // A filter's checkbox, by its legend and value, pressed.
          const [legend, value] = step.toggle;
          await page.locator('.search-filter').filter({ has: page.locator('legend', { hasText: legend }) })
            .locator(`input[value="${value}"]`).click();
          await page.waitForFunction((url) => location.href !== url, before);
        } else if (step.back) {
          await page.evaluate(() => history.back());
          await page.waitForFunction((url) => location.href !== url, before);
        }
        await settled(page);
        result.steps.push(await readResults(page, base));
      }
      out.queries.push(result);
      if (!broken) out.csp.push(...(await cspProblems(page)));
      await page.close();
      if (broken) await broken.close();
    }
    const checks = new Set(cases.checks ?? []);
    if (checks.has('nojs')) {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${origin}${base}search.html?q=${encodeURIComponent('垃圾分类')}`);
      const look = () => page.evaluate(() => {
        const note = document.querySelector('[data-search-nojs-note]');
        return {
          appHidden: document.querySelector('[data-search-app]').hidden,
          noticeShown: Boolean(note?.checkVisibility()),
          notice: note?.textContent ?? '',
          noticeBottom: note?.getBoundingClientRect().bottom ?? null,
          fieldTop: document.getElementById('search-q').getBoundingClientRect().top,
          screen: innerHeight,
          columnsShown: Boolean(document.querySelector('[data-search-nojs]')?.checkVisibility()),
          links: [...document.querySelectorAll('[data-search-nojs] a')].map((a) => a.getAttribute('href')),
        };
      });
      out.nojs = await look();
      // A small phone's screen (320 px): the notice on the first screen.
      await page.setViewportSize({ width: 320, height: 568 });
      out.nojs.narrow = await look();
      await context.close();
    }
    if (checks.has('keyboard')) {
      const page = await normal.newPage();
      page.setDefaultTimeout(30_000);
      await page.goto(`${origin}${base}index.html`);
      const kb = {};
      // Tab from the top of a page to the masthead's search field.
      let tabs = 0;
      for (; tabs < 40; tabs++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(() => document.activeElement?.id === 'site-search-q')) break;
      }
      kb.tabsToHeaderField = tabs + 1;
      await page.keyboard.type('垃圾分类');
      await Promise.all([page.waitForURL(/search\.html\?q=/), page.keyboard.press('Enter')]);
      await settled(page);
      kb.fromHeader = decodeURIComponent(new URL(page.url()).search);
      kb.resultsShown = await page.locator('.search-result').count();
      // Tab from the page's own field to the first result.
      await page.focus('#search-q');
      const firstHref = await page.locator('.search-result a').first().getAttribute('href');
      // Past the button, the link that skips the order and the filters:
      // Enter on it, and the next Tab is on the first result.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      kb.skipLink = await page.evaluate(() => document.activeElement?.textContent ?? '');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      kb.afterSkip = await page.evaluate((first) => document.activeElement?.getAttribute('href') === first, firstHref);
      kb.addressAfterSkip = decodeURIComponent(new URL(page.url()).search + new URL(page.url()).hash);
      await page.focus('#search-q');
      kb.reachedResult = false;
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        const href = await page.evaluate(() => document.activeElement?.getAttribute('href'));
        if (href && href === firstHref) {
          kb.reachedResult = true;
          break;
        }
      }
      if (kb.reachedResult) {
        await Promise.all([page.waitForURL((u) => u.href.endsWith(firstHref)), page.keyboard.press('Enter')]);
        kb.opened = decodeURIComponent(new URL(page.url()).pathname.slice(base.length));
      }
      // A filter toggled with the space bar searches again and keeps focus.
      await page.goto(`${origin}${base}search.html?q=${encodeURIComponent('垃圾分类')}`);
      await settled(page);
      const box = page.locator('.search-filter input').first();
      await box.focus();
      const boxId = await box.getAttribute('id');
      const before = await page.locator('.search-result').count();
      await page.keyboard.press('Space');
      await page.waitForFunction((id) => document.activeElement?.id === id, boxId);
      await settled(page);
      kb.filterKeepsFocus = await page.evaluate((id) => document.activeElement?.id === id, boxId);
      kb.filterChecked = await page.locator(`#${boxId}`).isChecked();
      kb.resultsBeforeAfter = [before, await page.locator('.search-result').count()];
      out.keyboard = kb;
      await page.close();
    }
    if (checks.has('phone')) {
      // A phone's screen: the order and the filters fold into one line, so
      // the first results show without scrolling; chosen filters keep them
      // open.
      const context = await browser.newContext({ viewport: { width: 375, height: 667 } });
      await watch(context, true);
      let filterFiles = 0;
      context.on('request', (r) => {
        if (/\/pagefind\/filter\//.test(r.url())) filterFiles += 1;
      });
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      await page.goto(`${origin}${base}search.html?q=${encodeURIComponent('老旧小区')}`);
      await settled(page);
      const look = async () => ({ filterFiles, ...(await page.evaluate(() => ({
        filtersOpen: document.querySelector('[data-search-tools]').open,
        firstResultTop: document.querySelector('.search-result')?.getBoundingClientRect().top ?? null,
        fieldBottom: document.getElementById('search-q').getBoundingClientRect().bottom,
        statusBottom: document.querySelector('[data-search-status]').getBoundingClientRect().bottom,
        screen: innerHeight,
        filtersShown: [...document.querySelectorAll('.search-filter')].filter((f) => f.checkVisibility()).length,
      }))) });
      const phone = { folded: await look() };
      await page.focus('[data-search-tools] > summary');
      // The filters drawn, and no longer being counted.
      const drawn = (timeout) => page.waitForFunction(() => document.querySelector('.search-filter')
        && !document.querySelector('[data-search-filters]').hasAttribute('aria-busy'), null, { timeout });
      await page.keyboard.press('Enter');
      await drawn(30_000);
      phone.opened = await look();
      await page.goto(`${origin}${base}search.html?q=${encodeURIComponent('老旧小区')}&${encodeURIComponent('栏目')}=${encodeURIComponent('通知公告')}`);
      await settled(page);
      phone.chosen = await look();
      // Opened at once, before the search has answered.
      await page.goto(`${origin}${base}search.html?q=${encodeURIComponent('垃圾分类')}`);
      await page.click('[data-search-tools] > summary');
      await settled(page);
      await drawn(10_000).catch(() => {});
      phone.early = await look();
      out.phone = phone;
      await context.close();
    }
    if (checks.has('print')) {
      // Printed: the page says what was searched, with the filters chosen.
      const page = await normal.newPage();
      page.setDefaultTimeout(30_000);
      const p = new URLSearchParams({ q: '垃圾分类', 栏目: '通知公告', sort: 'newest' });
      await page.goto(`${origin}${base}search.html?${p}`);
      await settled(page);
      const text = () => page.evaluate(() => document.querySelector('main').innerText);
      out.print = { screen: await text() };
      await page.emulateMedia({ media: 'print' });
      out.print.paper = await text();
      await page.close();
    }
    if (checks.has('axe')) {
      const context = await browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      out.axe = [];
      for (const q of ['老旧小区', '2022年']) {
        await page.goto(`${origin}${base}search.html?q=${encodeURIComponent(q)}`);
        await settled(page);
        for (const v of await auditLoaded(page, axeSource())) {
          out.axe.push(`search.html?q=${q}: ${v.id}: ${v.help} (${v.nodes[0] ?? ''})`);
        }
      }
      await context.close();
    }
    await normal.close();
    await old.close();
  } finally {
    await browser.close();
    server.close();
  }
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}

main().catch((e) => fail(e.stack ?? String(e)));
