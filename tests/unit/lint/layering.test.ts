/**
 * The layering promise of ARCHITECTURE.md, shown by the real ESLint configuration rejecting
 * wrong-direction imports (and accepting the right ones).
 */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function lint(file: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering lint rule', () => {
  it.each([
    ['src/x.ts', "import fs from 'node:fs';\nexport const a = fs;", /src\/ is pure/],
    ['src/x.ts', "import { app } from 'electron';\nexport const a = app;", /belongs in main\//],
    ['src/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;", /belongs in main\//],
    ['src/x.ts', "import { Core } from '../main/core/Core';\nexport const a = Core;", /imports none of them/],
    ['main/core/x.ts', "import { App } from '../../renderer/app/App';\nexport const a = App;", /main\/ never imports renderer/],
    ['renderer/x.ts', "import { Core } from '../main/core/Core';\nexport const a = Core;", /renderer\/ never imports main/],
    ['renderer/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;", /sandboxed web code/],
    ['server/x.ts', "import { Core } from '../main/core/Core';\nexport const a = Core;", /own deployable/],
  ])('%s: rejects %s', async (file, code, message) => {
    const messages = await lint(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(message);
  });

  it.each([
    ['main/core/x.ts', "import { dispatch } from '../../src/api/dispatch';\nexport const a = dispatch;"],
    ['renderer/x.ts', "import { methods } from '../src/api/contract';\nexport const a = methods;"],
    ['src/x.ts', "import * as Y from 'yjs';\nexport const a = Y;"],
  ])('%s: accepts an import in the right direction', async (file, code) => {
    expect(await lint(file, code)).toEqual([]);
  });
});
