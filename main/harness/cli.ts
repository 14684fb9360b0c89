/**
 * Runs the harness as its own process: `tsx main/harness/cli.ts --data-dir DIR [--port N] [--open]`.
 * Prints one JSON line {"url", "pid"} when ready (tests read it), then serves until killed.
 * `npm run web` uses it so a person can try Paragraf in a browser without Electron.
 */
import path from 'node:path';
import os from 'node:os';
import { startHarness } from './harnessServer';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const dataDir = path.resolve(arg('--data-dir') ?? path.join(os.homedir(), '.paragraf-web'));
const port = Number(arg('--port') ?? 0);
const backupMs = arg('--backup-interval-ms');

const harness = await startHarness({
  dataDir,
  port,
  ...(arg('--renderer-dir') ? { rendererDir: path.resolve(arg('--renderer-dir')!) } : {}),
  ...(backupMs !== undefined ? { backupIntervalMs: Number(backupMs) } : {}),
});

process.stdout.write(JSON.stringify({ url: harness.url, pid: process.pid, dataDir }) + '\n');
if (process.argv.includes('--open')) {
  process.stderr.write(
    `\nParagraf körs i webbläsarläge. Öppna / Paragraf runs in browser mode. Open:\n\n  ${harness.url}\n\nData: ${dataDir}\nAvsluta med Ctrl+C / Stop with Ctrl+C.\n`,
  );
}

const stop = () => void harness.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
