// How the test tools (axe.mjs, live_reload.mjs) start Debian's headless
// Chromium through playwright-core: which binary, with which flags. Each
// tool reports its own launch errors.

// $CHROMIUM, else Debian's `chromium` package. Playwright's own browser
// download is never used.
export const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';

// Flags for Chromium as root on a machine without network: without the
// background-networking ones it stalls on lookups of Google's hosts.
// Playwright adds a fresh temporary --user-data-dir on every launch.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
