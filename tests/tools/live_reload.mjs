#!/usr/bin/env node
// Live reload in a real browser, for tests/suite/serve.rs: opens a page of a
// running `gongkai serve` in Debian's headless Chromium (playwright-core),
// then edits the page's Markdown file three times and watches the same tab:
//   1. a good edit: the new text appears without the test navigating;
//   2. a broken edit: the page stays, an error overlay names the file:line;
//   3. a fix: the overlay goes away and the fixed text appears.
//
// Usage: node tests/tools/live_reload.mjs <page-url> <markdown-file>
// The file must hold `第一版正文。`; each step rewrites it.
// Exit code: 0 all steps passed, 1 a step failed, 2 the check could not run;
// the reason goes to stderr.
//
// Chromium: $CHROMIUM, else /usr/bin/chromium. Playwright's own browser
// download is never used.

import { readFileSync, writeFileSync } from 'node:fs';
import { CHROMIUM_ARGS, executablePath } from './chromium.mjs';

const STEP_MS = 8000;

function fail(code, message) {
  process.stderr.write(`live_reload.mjs: ${message}\n`);
  process.exit(code);
}

const [url, file] = process.argv.slice(2);
if (!url || !file) fail(2, 'usage: live_reload.mjs <page-url> <markdown-file>');
const original = readFileSync(file, 'utf8');
if (!original.includes('第一版正文。')) fail(2, `${file} does not contain 第一版正文。`);

let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch (e) {
  fail(2, `playwright-core is missing: run \`npm ci --prefix tests/tools --ignore-scripts\` (${e.message})`);
}
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 30_000 })
  .catch((e) => fail(2, `cannot start Chromium at ${executablePath}: ${e.message}`));

async function step(name, action) {
  try {
    await action();
  } catch (e) {
    await browser.close();
    fail(1, `${name}: ${e.message.split('\n')[0]}`);
  }
}

const page = await browser.newPage();
// Count the test's own navigations: only the first one is allowed.
let gotos = 0;
const visit = async (u) => { gotos += 1; return page.goto(u); };

await step('open the page', async () => {
  const response = await visit(url);
  if (response.status() !== 200) throw new Error(`status ${response.status()}`);
  await page.getByText('第一版正文。').waitFor({ timeout: STEP_MS });
});

await step('a good edit appears in the same tab', async () => {
  writeFileSync(file, original.replace('第一版正文。', '第二版正文。'));
  await page.getByText('第二版正文。').waitFor({ timeout: STEP_MS });
});

await step('a broken edit shows the overlay over the last good page', async () => {
  writeFileSync(file, original.replace(/^title: .*$/m, '').replace('第一版正文。', '坏的正文。'));
  const overlay = page.locator('#gongkai-error-overlay');
  await overlay.waitFor({ timeout: STEP_MS });
  // A save that lands while the previous edit's rebuild still reads the
  // file first shows that build's error (the file changed while it was
  // read); the rebuild that follows shows the edit's own.
  const said = 'content/tzgg/notice.md:1:1: 错误: ';
  await page.locator('#gongkai-error-overlay', { hasText: said })
    .waitFor({ timeout: STEP_MS })
    .catch(async () => { throw new Error(`overlay says: ${await overlay.innerText()}`); });
  if (!(await page.getByText('第二版正文。').isVisible())) throw new Error('the last good page is gone');
  // What to do about it, as `check` says it, not only what is wrong.
  const told = await overlay.innerText();
  if (!/改法：\S/.test(told)) throw new Error(`the overlay gives no 改法: ${told}`);
});

await step('the fix removes the overlay and shows the new text', async () => {
  writeFileSync(file, original.replace('第一版正文。', '第三版正文。'));
  await page.getByText('第三版正文。').waitFor({ timeout: STEP_MS });
  await page.locator('#gongkai-error-overlay').waitFor({ state: 'detached', timeout: STEP_MS });
});

await browser.close();
if (gotos !== 1) fail(1, `the test navigated ${gotos} times`);
process.stdout.write('live reload: 4 steps passed\n');
