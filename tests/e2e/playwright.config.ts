/**
 * Browser end-to-end suite: the real renderer (out/renderer, built by `npm run test:e2e`)
 * and the real Core, through the harness, in Chromium. Each test starts its own harness
 * process on its own temporary data folder (tests/e2e/harness.ts), so tests can kill it.
 *
 * Chromium: Debian's /usr/bin/chromium (Playwright cannot download browsers on machines that
 * reach only package registries). PARAGRAF_CHROMIUM overrides the path; if neither exists,
 * Playwright's own download is used.
 */
import fs from 'node:fs';
import { defineConfig } from '@playwright/test';

const chromium = process.env.PARAGRAF_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  globalSetup: './globalSetup.ts',
  // Two cores on the CI machine; each worker runs a browser and a harness process.
  workers: 2,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // The longest specs (the follow-up walk, export and signing) take 40–50 s on two quiet cores;
  // a busy machine doubles that. A hung test still fails, two minutes later.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  // The JSON report feeds the closing line of `npm test` (scripts/test-summary.mjs).
  reporter: [['list'], ['json', { outputFile: '../../out/test-reports/e2e.json' }]],
  outputDir: '../../test-results/e2e',
  use: {
    browserName: 'chromium',
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(fs.existsSync(chromium) ? { executablePath: chromium } : {}),
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
