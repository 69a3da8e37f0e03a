#!/usr/bin/env node
// Layout checks of generated pages for citizens' devices (issue 12), in
// Debian's headless Chromium driven by playwright-core:
//
//   overflow      the page scrolls sideways (scrollWidth > innerWidth)
//   broken-unit   a date (.nowrap, .date) runs over two lines, or a year or
//                 number inside a 文号/索引号 (.doc-no) is split by a line break
//   sticky        a report table's row label does not stay at the left of
//                 its box after the box is scrolled sideways, or is not
//                 opaque and on top of the numbers
//   scroll-box    a table box that scrolls has no label, no tabindex="0",
//                 or nothing that tells the reader there is more (the
//                 .scroll-hint before it, or the edge shadow of the box)
//   target        a nav, pager, attachment or list link is under 44 px tall
//                 (or a nav or pager link under 44 px wide)
//   style-attr    an element has a style="" attribute (a strict CSP forbids it)
//   print         in print emulation: a nav, skip link or pager is shown, the
//                 信息索引 or the 发布 date is not, or a body link does not
//                 print its URL after it
//   motion        smooth scrolling is not off under prefers-reduced-motion
//   contrast      text is not black under prefers-contrast: more
//
// Widths: 320, 375 and 1280 px; and 1280 px at 200% zoom, emulated as what
// browser zoom does: a 640 CSS px wide viewport with 2 device pixels per
// CSS pixel.
//
// Usage:
//   node tests/tools/layout.mjs [--base /sub/] <dir> <page.html>...
//     prints a JSON array of "page @ view: check: detail" strings; exit 0
//     when empty, 1 when not, 2 when the check could not run.
//   node tests/tools/layout.mjs --shot <out.png> [--at <selector>] [--base /sub/] [--width 375] <dir> <page.html>
//     saves a screenshot of one screen of the page at that width: the
//     first, or the one that starts at the element <selector>.

import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { CHROMIUM_ARGS, executablePath } from './chromium.mjs';
import { serve } from './static_host.mjs';

const require = createRequire(import.meta.url);

export const VIEWS = [
  { name: '320', width: 320, height: 640, scale: 1 },
  { name: '375', width: 375, height: 700, scale: 1 },
  { name: '1280', width: 1280, height: 900, scale: 1 },
  { name: '1280@200%', width: 640, height: 450, scale: 2 },
];

