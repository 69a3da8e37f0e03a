#!/usr/bin/env node
// 长者模式 (the elderly-friendly mode of issue 12) in a real browser, for
// tests/suite/elder.rs: serves a built site on 127.0.0.1 and, in Debian's
// headless Chromium (playwright-core):
//   1. with JavaScript: clicks 长者模式 on the home page, then opens other
//      pages (the mode must persist), measures them, runs axe-core with
//      the AAA contrast rule, and clicks 退出长者模式 (the way back);
//   2. without JavaScript: clicks 长者模式 (it must lead into the zhe/
//      mirror), follows a link (it must stay in the mirror), measures, and
//      clicks 退出长者模式 (back to the normal page, normal text);
//   3. in the mode with `prefers-contrast: more` and
//      `prefers-reduced-motion: reduce` emulated, measures again.
// A measurement of a page in the mode: every visible text at least 20 px;
// body text (p, li, td, th, dd, blockquote) with a line height at least
// 1.8 times its size; every visible text with a contrast of at least 7:1
// against its background, both computed from the computed colours with
// WCAG 2.1's relative luminance; the mode's link and the menu links at
// least 48 px high; no transition or animation.
//
// Usage: node tests/tools/elder.mjs [--base /sub/path/] <public-dir> <page>...
//   <page>: output paths to visit after the home page (`tzgg/index.html`).
// Output (stdout): JSON {"failures": [...], "pages": [{page, mode, texts,
//   minFontPx, minLineRatio, minContrast}]}.
// Exit code: 0 no failure, 1 some failure, 2 the check could not run.

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { CHROMIUM_ARGS, executablePath } from './chromium.mjs';
import { serve } from './static_host.mjs';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

function fail(message) {
  process.stderr.write(`elder.mjs: ${message}\n`);
  process.exit(2);
}

let base = '/';
const args = [];
for (let i = 2; i < process.argv.length; i++) {
  if (process.argv[i] === '--base') base = process.argv[++i] ?? fail('--base needs a value');
  else args.push(process.argv[i]);
}
if (!base.startsWith('/')) base = `/${base}`;
if (!base.endsWith('/')) base = `${base}/`;
if (args.length < 2) fail('usage: elder.mjs [--base /sub/] <public-dir> <page>...');
const root = resolve(args[0]);
const pages = args.slice(1);

// Runs in the page: what the mode must give, measured from computed styles.
function measure() {
  const parse = (c) => {
    const m = c.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/);
    return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : null;
  };
  // WCAG 2.1 relative luminance of an sRGB colour.
  const luminance = ([r, g, b]) => {
    const f = (v) => {
      const c = v / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const ratio = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const over = (top, under) => {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + under[i] * (1 - a)).concat(1);
  };
  // The background an element's text is drawn on: its own and its
  // ancestors' background colours, composited, over white.
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) {
        layers.push(c);
        if (c[3] >= 1) break;
      }
    }
    let bg = [255, 255, 255, 1];
    for (const layer of layers.reverse()) bg = over(layer, bg);
    return bg;
  };
  const describe = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      let p = e.localName;
      if (e.id) {
        parts.unshift(`${p}#${e.id}`);
        break;
      }
      if (e.classList.length) p += `.${[...e.classList].join('.')}`;
      parts.unshift(p);
    }
    return parts.join(' > ');
  };
  const failures = [];
  let texts = 0;
  let minFontPx = Infinity;
  let minLineRatio = Infinity;
  let minContrast = Infinity;
  const BODY_TEXT = new Set(['p', 'li', 'td', 'th', 'dd', 'blockquote']);
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('svg')) continue;
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== '');
    if (!own) continue;
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    // Not shown: hidden, clipped to a pixel (visually-hidden), or moved
    // off the page until focused (the skip link).
    if (style.visibility !== 'visible' || rect.width <= 1 || rect.height <= 1 || rect.right <= 0) continue;
    texts++;
    const size = parseFloat(style.fontSize);
    minFontPx = Math.min(minFontPx, size);
    if (size < 20 - 0.01) failures.push(`${describe(el)}: font-size ${size}px < 20px`);
    if (BODY_TEXT.has(el.localName) || el.closest('p, li, td, th, dd, blockquote')) {
      const line = style.lineHeight === 'normal' ? size * 1.2 : parseFloat(style.lineHeight);
      const r = line / size;
      if (BODY_TEXT.has(el.localName)) {
        minLineRatio = Math.min(minLineRatio, r);
        if (r < 1.8 - 0.001) failures.push(`${describe(el)}: line-height ${line}px < 1.8 × ${size}px`);
      }
    }
    const fg = parse(style.color);
    const bg = background(el);
    const c = ratio(over(fg, bg), bg);
    minContrast = Math.min(minContrast, c);
    if (c < 7) failures.push(`${describe(el)}: contrast ${c.toFixed(2)}:1 < 7:1 (${style.color} on rgb(${bg.slice(0, 3).join(', ')}))`);
  }
  for (const el of document.querySelectorAll('a.elder-toggle, nav.columns a, .pager a')) {
    const h = el.getBoundingClientRect().height;
    if (h < 48 - 0.5) failures.push(`${describe(el)}: target ${h}px high < 48px`);
  }
  for (const el of document.querySelectorAll('*')) {
    const s = getComputedStyle(el);
    const moving = (v) => v.split(',').some((d) => parseFloat(d) > 0);
    if (moving(s.transitionDuration) || (s.animationName !== 'none' && moving(s.animationDuration))) {
      failures.push(`${describe(el)}: moves (transition ${s.transitionDuration}, animation ${s.animationName})`);
    }
  }
  return { texts, minFontPx, minLineRatio, minContrast, failures };
}

