// Runs scripts/check-builder-config.mjs on the real electron-builder.yml and on broken copies:
// each rule must catch the mistake it exists for.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const script = path.join(root, 'scripts/check-builder-config.mjs');
const original = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paragraf-builder-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function run(yml: string): Promise<{ code: number; out: string }> {
  const file = path.join(tmp, `cfg-${Math.random().toString(36).slice(2)}.yml`);
  fs.writeFileSync(file, yml);
  return new Promise((resolve) => {
    execFile(process.execPath, [script, file], { encoding: 'utf8' }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, out: stdout + stderr });
    });
  });
}

function mutated(from: string, to: string): string {
  const next = original.replace(from, to);
  expect(next, `fixture edit ${JSON.stringify(from)} must change the file`).not.toBe(original);
  return next;
}

// Each case is a separate Node process that loads electron-builder (~0.7 s): run them side by side.
// Concurrent child processes on a two-core machine: each takes seconds, so the time limit is generous.
describe.concurrent('check-builder-config', { timeout: 120_000 }, () => {
  it('accepts the project configuration with one summary line', async () => {
    const { code, out } = await run(original);
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(out).toMatch(/^builder config: OK/);
  });

  const broken: Array<[string, string, string, RegExp]> = [
    ['an unknown key (schema)', 'appId: se.paragraf.app', 'appId: se.paragraf.app\nappIdd: typo', /rejects the configuration/],
    ['a fuse left on', 'runAsNode: false', 'runAsNode: true', /electronFuses\.runAsNode must be false/],
    ['a fuse missing', '\n  grantFileProtocolExtraPrivileges: false', '', /grantFileProtocolExtraPrivileges must be false/],
    ['a missing msi target', '\n    - target: msi\n      arch: [x64]', '', /win\.target must include msi/],
    ['a missing deb target', '\n    - target: deb\n      arch: [x64, arm64]', '', /linux\.target must include deb/],
    ['no asarUnpack for the addon', 'node_modules/better-sqlite3/**/*.node', 'node_modules/nothing/**', /asarUnpack does not cover/],
    ['rebuilding native modules', 'npmRebuild: false', 'npmRebuild: true', /npmRebuild must be false/],
    ['a wrong Electron version', 'electronVersion: 45.4.1', 'electronVersion: 44.0.0', /electronVersion must be/],
    ['shipping the sources', '  - out/main/**', '  - out/main/**\n  - main/**', /would ship something other/],
    ['not shipping the preload', '\n  - out/preload/**', '', /preload\.cjs.*not included/],
    ['a platform dropping its own binary', '{linux,linuxmusl,darwin}-*.node', '{linux,linuxmusl,darwin,win32}-*.node', /win\.files excludes/],
  ];
  for (const [what, from, to, message] of broken) {
    it(`fails on ${what}`, async () => {
      const { code, out } = await run(mutated(from, to));
      expect(code).toBe(1);
      expect(out).toMatch(message);
    });
  }
});
