#!/usr/bin/env node
// What a reader's browser downloads for a first search: serves a built site
// (static_host.mjs), opens search.html?q=<query> in a fresh browser context
// (empty cache), waits until the page has shown its results and the network
// has been quiet for a moment, and adds up the body bytes of every response
// (the page, its CSS and scripts, Pagefind's script, worker and wasm, the
// index chunks, filters and result fragments).
//
// Usage: node tests/tools/search_bytes.mjs [--base /sub/path/] <site-dir> <query>...
//
// Output (stdout): JSON, one entry per query and screen (1280×720, then
// 375×667), each in its own fresh context:
//   [{"q", "screen", "status", "files": [{"path", "type", "bytes", "gzip"}], "total", "totalGzip"}]
// `bytes` is the body as served here (no compression by the host; Pagefind's
// index, filter and fragment files are gzip already). `gzip` is the body
// gzipped at level 9, what a host that compresses text would send (for the
// already-compressed files it is just their size). Paths are relative to
// the base.
// Exit code: 0 it ran, 2 it could not (the reason on stderr).

import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_ARGS, executablePath } from './chromium.mjs';
import { serve } from './static_host.mjs';

const require = createRequire(import.meta.url);

/// Quiet time after the results before the count is taken, ms: fragments
/// of the shown results may load after the status line is set.
const QUIET_MS = 750;

function fail(message) {
  process.stderr.write(`search_bytes.mjs: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  let base = '/';
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--base') base = argv[++i] ?? fail('--base needs a value');
    else rest.push(argv[i]);
  }
  if (rest.length < 2) fail('usage: node tests/tools/search_bytes.mjs [--base /sub/] <site-dir> <query>...');
  if (!base.startsWith('/')) base = `/${base}`;
  if (!base.endsWith('/')) base = `${base}/`;
  return { root: resolve(rest[0]), queries: rest.slice(1), base };
}

// Whether gzip would shrink it: Pagefind's own files (.pf_*) are gzip.
function alreadyCompressed(path) {
  return /\.pf_[a-z]+$/.test(path) || /\.(png|jpe?g|gif|webp|avif|woff2?)$/i.test(path);
}

/// The screens a first query is measured on: a desktop's (the search page's
/// sort and filters shown) and a phone's (folded, the filters not fetched).
const SCREENS = [
  { name: '1280×720', viewport: { width: 1280, height: 720 } },
  { name: '375×667', viewport: { width: 375, height: 667 } },
];

async function measure(browser, origin, base, q, screen) {
  const context = await browser.newContext({ viewport: screen.viewport });
  const files = [];
  const pending = new Set();
  let last = Date.now();
  const done = (request) => {
    pending.delete(request);
    last = Date.now();
  };
  context.on('request', (request) => {
    pending.add(request);
    last = Date.now();
  });
  context.on('requestfailed', done);
  context.on('requestfinished', async (request) => {
    try {
      const response = await request.response();
      const body = response ? await response.body() : Buffer.alloc(0);
      const url = new URL(request.url());
      const path = decodeURIComponent(url.pathname.startsWith(base) ? url.pathname.slice(base.length) : url.pathname);
      files.push({
        path,
        type: request.resourceType(),
        bytes: body.length,
        gzip: alreadyCompressed(path) ? body.length : gzipSync(body, { level: 9 }).length,
      });
    } finally {
      done(request);
    }
  });
  // Nothing from elsewhere: the site must not need it, and it is not counted.
  await context.route(
    (url) => url.origin !== origin,
    (route) => route.abort('blockedbyclient'),
  );
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(`${origin}${base}search.html?q=${encodeURIComponent(q)}`);
  await page.waitForFunction(() => {
    const s = document.querySelector('[data-search-status]');
    return s && s.textContent && s.textContent !== '正在搜索……';
  });
  const status = await page.evaluate(() => document.querySelector('[data-search-status]').textContent);
  const started = Date.now();
  while (pending.size > 0 || Date.now() - last < QUIET_MS) {
    if (Date.now() - started > 30_000) fail(`${q}: requests still pending after 30 s`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
  await context.close();
  files.sort((a, b) => a.path.localeCompare(b.path));
  const sum = (key) => files.reduce((n, f) => n + f[key], 0);
  return { q, screen: screen.name, status, files, total: sum('bytes'), totalGzip: sum('gzip') };
}

async function main() {
  const { root, queries, base } = parseArgs(process.argv.slice(2));
  let chromium;
  try {
    ({ chromium } = require('playwright-core'));
  } catch {
    fail('playwright-core is not installed: run `npm ci --ignore-scripts --prefix tests/tools`');
  }
  const server = await serve(root, base);
  const origin = `http://127.0.0.1:${server.address().port}`;
  let browser;
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 60_000 });
  } catch (e) {
    server.close();
    fail(`could not start Chromium at ${executablePath}: ${e.message}`);
  }
  const out = [];
  try {
    for (const screen of SCREENS) {
      for (const q of queries) out.push(await measure(browser, origin, base, q, screen));
    }
  } finally {
    await browser.close();
    server.close();
  }
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}

main().catch((e) => fail(e.stack ?? String(e)));
