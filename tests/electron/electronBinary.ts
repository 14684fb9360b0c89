/**
 * Where the Electron binary is, found without `require('electron')`: since Electron 3x that
 * require downloads the binary from GitHub when it is missing, which hangs on machines that
 * reach only package registries. Shared by the Playwright config and the suite runner's logic
 * (scripts/run-electron-suite.mjs does the same checks in plain JS).
 */
import fs from 'node:fs';
import path from 'node:path';

export function findElectronBinary(repoRoot: string): string | null {
  const pkgDir = path.join(repoRoot, 'node_modules', 'electron');
  const pathFile = path.join(pkgDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const relative = fs.readFileSync(pathFile, 'utf8').trim();
  if (relative === '') return null;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(pkgDir, 'dist');
  const binary = path.join(distDir, relative);
  return fs.existsSync(binary) ? binary : null;
}
