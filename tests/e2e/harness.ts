/**
 * Test fixtures: a temporary data folder and a harness process on it. The harness runs as a
 * child process (`tsx main/harness/cli.ts`) rather than in the test runner, so a test can
 * SIGKILL it like a crash and start it again on the same folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import type { WireRequest, WireResponse } from '../../src/api/transport';
import type { ApiResult } from '../../src/api/errors';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');

export interface HarnessOptions {
  port?: number;
  /** 0 turns the Core's backup timer off (and its backup shortly after start). */
  backupIntervalMs?: number;
}

export class HarnessProcess {
  private exited: Promise<number | null>;
  private stderr = '';

  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
    /** The Core's own process: tsx runs the script in a child of the process we spawned. */
    readonly pid: number,
    readonly dataDir: string,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    child.stderr?.on('data', (d: Buffer) => (this.stderr += d.toString()));
  }

  get origin(): string {
    return new URL(this.url).origin;
  }

  get port(): number {
    return Number(new URL(this.url).port);
  }

  get token(): string {
    return new URL(this.url).hash.replace(/^#token=/, '');
  }

  static async start(dataDir: string, options: HarnessOptions = {}): Promise<HarnessProcess> {
    const args = ['main/harness/cli.ts', '--data-dir', dataDir];
    if (options.port !== undefined) args.push('--port', String(options.port));
    if (options.backupIntervalMs !== undefined) args.push('--backup-interval-ms', String(options.backupIntervalMs));
    const child = spawn(tsx, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const lines = readline.createInterface({ input: child.stdout });
    const ready = new Promise<{ url: string; pid: number }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`harness did not start within 30 s\n${stderr}`)), 30_000);
      lines.on('line', (line) => {
        try {
          const msg = JSON.parse(line) as { url?: string; pid?: number };
          if (typeof msg.url === 'string' && typeof msg.pid === 'number') {
            clearTimeout(timer);
            resolve({ url: msg.url, pid: msg.pid });
          }
        } catch {
          // Not the ready line.
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`harness exited with ${code} before it was ready\n${stderr}`));
      });
    });
    const { url, pid } = await ready;
    return new HarnessProcess(child, url, pid, dataDir);
  }

  private alive(): boolean {
    try {
      process.kill(this.pid, 0);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * A crash: no chance to flush, close or checkpoint anything. The signal goes to the Core's
   * pid from the ready line, not to the tsx wrapper we spawned: SIGKILL cannot be relayed,
   * so killing the wrapper would leave the Core running (and the test proving nothing).
   */
  async kill(): Promise<void> {
    if (!this.alive()) return;
    process.kill(this.pid, 'SIGKILL');
    await this.exited;
    await this.waitUntilGone();
  }

  /** A normal stop: the harness closes the Core (and the database) on SIGTERM. */
  async stop(): Promise<void> {
    if (!this.alive()) return;
    process.kill(this.pid, 'SIGTERM');
    const code = await Promise.race([this.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000))]);
    if (code === 'timeout') {
      process.kill(this.pid, 'SIGKILL');
      throw new Error(`harness did not stop on SIGTERM\n${this.stderr}`);
    }
    await this.waitUntilGone();
  }

  private async waitUntilGone(): Promise<void> {
    for (let i = 0; i < 100 && this.alive(); i++) await new Promise((r) => setTimeout(r, 50));
    if (this.alive()) throw new Error(`harness process ${this.pid} is still running`);
  }
}

type Fixtures = {
  dataDir: string;
  harness: HarnessProcess;
};

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object
  dataDir: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paragraf-e2e-'));
    await use(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  },
  harness: async ({ dataDir }, use) => {
    const harness = await HarnessProcess.start(dataDir);
    await use(harness);
    await harness.kill();
  },
});

export { expect };

/* ---------- UI helpers ---------- */

export async function openApp(page: Page, harness: HarnessProcess): Promise<void> {
  await page.goto(harness.url);
  await expect(page.getByTestId('start-screen')).toBeVisible();
}

/** `genreLabel`: the start of the preset's label ("Sammanträdesprotokoll", "Mötesanteckningar", "Politisk nämnd"). */
export async function createBody(page: Page, name: string, genreLabel = 'Sammanträdesprotokoll', group?: string): Promise<void> {
  const form = page.getByTestId('new-body-form');
  await form.getByLabel('Organets namn').fill(name);
  const select = form.getByLabel('Typ av dokument');
  const value = await select.locator('option').filter({ hasText: new RegExp(`^${genreLabel}`) }).getAttribute('value');
  await select.selectOption(value!);
  if (group !== undefined) await form.getByLabel('Beslutande grupp (valfri)').fill(group);
  await form.getByRole('button', { name: 'Skapa organ' }).click();
  await expect(bodyCard(page, name)).toBeVisible();
}

export function bodyCard(page: Page, name: string) {
  return page.getByTestId('body').filter({ has: page.getByRole('heading', { name, exact: true }) });
}

