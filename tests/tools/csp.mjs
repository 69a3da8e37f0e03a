#!/usr/bin/env node
// Strict Content-Security-Policy check of a folder of generated HTML: every
// file is served on 127.0.0.1 with
//   Content-Security-Policy: default-src 'self'
// and opened in Debian's headless Chromium (playwright-core). What the
// browser refuses is reported: `securitypolicyviolation` events seen in the
// page, console errors (Chromium logs each refusal there too), uncaught
// page errors, and requests that failed or left the site.
//
// Usage: node tests/tools/csp.mjs [--base /sub/path/] <dir-of-html-files>
//
// Output (stdout): JSON, the number of pages opened and one string per
// problem, in page order:
//   {"pages": 12, "problems": [
//     "tzgg/index.html: violation: style-src-attr (inline)",
//     "index.html: console: Applying inline style violates ...",
//     "index.html: request: http://other.example/x.png (not on the site)"]}
// Exit code: 0 none, 1 some, 2 the check itself could not run (the reason
// on stderr).

import { resolve } from 'node:path';
import { createRequire } from 'node:module';
import { CHROMIUM_ARGS, executablePath } from './chromium.mjs';
import { serve, htmlFiles } from './static_host.mjs';

const require = createRequire(import.meta.url);

export const POLICY = "default-src 'self'";

function fail(message) {
  process.stderr.write(`csp.mjs: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  let base = '/';
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--base') base = argv[++i] ?? fail('--base needs a value');
    else rest.push(argv[i]);
  }
  if (rest.length !== 1) fail('usage: node tests/tools/csp.mjs [--base /sub/path/] <dir>');
  if (!base.startsWith('/')) base = `/${base}`;
  if (!base.endsWith('/')) base = `${base}/`;
  return { root: resolve(rest[0]), base };
}

// Runs in every page before its own code: collects the policy's refusals.
function listen() {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(`${e.effectiveDirective} (${e.blockedURI || 'inline'})`);
  });
}

async function main() {
  const { root, base } = parseArgs(process.argv.slice(2));
  let chromium;
  try {
    ({ chromium } = require('playwright-core'));
  } catch (e) {
    fail(`playwright-core is not installed: ${e.message}`);
  }
  const pages = htmlFiles(root);
  const server = await serve(root, base, { 'content-security-policy': POLICY });
  const origin = `http://127.0.0.1:${server.address().port}`;
  let browser;
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  } catch (e) {
    server.close();
    fail(`cannot start Chromium at ${executablePath}: ${e.message}`);
  }
  const problems = [];
  try {
    const context = await browser.newContext();
    await context.addInitScript(listen);
    const page = await context.newPage();
    for (const name of pages) {
      const found = [];
      const onConsole = (m) => {
        if (m.type() === 'error') found.push(`console: ${m.text()}`);
      };
      const onError = (e) => found.push(`page error: ${e.message}`);
      // A request still in flight when the next page is opened (the
      // favicon, often) is aborted, not blocked: blocking shows as
      // net::ERR_BLOCKED_BY_CSP and as a violation event.
      const onFailed = (r) => {
        const why = r.failure()?.errorText;
        if (why !== 'net::ERR_ABORTED') found.push(`request: ${r.url()} (${why})`);
      };
      const onRequest = (r) => {
        if (!r.url().startsWith(origin)) found.push(`request: ${r.url()} (not on the site)`);
      };
      page.on('console', onConsole);
      page.on('pageerror', onError);
      page.on('requestfailed', onFailed);
      page.on('request', onRequest);
      try {
        const url = `${origin}${base}${name}`;
        const response = await page.goto(url, { waitUntil: 'load' });
        // 404.html is served with 200 here: it is a file like any other.
        if (!response || !response.ok()) found.push(`load: HTTP ${response?.status()}`);
        if (response && !(response.headers()['content-security-policy'] ?? '').includes('default-src')) {
          found.push('load: the policy header is missing');
        }
        // Give the favicon and late resources a moment to be asked for.
        await page.waitForTimeout(50);
        for (const v of await page.evaluate(() => window.__cspViolations ?? ['listener missing'])) {
          found.push(`violation: ${v}`);
        }
      } catch (e) {
        found.push(`load: ${e.message.split('\n')[0]}`);
      } finally {
        page.off('console', onConsole);
        page.off('pageerror', onError);
        page.off('requestfailed', onFailed);
        page.off('request', onRequest);
      }
      for (const f of found) problems.push(`${name}: ${f}`);
    }
  } finally {
    await browser.close();
    server.close();
  }
  process.stdout.write(`${JSON.stringify({ pages: pages.length, problems }, null, 1)}\n`);
  process.exit(problems.length ? 1 : 0);
}

main().catch((e) => fail(e.stack || String(e)));
