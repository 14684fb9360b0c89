import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { unapplicableUpdate } from '../helpers/craftedUpdate';
import Database from 'better-sqlite3';
import path from 'node:path';
import { unwrap } from '../../src/api/client';
import { fromBase64, toBase64 } from '../../src/api/base64';
import { Core } from '../../main/core/Core';
import { DB_FILE } from '../../main/core/db';
import { openCore, tempDir } from '../helpers/coreTransport';

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});
function open(dir?: string, opts = {}) {
  const o = openCore(dir, opts);
  cores.push(o.core);
  return o;
}

/** Raw text in a scratch type: the store keeps any Yjs content, whatever the editor's schema. */
function typeInto(doc: Y.Doc, text: string): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const onUpdate = (u: Uint8Array) => updates.push(u);
  doc.on('update', onUpdate);
  const content = doc.getText('scratch');
  for (const ch of text) content.insert(content.length, ch);
  doc.off('update', onUpdate);
  return updates;
}

describe('Core', () => {
  it('creates bodies and meetings and lists them', async () => {
    const { api } = open();
    const body = unwrap(await api.invoke('bodies.create', { name: 'LSVO' }));
    expect(body.genre).toBe('sammantradesprotokoll');
    const m1 = unwrap(await api.invoke('meetings.create', { bodyId: body.id, date: '2021-04-09' }));
    const m2 = unwrap(await api.invoke('meetings.create', { bodyId: body.id, date: '2021-05-07', title: 'LSVO maj' }));
    const list = unwrap(await api.invoke('meetings.list', { bodyId: body.id }));
    expect(list.map((m) => m.id)).toEqual([m2.id, m1.id]);
    expect(m1.title).toBe('LSVO 2021-04-09');
    expect(unwrap(await api.invoke('bodies.list', {})).map((b) => b.name)).toEqual(['LSVO']);
  });

  it('keeps every update across a reopen, and the meta the meeting was created with', async () => {
    const dir = tempDir();
    const first = open(dir);
    const body = unwrap(await first.api.invoke('bodies.create', { name: 'Nämnd' }));
    const meeting = unwrap(await first.api.invoke('meetings.create', { bodyId: body.id, date: '2024-10-01' }));
    const replica = new Y.Doc();
    Y.applyUpdate(replica, fromBase64(unwrap(await first.api.invoke('docs.open', { docId: meeting.id })).update));
    const text = 'Godkännande av föredragningslista § 101 – åäö ÅÄÖ é 😀';
    for (const u of typeInto(replica, text)) unwrap(await first.api.invoke('docs.applyUpdate', { docId: meeting.id, update: toBase64(u) }));
    first.core.close();
    cores.length = 0;

    const second = open(dir);
    const state = unwrap(await second.api.invoke('docs.open', { docId: meeting.id }));
    const doc = new Y.Doc();
    Y.applyUpdate(doc, fromBase64(state.update));
    expect(doc.getText('scratch').toString()).toBe(text);
    expect(doc.getMap('meta').get('date')).toBe('2024-10-01');
    expect(state.savedSeq).toBe([...text].length + 1);
  });

  it('has the update in SQLite before applyUpdate returns', async () => {
    const { api, core, dataDir } = open();
    const body = unwrap(await api.invoke('bodies.create', { name: 'B' }));
    const meeting = unwrap(await api.invoke('meetings.create', { bodyId: body.id, date: '2024-01-01' }));
    const doc = new Y.Doc();
    const [u] = typeInto(doc, 'x');
    const saved = unwrap(await api.invoke('docs.applyUpdate', { docId: meeting.id, update: toBase64(u!) }));
    // A second, independent connection sees the committed row: no buffering in the Core.
    const reader = new Database(path.join(dataDir, DB_FILE), { readonly: true });
    const row = reader.prepare('SELECT seq FROM ydoc_update WHERE doc_id = ? AND seq = ?').get(meeting.id, saved.seq);
    reader.close();
    expect(row).toEqual({ seq: saved.seq });
    expect(core.dbFile).toContain(DB_FILE);
  });

  it('compacts the log into a snapshot without losing text', async () => {
    const dir = tempDir();
    const { api, core } = open(dir, { compactThreshold: 20 });
    const body = unwrap(await api.invoke('bodies.create', { name: 'B' }));
    const meeting = unwrap(await api.invoke('meetings.create', { bodyId: body.id, date: '2024-01-01' }));
    const doc = new Y.Doc();
    Y.applyUpdate(doc, fromBase64(unwrap(await api.invoke('docs.open', { docId: meeting.id })).update));
    const text = 'a'.repeat(30) + 'ö'.repeat(30);
    for (const u of typeInto(doc, text)) unwrap(await api.invoke('docs.applyUpdate', { docId: meeting.id, update: toBase64(u) }));
    await new Promise((r) => setTimeout(r, 20));
    const db = new Database(path.join(dir, DB_FILE), { readonly: true });
    const logged = (db.prepare('SELECT count(*) n FROM ydoc_update WHERE doc_id = ?').get(meeting.id) as { n: number }).n;
    const snapshots = (db.prepare('SELECT count(*) n FROM ydoc_snapshot WHERE doc_id = ?').get(meeting.id) as { n: number }).n;
    db.close();
    expect(snapshots).toBe(1);
    expect(logged).toBeLessThan(20);
    core.close();
    cores.length = 0;
    const again = open(dir);
    const d2 = new Y.Doc();
    Y.applyUpdate(d2, fromBase64(unwrap(await again.api.invoke('docs.open', { docId: meeting.id })).update));
    expect(d2.getText('scratch').toString()).toBe(text);
  });

  it('rejects a garbage update with a bilingual error and changes nothing', async () => {
    const { api } = open();
    const body = unwrap(await api.invoke('bodies.create', { name: 'B' }));
    const meeting = unwrap(await api.invoke('meetings.create', { bodyId: body.id, date: '2024-01-01' }));
    const before = unwrap(await api.invoke('docs.open', { docId: meeting.id }));
    // Bytes that are no update, and a well-formed update that cannot be applied.
    for (const bytes of [new Uint8Array([255, 255, 255, 255, 7]), unapplicableUpdate()]) {
      const res = await api.invoke('docs.applyUpdate', { docId: meeting.id, update: toBase64(bytes) });
      expect(res.ok).toBe(false);
      if (!res.ok) {
        expect(res.error.code).toBe('INVALID_UPDATE');
        expect(res.error.message.sv).toMatch(/sparades inte/);
        expect(res.error.message.en).toMatch(/not saved/);
      }
      expect(unwrap(await api.invoke('docs.open', { docId: meeting.id }))).toEqual(before);
    }
  });

  it('answers an unknown document with NOT_FOUND instead of creating an empty one', async () => {
    const { api } = open();
    const res = await api.invoke('docs.open', { docId: 'does-not-exist' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('NOT_FOUND');
    expect(unwrap(await api.invoke('meetings.list', {}))).toEqual([]);
  });

  it('refuses a meeting for an unknown body, and half-writes nothing', async () => {
    const { api, dataDir } = open();
    const res = await api.invoke('meetings.create', { bodyId: 'nope', date: '2024-01-01' });
    expect(res.ok).toBe(false);
    const db = new Database(path.join(dataDir, DB_FILE), { readonly: true });
    expect((db.prepare('SELECT count(*) n FROM ydoc').get() as { n: number }).n).toBe(0);
    db.close();
  });
});