/** Creates a meeting from the start screen; the app opens it in the editor. */
export async function createMeeting(page: Page, bodyName: string, date: string, title?: string): Promise<void> {
  const form = bodyCard(page, bodyName).getByTestId('new-meeting-form');
  await form.getByLabel('Datum').fill(date);
  if (title !== undefined) await form.getByLabel('Rubrik (valfri)').fill(title);
  await form.getByRole('button', { name: 'Skapa möte' }).click();
  await expect(page.getByTestId('editor')).toBeVisible();
}

export async function openMeeting(page: Page, title: string): Promise<void> {
  await page.getByTestId('meeting').filter({ hasText: title }).click();
  await expect(page.getByTestId('editor')).toBeVisible();
}

export async function backToStart(page: Page): Promise<void> {
  await page.getByTestId('back').click();
  await expect(page.getByTestId('start-screen')).toBeVisible();
}

/**
 * The text blocks of the editor as [kind, text] in document order, read from the DOM the
 * person sees: item titles, sub-item titles and paragraphs, flattened out of their items.
 */
export async function editorBlocks(page: Page): Promise<Array<[string, string]>> {
  return page.getByTestId('editor').evaluate((el) =>
    Array.from(el.querySelectorAll('.item-title, .subitem-title, .paragraph')).map((b): [string, string] => {
      // The text only: without the placeholder hint and Slate's zero-width characters.
      const copy = b.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('[data-slate-placeholder]').forEach((p) => p.remove());
      const kind = ['item-title', 'subitem-title', 'paragraph'].find((k) => b.classList.contains(k))!;
      return [kind, (copy.textContent ?? '').replace(/\uFEFF/g, '')];
    }),
  );
}

/** The items of the editor: label, title and whether they are tabled. */
export async function editorItems(page: Page): Promise<Array<{ label: string; title: string; bordlagd: boolean }>> {
  return page.getByTestId('item').evaluateAll((els) =>
    els.map((e) => {
      const title = e.querySelector('.item-title');
      return {
        label: (e as HTMLElement).dataset.label ?? '',
        title: (title?.textContent ?? '').replace(/\uFEFF/g, ''),
        bordlagd: (e as HTMLElement).dataset.bordlagd === 'true',
      };
    }),
  );
}

/** The titles of a new formal body's standard agenda (src/bodies/presets.ts), in order. */
export const formalAgenda = [
  'Val av justerare samt tid för justering',
  'Godkännande av föredragningslista',
  'Föregående sammanträdesprotokoll',
  'Övriga frågor',
  'Mötets avslutande',
];

/** A new formal meeting's blocks: each standard item with its empty paragraph. */
export const formalAgendaBlocks: Array<[string, string]> = formalAgenda.flatMap((t): Array<[string, string]> => [
  ['item-title', t],
  ['paragraph', ''],
]);

/** Puts the cursor at the end of the n-th item title, as a click and End would. */
export async function endOfTitle(page: Page, index: number): Promise<void> {
  await page.getByTestId('item-title').nth(index).click();
  await page.keyboard.press('End');
}

export async function itemLabels(page: Page): Promise<string[]> {
  return page.getByTestId('item-title').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.label ?? ''));
}

export async function expectSaved(page: Page): Promise<void> {
  const status = page.getByTestId('save-status');
  await expect(status).toHaveAttribute('data-state', 'saved');
  await expect(status).toHaveText(/^Sparat( \d{2}:\d{2}:\d{2})?/);
}

/**
 * Calls the Core over a WebSocket opened from the page (same origin, token from the URL
 * fragment), as another client of the harness would. Returns the raw wire results.
 */
export async function rawCalls(page: Page, calls: Array<{ method: string; params: unknown } | { raw: string }>): Promise<ApiResult<unknown>[]> {
  return page.evaluate(async (calls) => {
    const token = /token=([^&]+)/.exec(location.hash)![1]!;
    const ws = new WebSocket(`ws://${location.host}/api?token=${token}`);
    await new Promise<void>((resolve, reject) => {
      ws.onopen = () => resolve();
      ws.onerror = () => reject(new Error('socket refused'));
    });
    const results: unknown[] = [];
    let nextId = 1000;
    for (const call of calls) {
      const id = 'raw' in call ? 0 : nextId++;
      const answer = new Promise<unknown>((resolve) => {
        const onMessage = (ev: MessageEvent) => {
          const msg = JSON.parse(String(ev.data)) as Partial<WireResponse>;
          if (msg.id === id) {
            ws.removeEventListener('message', onMessage);
            resolve(msg.result);
          }
        };
        ws.addEventListener('message', onMessage);
      });
      ws.send('raw' in call ? call.raw : JSON.stringify({ id, method: call.method, params: call.params } satisfies WireRequest));
      results.push(await answer);
    }
    ws.close();
    return results as ApiResult<unknown>[];
  }, calls);
}

export async function call<T = unknown>(page: Page, method: string, params: unknown = {}): Promise<T> {
  const [result] = await rawCalls(page, [{ method, params }]);
  if (!result || !result.ok) throw new Error(`${method} failed: ${JSON.stringify(result)}`);
  return result.value as T;
}
