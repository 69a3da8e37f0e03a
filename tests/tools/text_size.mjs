#!/usr/bin/env node
// The size text is drawn at on a phone, for tests/suite/citizens_layout.rs:
// serves a built site on 127.0.0.1 and, in Debian's headless Chromium
// (playwright-core) without JavaScript, opens each page at each width and
// measures every visible text under a selector. A text's size is its
// computed font size times the scale it is drawn at: 1 for HTML text, and
// for text inside an SVG the scale of the SVG's user units to screen pixels
// (its screen CTM). A chart drawn at 720 units with 13-unit labels and
// scaled to a 288 px column draws them at 5.2 px, whatever its font-size
// says; elder.mjs skips SVG text, so this is where it is measured.
//
// Usage: node tests/tools/text_size.mjs [--base /sub/] [--within <selector>]
//          [--widths 320,375] <public-dir> <page>=<min-px>...
//   <page>: an output path (`ndbg/index.html`); <min-px>: the least size
//   of its texts (12, or 20 for a page of the 长者模式 mirror `zhe/`).
// Output (stdout): JSON {"failures": [...], "pages": [{page, width, texts,
//   minPx}]}; a failure is "page @ width: size px < min px: element "text"".
// Exit code: 0 no failure, 1 some failure, 2 the check could not run.

import { resolve } from 'node:path';
import { CHROMIUM_ARGS, executablePath } from './chromium.mjs';
import { serve } from './static_host.mjs';

function fail(message) {
  process.stderr.write(`text_size.mjs: ${message}\n`);
  process.exit(2);
}

let base = '/';
let within = 'body';
let widths = [320, 375];
const args = [];
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--base') base = process.argv[++i] ?? fail('--base needs a value');
  else if (a === '--within') within = process.argv[++i] ?? fail('--within needs a selector');
  else if (a === '--widths') widths = (process.argv[++i] ?? fail('--widths needs a list')).split(',').map(Number);
  else args.push(a);
}
if (!base.startsWith('/')) base = `/${base}`;
if (!base.endsWith('/')) base = `${base}/`;
if (args.length < 2) fail('usage: text_size.mjs [--base /sub/] [--within sel] [--widths 320,375] <public-dir> <page>=<min-px>...');
const root = resolve(args[0]);
const pages = args.slice(1).map((a) => {
  const at = a.lastIndexOf('=');
  const min = Number(a.slice(at + 1));
  if (at < 1 || !(min > 0)) fail(`\`${a}\` is not <page>=<min-px>`);
  return { page: a.slice(0, at), min };
});

// Runs in the page: the drawn size of every visible text under `within`.
function measure({ within, min }) {
  const scope = document.querySelector(within);
  if (!scope) return { missing: true };
  const describe = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      let p = e.localName;
      if (e.id) {
        parts.unshift(`${p}#${e.id}`);
        break;
      }
      const cls = typeof e.className === 'string' ? e.className : e.getAttribute('class');
      if (cls) p += `.${cls.trim().split(/\s+/).join('.')}`;
      parts.unshift(p);
    }
    return parts.join(' > ');
  };
  const small = new Map();
  let texts = 0;
  let minPx = Infinity;
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent.trim()) continue;
    const el = n.parentElement;
    // Not drawn: the <title> and <desc> of an SVG, a hidden element,
    // one clipped to a pixel (visually-hidden) or off the page (the skip link).
    if (el.closest('title, desc, script, style')) continue;
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    if (style.visibility !== 'visible' || rect.width <= 1 || rect.height <= 1 || rect.right <= 0) continue;
    let size = parseFloat(style.fontSize);
    if (el instanceof SVGGraphicsElement) {
      const m = el.getScreenCTM();
      if (m) size *= Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
    }
    size = Math.round(size * 10) / 10;
    texts++;
    minPx = Math.min(minPx, size);
    if (size < min - 0.05) {
      const key = `${size}px < ${min}px: ${describe(el)}`;
      if (!small.has(key)) small.set(key, n.textContent.trim().slice(0, 20));
    }
  }
  return { texts, minPx, small: [...small].map(([k, t]) => `${k} "${t}"`) };
}

let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch (e) {
  fail(`playwright-core is missing: run \`npm ci --prefix tests/tools --ignore-scripts\` (${e.message})`);
}

const server = await serve(root, base).catch((e) => fail(`cannot serve ${root}: ${e.message}`));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium
  .launch({ executablePath, args: CHROMIUM_ARGS, timeout: 30_000 })
  .catch((e) => fail(`cannot start Chromium at ${executablePath}: ${e.message}`));

const failures = [];
const report = [];
try {
  for (const width of widths) {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 640 } });
    const page = await context.newPage();
    for (const { page: p, min } of pages) {
      const res = await page.goto(`${origin}${base}${p}`);
      if (!res || !res.ok()) {
        failures.push(`${p} @ ${width}: HTTP ${res ? res.status() : 'no response'}`);
        continue;
      }
      const m = await page.evaluate(measure, { within, min });
      if (m.missing) {
        failures.push(`${p} @ ${width}: nothing matches ${within}`);
        continue;
      }
      report.push({ page: p, width, texts: m.texts, minPx: m.minPx });
      if (!m.texts) failures.push(`${p} @ ${width}: no text measured under ${within}`);
      failures.push(...m.small.map((s) => `${p} @ ${width}: ${s}`));
    }
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
