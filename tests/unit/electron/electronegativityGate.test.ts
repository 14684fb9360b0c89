// scripts/electronegativity.mjs must pass the real shell and fail on the anti-patterns it
// exists for, unless a finding carries a reasoned `electronegativity-ok` comment.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const script = path.join(root, 'scripts/electronegativity.mjs');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paragraf-eng-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function run(dir?: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, dir ? [script, dir] : [script], { cwd: root, encoding: 'utf8' }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, out: stdout + stderr });
    });
  });
}

function fixture(name: string, source: string): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'main.ts'), source);
  return dir;
}

// Navigation limits and a permission handler, so only the line-level findings below remain.
const guards = `
import { app, session } from 'electron';
app.on('web-contents-created', (_e, c) => { c.on('will-navigate', (e) => e.preventDefault()); c.setWindowOpenHandler(() => ({ action: 'deny' })); });
session.defaultSession.setPermissionRequestHandler((_w, _p, cb) => cb(false));
`;

// Concurrent child processes on a two-core machine: each takes seconds, so the time limit is generous.
describe.concurrent('electronegativity gate', { timeout: 120_000 }, () => {
  it('passes main/electron with one summary line', async () => {
    const { code, out } = await run();
    expect(code, out).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(out).toMatch(/^electronegativity: OK — main\/electron: .* 0 open/);
  });

  it('fails on a window without isolation and sandbox', async () => {
    const dir = fixture('unsafe', `${guards}
import { BrowserWindow } from 'electron';
export const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });
`);
    const { code, out } = await run(dir);
    expect(code).toBe(1);
    expect(out).toMatch(/HIGH CONTEXT_ISOLATION_JS_CHECK at main\.ts:\d+/);
  });

  it('fails on openExternal without a justification, and on a justification without a reason', async () => {
    const bare = fixture('bare', `${guards}
import { shell } from 'electron';
export const open = (u: string) => shell.openExternal(u);
`);
    const empty = fixture('empty', `${guards}
import { shell } from 'electron';
// electronegativity-ok:
export const open = (u: string) => shell.openExternal(u);
`);
    for (const dir of [bare, empty]) {
      const { code, out } = await run(dir);
      expect(code, dir).toBe(1);
      expect(out).toMatch(/MEDIUM OPEN_EXTERNAL_JS_CHECK at main\.ts:\d+/);
    }
  });

  it('accepts openExternal with a reasoned comment on the line above', async () => {
    const dir = fixture('justified', `${guards}
import { shell } from 'electron';
// electronegativity-ok: only https URLs reach this function (checked by the caller).
export const open = (u: string) => shell.openExternal(u);
`);
    const { code, out } = await run(dir);
    expect(code, out).toBe(0);
    // The openExternal line and the app-wide CSP (checked from main/electron/csp.ts).
    expect(out).toMatch(/2 medium, .*; 2 MEDIUM\+ justified, 0 open/);
  });
});