function fail(message) {
  process.stderr.write(`layout.mjs: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { base: '/', shot: null, at: null, width: 375, rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--base') opts.base = argv[++i] ?? fail('--base needs a value');
    else if (a === '--shot') opts.shot = argv[++i] ?? fail('--shot needs a file');
    else if (a === '--at') opts.at = argv[++i] ?? fail('--at needs a CSS selector');
    else if (a === '--width') opts.width = Number(argv[++i] ?? fail('--width needs a number'));
    else opts.rest.push(a);
  }
  if (opts.rest.length < 2) {
    fail('usage: node tests/tools/layout.mjs [--shot out.png] [--base /sub/] <dir> <page.html>...');
  }
  if (!opts.base.startsWith('/')) opts.base = `/${opts.base}`;
  if (!opts.base.endsWith('/')) opts.base = `${opts.base}/`;
  opts.root = resolve(opts.rest[0]);
  opts.pages = opts.rest.slice(1);
  return opts;
}

// Runs in the page at one width: every finding of the screen checks.
async function screenChecks() {
  const found = [];
  const path = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      let part = e.localName;
      if (e.id) {
        parts.unshift(`${part}#${e.id}`);
        break;
      }
      if (e.classList.length) part += `.${[...e.classList].join('.')}`;
      parts.unshift(part);
    }
    return parts.join(' > ');
  };
  const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  // Lines a text range covers: its fragments' distinct tops.
  const lines = (range) => new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;

  const vw = window.innerWidth;
  const sw = document.documentElement.scrollWidth;
  if (sw > vw) found.push(`overflow: scrollWidth ${sw} > innerWidth ${vw}`);

  for (const el of document.querySelectorAll('.nowrap, .date')) {
    if (!shown(el) || !el.textContent.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(el);
    if (lines(range) > 1) found.push(`broken-unit: ${path(el)} 「${el.textContent.trim()}」 runs over ${lines(range)} lines`);
  }
  // A 文号 or 索引号 may wrap between its units (before 〔, after 〕, after
  // the / of an 索引号, whose parts are .unit boxes), never inside one.
  for (const el of document.querySelectorAll('.doc-no')) {
    if (!shown(el)) continue;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.data.matchAll(/〔\d+〕|\d+号|[0-9A-Za-z]+(?:-\d+)*/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        if (lines(range) > 1) found.push(`broken-unit: ${path(el)} 「${m[0]}」 is split over ${lines(range)} lines`);
      }
    }
  }

  for (const box of document.querySelectorAll('.table-scroll')) {
    if (!shown(box) || box.scrollWidth <= box.clientWidth + 1) continue;
    const name = path(box.querySelector('table') ?? box);
    if (!box.getAttribute('aria-label') && !box.getAttribute('aria-labelledby')) found.push(`scroll-box: ${name} has no label`);
    if (box.getAttribute('tabindex') !== '0') found.push(`scroll-box: ${name} cannot be scrolled by keyboard (no tabindex="0")`);
    const hint = box.previousElementSibling;
    const hinted = hint && hint.classList.contains('scroll-hint') && shown(hint);
    if (!hinted && !getComputedStyle(box).backgroundImage.includes('gradient')) {
      found.push(`scroll-box: ${name} scrolls but nothing shows that there is more`);
    }
    const labels = [...box.querySelectorAll('.sticky-first tbody tr > th:first-child, .sticky-labels tbody th')];
    if (!labels.length) continue;
    box.scrollLeft = box.scrollWidth;
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    const left = box.getBoundingClientRect().left + box.clientLeft;
    // Rows the box shows after scrolling; labels of one row start at the
    // left edge (the first) or right after the label before them.
    for (const label of labels) {
      const r = label.getBoundingClientRect();
      const row = label.parentElement;
      const before = [...row.children].slice(0, [...row.children].indexOf(label)).filter((c) => c.localName === 'th');
      const expected = before.length ? before[before.length - 1].getBoundingClientRect().right : null;
      const atLeft = Math.abs(r.left - left) <= 1.5;
      const afterPrev = expected !== null && Math.abs(r.left - expected) <= 1.5;
      const grouped = label.closest('.sticky-labels') && !label.classList.contains('col0') && !before.length;
      if (!atLeft && !afterPrev && !grouped) {
        found.push(`sticky: ${path(label)} 「${label.textContent.trim().slice(0, 12)}」 left ${r.left.toFixed(1)} after scrolling, box left ${left.toFixed(1)}`);
        break;
      }
      if (grouped && r.left < left - 1.5) {
        found.push(`sticky: ${path(label)} 「${label.textContent.trim().slice(0, 12)}」 scrolled out of the box`);
        break;
      }
      const x = Math.min(r.left + r.width / 2, window.innerWidth - 1);
      const y = r.top + Math.min(r.height / 2, 8);
      if (y > 0 && y < window.innerHeight) {
        const hit = document.elementFromPoint(x, y);
        if (hit && hit !== label && !label.contains(hit)) {
          found.push(`sticky: ${path(label)} is covered by ${path(hit)} after scrolling`);
          break;
        }
      }
      const bg = getComputedStyle(label).backgroundColor;
      if (bg === 'transparent' || bg === 'rgba(0, 0, 0, 0)') {
        found.push(`sticky: ${path(label)} has no opaque background`);
        break;
      }
    }
    box.scrollLeft = 0;
  }

  const targets = 'nav.columns a, .pager a, .attachments a, .item-list a';
  for (const a of document.querySelectorAll(targets)) {
    if (!shown(a)) continue;
    const r = a.getBoundingClientRect();
    const wide = a.matches('nav.columns a, .pager a');
    if (r.height < 43.99 || (wide && r.width < 43.99)) {
      found.push(`target: ${path(a)} 「${a.textContent.trim().slice(0, 12)}」 is ${r.width.toFixed(1)}×${r.height.toFixed(1)} px`);
    }
  }
  for (const el of document.querySelectorAll('[style]')) found.push(`style-attr: ${path(el)}`);
  return found;
}

