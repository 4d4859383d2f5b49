/** Debian's Chromium (Playwright's own browsers are never downloaded here). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Launch arguments that work on these machines (toolchain notes, "Chromium and Playwright"). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The console's design size. */
export const VIEWPORT = { width: 1280, height: 800 };
