#!/usr/bin/env node
// Accessibility check of a folder of generated HTML: axe-core (WCAG 2.1 A/AA
// rules only) in Debian's headless Chromium, driven by playwright-core, plus
// a reflow check at a 320 px wide viewport (WCAG 1.4.10).
//
// Usage: node tests/tools/axe.mjs [--base /sub/path/] <dir-of-html-files>
//
// The folder is served over HTTP on 127.0.0.1 (an ephemeral port) rather than
// opened as file:// URLs, so root-relative links and stylesheets resolve the
// way a static host resolves them; axe's colour-contrast rule needs the real
// CSS. `--base` mounts the folder under a sub-path, for sites built with a
// base_url such as https://example.gov.cn/xxgk/.
//
// Output (stdout): a JSON array, one entry per page, in path order:
//   [{"page": "tzgg/index.html", "violations": [{"id", "impact", "help", "nodes": [target...]}]}]
// Extra violation ids besides axe's own:
//   overflow-320       the document scrolls sideways at 320 px
//   external-resource  the page tried to load something not from the site
//                      (the request is blocked; the portal must be self-contained)
//   page-load          the page could not be loaded at all
// Exit code: 0 no violation, 1 some violation, 2 the check itself could not run
// (bad usage, no Chromium, a hang); the reason goes to stderr.
//
// Chromium: $CHROMIUM, else /usr/bin/chromium (Debian's `chromium` package).
// Playwright's own browser download is never used.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { CHROMIUM_ARGS, executablePath } from './chromium.mjs';
import { serve, htmlFiles } from './static_host.mjs';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const NARROW = 320;
const WIDE = { width: 1280, height: 900 };

function fail(message) {
  process.stderr.write(`axe.mjs: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  let base = '/';
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--base') {
      base = argv[++i] ?? fail('--base needs a value');
    } else if (argv[i].startsWith('--base=')) {
      base = argv[i].slice('--base='.length);
    } else {
      rest.push(argv[i]);
    }
  }
  if (rest.length !== 1) {
    fail('usage: node tests/tools/axe.mjs [--base /sub/path/] <dir-of-html-files>');
  }
  if (!base.startsWith('/')) base = `/${base}`;
  if (!base.endsWith('/')) base = `${base}/`;
  return { root: resolve(rest[0]), base };
}

// Runs in the page: the innermost elements that stick out past the viewport,
// as short CSS paths, so a failure says what to fix.
function overflowCulprits(limit) {
  const vw = document.documentElement.clientWidth;
  // Either the box itself reaches past the viewport, or its content spills
  // out of it (a long unbroken line in a <pre> or a URL).
  const sticksOut = (el) =>
    el.getBoundingClientRect().right > vw + 1 ||
    (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible');
  const path = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.documentElement; e = e.parentElement) {
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
  const found = [];
  for (const el of document.body ? document.body.querySelectorAll('*') : []) {
    if (found.length >= limit) break;
    if (sticksOut(el) && ![...el.children].some(sticksOut)) found.push(path(el));
  }
  return { scrollWidth: document.documentElement.scrollWidth, culprits: found };
}

// axe-core's WCAG 2.1 A/AA violations and the 320 px reflow check of the
// page as `page` shows it now (search.mjs audits its results this way, after
// its script has drawn them). The viewport is left at 320 px.
export async function auditLoaded(page, axeSource) {
  const violations = [];
  await page.setViewportSize(WIDE);
  // evaluate() runs through the DevTools protocol, so a page's
  // Content-Security-Policy cannot block the injected axe source.
  await page.evaluate(axeSource);
  const found = await page.evaluate(
    async (tags) => {
      const result = await window.axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => n.target.map(String).join(' ')),
      }));
    },
    TAGS,
  );
  violations.push(...found);
  await page.setViewportSize({ width: NARROW, height: WIDE.height });
  const { scrollWidth, culprits } = await page.evaluate(overflowCulprits, 5);
  if (scrollWidth > NARROW + 1) {
    violations.push({
      id: 'overflow-320',
      impact: 'serious',
      help: `Page must not scroll sideways at 320 px (WCAG 1.4.10 Reflow): document is ${scrollWidth} px wide`,
      nodes: culprits.length ? culprits : ['html'],
    });
  }
  return violations;
}

// The axe-core source, for auditLoaded.
export function axeSource() {
  return readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
}

async function checkPage(page, url, source) {
  const violations = [];
  const external = [];
  const origin = new URL(url).origin;
  const onRequest = (req) => {
    const u = req.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) external.push(u);
  };
  page.on('request', onRequest);
  try {
    await page.setViewportSize(WIDE);
    const response = await page.goto(url, { waitUntil: 'load' });
    if (!response || !response.ok()) {
      throw new Error(`HTTP ${response ? response.status() : 'no response'}`);
    }
    violations.push(...(await auditLoaded(page, source)));
  } catch (e) {
    violations.push({
      id: 'page-load',
      impact: 'critical',
      help: `Page could not be checked: ${String(e.message ?? e).split('\n')[0]}`,
      nodes: ['html'],
    });
  } finally {
    page.off('request', onRequest);
  }
  if (external.length) {
    violations.push({
      id: 'external-resource',
      impact: 'serious',
      help: 'Page must not load resources from outside the site (blocked here)',
      nodes: [...new Set(external)],
    });
  }
  return violations;
}

async function main() {
  const { root, base } = parseArgs(process.argv.slice(2));
  if (!existsSync(root) || !statSync(root).isDirectory()) fail(`not a directory: ${root}`);
  if (!existsSync(executablePath)) {
    fail(`Chromium not found at ${executablePath}: run \`apt-get install -y chromium\` (or set CHROMIUM=/path/to/chromium)`);
  }
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    fail('playwright-core is not installed: run `npm ci --ignore-scripts --prefix tests/tools`');
  }
  const source = axeSource();

  const pages = htmlFiles(root);
  // A watchdog, so a wedged browser fails the test run instead of hanging it.
  const budget = 60_000 + 15_000 * pages.length;
  const watchdog = setTimeout(() => fail(`timed out after ${budget / 1000} s`), budget);
  watchdog.unref();

  const server = await serve(root, base);
  const origin = `http://127.0.0.1:${server.address().port}`;
  let browser;
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 60_000 });
  } catch (e) {
    server.close();
    fail(`could not start Chromium at ${executablePath}: ${e.message}`);
  }
  const report = [];
  try {
    const context = await browser.newContext({ viewport: WIDE, bypassCSP: true });
    // Anything not from our server is recorded by checkPage and never fetched:
    // there is no network here, and a portal must not depend on one.
    await context.route(
      (url) => url.origin !== origin,
      (route) => route.abort('blockedbyclient'),
    );
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    for (const rel of pages) {
      const url = `${origin}${base}${rel.split('/').map(encodeURIComponent).join('/')}`;
      report.push({ page: rel, violations: await checkPage(page, url, source) });
    }
  } finally {
    await browser.close();
    server.close();
  }
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  process.exitCode = report.some((p) => p.violations.length) ? 1 : 0;
}

// Run as a program, not when search.mjs imports auditLoaded.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => fail(e.stack ?? String(e)));
}
