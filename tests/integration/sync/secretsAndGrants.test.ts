/**
 * The sync token at rest (sealed by a secret protector when the Core has one, plain and said
 * so when not, existing plain rows sealed on the first start with one) and documents of a body
 * the user had no grant for, which must sync once a grant is added or the app reconnects.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Transforms } from 'slate';
import * as Y from 'yjs';
import { unwrap } from '../../../src/api/client';
import { editDoc } from '../../helpers/meetingEditor';
import type { SecretProtector } from '../../../main/sync/SyncManager';
import { openCore, tempDir } from '../../helpers/coreTransport';
import { configure, openSyncCore, quickSync, serverPerTest, waitDocState, type TestCore } from './syncHelpers';

const env = serverPerTest();

/** A real reversible cipher (AES-256-GCM with a key of this "OS"), as safeStorage would be. */
function protector(key = crypto.randomBytes(32)): SecretProtector {
  return {
    encrypt(plain) {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decrypt(sealed) {
      const d = crypto.createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      d.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([d.update(sealed.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

function open(dataDir: string, secrets?: SecretProtector, sync = quickSync): TestCore {
  return env.keep(openCore(dataDir, { sync, ...(secrets ? { secrets } : {}) }));
}
function row(dataDir: string): { token: string | null; token_sealed: Buffer | null } {
  const db = new Database(path.join(dataDir, fs.readdirSync(dataDir).find((f) => f.endsWith('.sqlite'))!), { readonly: true });
  try {
    return db.prepare('SELECT token, token_sealed FROM sync_config').get() as { token: string | null; token_sealed: Buffer | null };
  } finally {
    db.close();
  }
}

async function bodyWithMeeting(c: TestCore) {
  const body = unwrap(await c.api.invoke('bodies.create', { name: 'LSVO', preset: 'sammantradesprotokoll', group: 'ledningsgrupp' }));
  const meeting = unwrap(await c.api.invoke('meetings.create', { bodyId: body.id, date: '2026-05-07' }));
  return { bodyId: body.id, meetingId: meeting.id };
}

describe('the sync token at rest', () => {
  it('is sealed with a protector; a plain one from before is sealed at the next start with one; unreadable without it, and says so', async () => {
    const token = await env.server.user('anna');
    const dir = tempDir('paragraf-secret-');
    const key = crypto.randomBytes(32);

    // No protector (harness, CLI): stored as typed, and the status says so.
    const plain = open(dir);
    const { bodyId, meetingId } = await bodyWithMeeting(plain);
    await env.server.grant('anna', bodyId, 'read-write');
    expect((await configure(plain, env.server.url, token)).tokenStorage).toBe('plain');
    expect(row(dir)).toEqual({ token, token_sealed: null });
    await waitDocState(plain, meetingId, 'synced');
    env.close(plain);

    // First start with a protector: the existing row is sealed, and syncing goes on.
    const sealedCore = open(dir, protector(key));
    const s = unwrap(await sealedCore.api.invoke('sync.status', {}));
    expect(s).toMatchObject({ configured: true, tokenStorage: 'encrypted', error: null });
    const r = row(dir);
    expect(r.token).toBeNull();
    expect(r.token_sealed!.includes(Buffer.from(token))).toBe(false);
    expect(r.token_sealed!.includes(Buffer.from(token.slice(4, 20)))).toBe(false);
    await waitDocState(sealedCore, meetingId, 'synced');
    env.close(sealedCore);
    // Nothing of the token is left in the database file's pages either (WAL checkpointed at close).
    const bytes = fs.readFileSync(path.join(dir, fs.readdirSync(dir).find((f) => f.endsWith('.sqlite'))!));
    expect(bytes.includes(Buffer.from(token))).toBe(false);

    // A new configuration with the protector is sealed directly.
    const again = open(dir, protector(key));
    unwrap(await again.api.invoke('sync.configure', { server: { url: env.server.url, token } }));
    expect(row(dir).token).toBeNull();
    env.close(again);

    // Without the protector (or with another key) the token cannot be read: shown, not used, nothing crashes.
    for (const secrets of [undefined, protector()]) {
      const blind = open(dir, secrets);
      const st = unwrap(await blind.api.invoke('sync.status', {}));
      expect(st).toMatchObject({ configured: true, connection: 'off', error: { code: 'token-unreadable' } });
      expect(st.error!.sv).toMatch(/igen/);
      expect(st.error!.en).toMatch(/again/);
      env.close(blind);
    }
    // Entering it again (here: without a protector) works, and is stored plain.
    const fixed = open(dir);
    expect((await configure(fixed, env.server.url, token)).error).toBeNull();
    await waitDocState(fixed, meetingId, 'synced');
    expect(row(dir).token).toBe(token);
  });
});

describe('documents of a body without a grant', () => {
  it('sync once the grant is added on the server, body and meeting, with what was typed meanwhile', async () => {
    const token = await env.server.user('anna');
    const a = env.keep(openSyncCore());
    const { bodyId, meetingId } = await bodyWithMeeting(a);
    await configure(a, env.server.url, token);
    expect((await waitDocState(a, bodyId, 'error')).error?.code).toBe('forbidden');
    expect((await waitDocState(a, meetingId, 'error')).error?.code).toBe('forbidden');
    await editDoc(a.api, meetingId, (_d, editor) => Transforms.insertText(editor, 'Skrivet utan behörighet. ', { at: { path: [0, 0, 0], offset: 0 } }));
    await env.server.grant('anna', bodyId, 'read-write');
    await waitDocState(a, bodyId, 'synced');
    await waitDocState(a, meetingId, 'synced');
    expect((await env.server.stored(`body/${bodyId}`)).getMap('profile').size).toBeGreaterThan(0);
    expect((await env.server.stored(`meeting/${bodyId}/${meetingId}`)).get('content', Y.XmlText).toString()).toContain('Skrivet utan behörighet.');
  });

  it('are retried when the app reconnects, without waiting for the next discovery round', async () => {
    const token = await env.server.user('anna');
    // Discovery only at connect: its periodic round is far away.
    const a = open(tempDir('paragraf-grant-'), undefined, { ...quickSync, discoverEveryMs: 600_000 });
    const { bodyId, meetingId } = await bodyWithMeeting(a);
    await configure(a, env.server.url, token);
    await waitDocState(a, meetingId, 'error');
    await env.server.grant('anna', bodyId, 'read-write');
    await new Promise((r) => setTimeout(r, 500));
    expect((await waitDocState(a, meetingId, 'error')).error?.code).toBe('forbidden');
    // The network goes away and comes back (here: the server restarts).
    await env.server.stop();
    await env.server.restart();
    await waitDocState(a, bodyId, 'synced');
    await waitDocState(a, meetingId, 'synced');
  });
});
