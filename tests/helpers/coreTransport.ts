/**
 * An in-process Transport onto a real Core: the same dispatch the IPC handler and the harness
 * use, without a socket. Used by integration tests that need several clients of one Core.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dispatch } from '../../src/api/dispatch';
import { createTypedApi } from '../../src/api/client';
import type { Transport, TypedApi } from '../../src/api/transport';
import { Core, type CoreOptions } from '../../main/core/Core';

export function coreTransport(core: Core, clientId = randomUUID()): Transport & { down: boolean } {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  core.onEvent((event, payload, except) => {
    if (except === clientId) return;
    for (const l of listeners.get(event) ?? []) l(payload);
  });
  const t = {
    /** Simulates a dead Core: every call fails as a dropped socket would. */
    down: false,
    async invoke(method: string, params: unknown) {
      if (t.down) throw new Error('transport down');
      return dispatch(core.handlers, method, params, { clientId });
    },
    on(event: string, listener: (p: unknown) => void) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
      return () => listeners.get(event)!.delete(listener);
    },
  };
  return t;
}

export function tempDir(prefix = 'paragraf-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function openCore(dataDir = tempDir(), options: Partial<CoreOptions> = {}): { core: Core; api: TypedApi; dataDir: string } {
  const core = Core.open({ dataDir, backupIntervalMs: 0, ...options });
  return { core, api: createTypedApi(coreTransport(core)), dataDir };
}
