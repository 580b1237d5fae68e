// Types for browser.mjs, so the TypeScript e2e suites can import it.
import type { BrowserContext } from 'playwright-core';

export const CHROMIUM_FLAGS: string[];
export function launchChromium(
  profileDir: string,
  options?: { headless?: boolean; viewport?: { width: number; height: number }; colorScheme?: 'light' | 'dark' },
): Promise<BrowserContext>;