let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch (e) {
  fail(`playwright-core is missing: run \`npm ci --prefix tests/tools --ignore-scripts\` (${e.message})`);
}
let axeSource;
try {
  axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
} catch (e) {
  fail(`axe-core is missing (${e.message})`);
}

const server = await serve(root, base).catch((e) => fail(`cannot serve ${root}: ${e.message}`));
const origin = `http://127.0.0.1:${server.address().port}`;
const url = (p) => `${origin}${base}${p}`;
const browser = await chromium
  .launch({ executablePath, args: CHROMIUM_ARGS, timeout: 30_000 })
  .catch((e) => fail(`cannot start Chromium at ${executablePath}: ${e.message}`));

const failures = [];
const report = [];
const check = (cond, what) => {
  if (!cond) failures.push(what);
};
const inMode = (page) => page.evaluate(() => document.documentElement.classList.contains('elder'));
const bodySize = (page) => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
const path = (page) => new URL(page.url()).pathname.slice(base.length);

async function measured(page, mode) {
  const m = await page.evaluate(measure);
  const name = path(page) || 'index.html';
  report.push({ page: name, mode, texts: m.texts, minFontPx: m.minFontPx, minLineRatio: m.minLineRatio, minContrast: m.minContrast });
  check(m.texts > 0, `${mode} ${name}: no text measured`);
  failures.push(...m.failures.map((f) => `${mode} ${name}: ${f}`));
}

async function axe(page, mode) {
  await page.evaluate(axeSource);
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag2aaa'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes[0]?.target.join(' ')})`);
  });
  failures.push(...found.map((f) => `${mode} ${path(page) || 'index.html'}: axe ${f}`));
}

try {
  // 1. With JavaScript.
  {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(url('index.html'));
    check(!(await inMode(page)), 'js: the home page starts in the mode');
    const normal = await bodySize(page);
    await page.getByRole('link', { name: '长者模式', exact: true }).click();
    check(await inMode(page), 'js: clicking 长者模式 does not turn the mode on');
    check(path(page) === 'index.html', `js: clicking 长者模式 left the page for ${path(page)}`);
    check((await bodySize(page)) >= 20 && normal < 20, `js: body text ${normal}px → ${await bodySize(page)}px`);
    await measured(page, 'js');
    await axe(page, 'js');
    for (const p of pages) {
      await page.goto(url(p));
      check(await inMode(page), `js: the mode is lost on ${p}`);
      await measured(page, 'js');
    }
    await page.getByRole('link', { name: '退出长者模式', exact: true }).click();
    check(!(await inMode(page)), 'js: clicking 退出长者模式 does not leave the mode');
    await page.goto(url('index.html'));
    check(!(await inMode(page)), 'js: the mode comes back after leaving it');
    check((await bodySize(page)) === normal, 'js: the text is not back to its normal size');
    await page.getByRole('link', { name: '长者模式', exact: true }).waitFor();
    await context.close();
  }
  // 2. Without JavaScript: the zhe/ mirror.
  {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const start = pages[0];
    await page.goto(url(start));
    const normal = await bodySize(page);
    await page.getByRole('link', { name: '长者模式', exact: true }).click();
    await page.waitForLoadState();
    check(path(page) === `zhe/${start}`, `nojs: 长者模式 on ${start} led to ${path(page)}`);
    check(await inMode(page), 'nojs: the mirror page is not in the mode');
    check((await bodySize(page)) >= 20 && normal < 20, `nojs: body text ${normal}px → ${await bodySize(page)}px`);
    await measured(page, 'nojs');
    // A link of the menu keeps the reader in the mirror.
    await page.locator('nav.columns a').first().click();
    await page.waitForLoadState();
    check(path(page).startsWith('zhe/'), `nojs: a menu link left the mirror for ${path(page)}`);
    check(await inMode(page), 'nojs: the mode is lost after a menu link');
    await measured(page, 'nojs');
    for (const p of pages.slice(1)) {
      await page.goto(url(`zhe/${p}`));
      await measured(page, 'nojs');
    }
    const mirrorPath = path(page);
    await page.getByRole('link', { name: '退出长者模式', exact: true }).click();
    await page.waitForLoadState();
    check(`zhe/${path(page)}` === mirrorPath, `nojs: 退出长者模式 on ${mirrorPath} led to ${path(page)}`);
    check(!(await inMode(page)) && (await bodySize(page)) === normal, 'nojs: 退出长者模式 does not give the normal page');
    await context.close();
  }
  // 3. The mode with the reader's system asking for more contrast and
  //    less motion.
  {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      contrast: 'more',
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    for (const p of pages) {
      await page.goto(url(`zhe/${p}`));
      await measured(page, 'contrast-more');
    }
    await page.goto(url('zhe/index.html'));
    const muted = await page.evaluate(() => {
      const el = document.querySelector('.date');
      return el ? getComputedStyle(el).color : null;
    });
    check(muted === 'rgb(0, 0, 0)', `contrast-more: the dates of the home page are ${muted}, not black`);
    await context.close();
  }
} catch (e) {
  failures.push(`the check stopped: ${e.message.split('\n')[0]}`);
} finally {
  await browser.close();
  server.close();
}

process.stdout.write(`${JSON.stringify({ failures, pages: report }, null, 1)}\n`);
process.exit(failures.length ? 1 : 0);