// Runs in the page under print emulation.
function printChecks() {
  const found = [];
  const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  for (const el of document.querySelectorAll('nav, .skip, .pager, header form, header button')) {
    if (shown(el)) found.push(`print: ${el.localName}.${[...el.classList].join('.')} is printed`);
  }
  const catalog = document.querySelector('.catalog');
  if (catalog && !shown(catalog)) found.push('print: the 信息索引 is not printed');
  const byline = document.querySelector('.byline');
  if (byline && (!shown(byline) || !/发布日期|更新日期/.test(byline.innerText))) found.push('print: the 发布/更新 date is not printed');
  for (const a of document.querySelectorAll('.body a[href]:not([href^="#"]), .attachments a[href]')) {
    const after = getComputedStyle(a, '::after').content;
    // An address typed into the text is its own link's text: printed once.
    if (a.classList.contains('url')) {
      if (!a.getAttribute('href').endsWith(a.textContent.trim()) || after !== 'none') found.push(`print: address 「${a.textContent.trim().slice(0, 12)}」 is not printed once as typed (::after ${after})`);
      continue;
    }
    if (!after.includes(a.getAttribute('href'))) found.push(`print: link 「${a.textContent.trim().slice(0, 12)}」 does not print its URL (::after ${after})`);
  }
  for (const a of document.querySelectorAll('nav a, .breadcrumb a, header a')) {
    const after = getComputedStyle(a, '::after').content;
    if (after.includes('(')) found.push(`print: navigation link 「${a.textContent.trim()}」 prints its URL`);
  }
  // Paper has no address bar: a page with a full address prints it.
  const canonical = document.querySelector('link[rel=canonical]');
  if (canonical) {
    const url = canonical.getAttribute('href');
    const printed = [...document.querySelectorAll('body *')].some((el) => shown(el) && el.children.length === 0 && el.textContent.includes(url));
    if (!printed) found.push(`print: the page's address ${url} is not printed`);
  }
  if (getComputedStyle(document.body).color !== 'rgb(0, 0, 0)') found.push('print: body text is not black');
  return found;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  let playwright;
  try {
    playwright = require('playwright-core');
  } catch (e) {
    fail(`playwright-core is not installed in tests/tools (${e.message})`);
  }
  const server = await serve(opts.root, opts.base);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await playwright.chromium
    .launch({ executablePath, args: CHROMIUM_ARGS, timeout: 60_000 })
    .catch((e) => fail(`cannot start Chromium at ${executablePath}: ${e.message}`));
  const timer = setTimeout(() => fail('timed out after 240 s'), 240_000);
  const url = (page) => `${origin}${opts.base}${page}`;
  try {
    if (opts.shot) {
      const context = await browser.newContext({
        viewport: { width: opts.width, height: 760 },
        deviceScaleFactor: 1,
        reducedMotion: 'reduce',
      });
      const page = await context.newPage();
      await page.goto(url(opts.pages[0]), { waitUntil: 'load' });
      if (opts.at) await page.locator(opts.at).first().evaluate((e) => e.scrollIntoView());
      await page.screenshot({ path: opts.shot });
      await context.close();
      return 0;
    }
    const found = [];
    for (const view of VIEWS) {
      const context = await browser.newContext({
        viewport: { width: view.width, height: view.height },
        deviceScaleFactor: view.scale,
        reducedMotion: 'no-preference',
      });
      const page = await context.newPage();
      page.on('request', (req) => {
        if (!req.url().startsWith(origin)) found.push(`${req.url()}: external request`);
      });
      for (const p of opts.pages) {
        const response = await page.goto(url(p), { waitUntil: 'load' });
        if (!response || !response.ok()) {
          found.push(`${p} @ ${view.name}: page-load: HTTP ${response ? response.status() : 'none'}`);
          continue;
        }
        // Lazy images load only near the viewport, after 'load': load them
        // all before measuring, or a wide image's overflow is missed.
        await page.evaluate(() => Promise.all([...document.images].map((img) => {
          img.loading = 'eager';
          return img.complete ? null : new Promise((done) => { img.onload = img.onerror = done; });
        })));
        for (const f of await page.evaluate(screenChecks)) found.push(`${p} @ ${view.name}: ${f}`);
        if (view.name === '375') {
          await page.emulateMedia({ media: 'print' });
          for (const f of await page.evaluate(printChecks)) found.push(`${p} @ print: ${f}`);
          await page.emulateMedia({ media: 'screen', reducedMotion: 'reduce' });
          const still = await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior);
          if (still !== 'auto') found.push(`${p} @ reduced motion: motion: scroll-behavior is ${still}`);
          await page.emulateMedia({ reducedMotion: 'no-preference', contrast: 'more' });
          const color = await page.evaluate(() => getComputedStyle(document.body).color);
          if (color !== 'rgb(0, 0, 0)') found.push(`${p} @ more contrast: contrast: body text is ${color}`);
          await page.emulateMedia({ contrast: 'no-preference' });
        }
      }
      await context.close();
    }
    process.stdout.write(`${JSON.stringify(found, null, 1)}\n`);
    return found.length ? 1 : 0;
  } finally {
    clearTimeout(timer);
    await browser.close();
    server.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => fail(e.stack || String(e)),
);
