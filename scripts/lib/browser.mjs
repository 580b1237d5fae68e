// Debian's chromium driven by playwright-core, with the flags that work on these
// offline machines (no browser download: never `npx playwright install`).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { CHROMIUM_PATH, ensureAptPackages } from './offlineHost.mjs';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** A persistent context in `profileDir` (Playwright refuses --user-data-dir in args). */
export async function launchChromium(profileDir, { headless = true, viewport = { width: 1440, height: 900 }, colorScheme = 'light' } = {}) {
  await ensureAptPackages(['chromium', 'fonts-noto-cjk']);
  mkdirSync(profileDir, { recursive: true });
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless,
    args: CHROMIUM_FLAGS,
    viewport,
    colorScheme,
    timeout: 60_000,
  });
}
