/**
 * The Electron end-to-end suite: the built app (out/), started by the real Electron binary
 * with Playwright's _electron, each launch on a fresh temporary user-data folder. Run it with
 * `npm run test:electron` (scripts/run-electron-suite.mjs), which builds first and skips with
 * one clear line where the Electron binary is not installed.
 *
 * It runs the unpackaged app: Playwright drives Electron through the inspector, which the
 * packaged app's enableNodeCliInspectArguments fuse turns off.
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  // One Electron app at a time: each owns a window, a Core and a single-instance lock.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '../../out/test-reports/electron.json' }]],
  outputDir: '../../test-results/electron',
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
});
