/** The lock in the meeting document: what an update would change, what is refused, and the changes after justering. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { changedByUpdate, lateChanges, readLockRecord, readLockSnapshot, refusedAfterLock, writeLock, type LockRecord } from '../../../src/export/lock';

const record: LockRecord = { lockedAt: '2026-12-02T02:00:00.000Z', pdfSha256: 'a'.repeat(64), exportedPdfSha256: 'b'.repeat(64), snapshotSha256: 'c'.repeat(64), by: ['Åsa'], signers: [] };

/** The update `edit` makes to a copy of `doc` (a second device), and that copy. */
function remoteEdit(doc: Y.Doc, edit: (d: Y.Doc) => void): Uint8Array {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(other);
  other.transact(() => edit(other));
  return Y.encodeStateAsUpdate(other, before);
}

function meeting(): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    doc.getMap('meta').set('status', 'avslutat');
    const content = doc.get('content', Y.XmlText);
    const item = new Y.XmlText();
    content.insertEmbed(0, item);
    item.insert(0, 'Budget');
    doc.getArray('rattelser');
  });
  return doc;
}

describe('changedByUpdate', () => {
  it('names the root types and meta keys an update changes, nested and deleted content included', () => {
    const doc = meeting();
    expect(changedByUpdate(doc, remoteEdit(doc, (d) => d.getMap('meta').set('place', 'Rum 2')))).toEqual({ roots: new Set(['meta']), metaKeys: new Set(['place']), pending: false });
    // Text typed inside the nested item: its parent is found only through the item's origin.
    const nested = remoteEdit(doc, (d) => ((d.get('content', Y.XmlText).toDelta() as Array<{ insert: Y.XmlText }>)[0]!.insert).insert(6, ' 2027'));
    expect([...changedByUpdate(doc, nested).roots]).toEqual(['content']);
    const deletion = remoteEdit(doc, (d) => ((d.get('content', Y.XmlText).toDelta() as Array<{ insert: Y.XmlText }>)[0]!.insert).delete(0, 3));
    expect([...changedByUpdate(doc, deletion).roots]).toEqual(['content']);
    expect([...changedByUpdate(doc, remoteEdit(doc, (d) => d.getArray('rattelser').push([{ id: 'r' }]))).roots]).toEqual(['rattelser']);
    // An update that waits for one the document never got cannot be judged: pending.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    other.getMap('attendance').set('p1', 1);
    const sv = Y.encodeStateVector(other);
    other.getArray('rattelser').push([{ id: 'later' }]);
    expect(changedByUpdate(doc, Y.encodeStateAsUpdate(other, sv)).pending).toBe(true);
    // The document itself is untouched.
    expect(doc.getMap('meta').get('place')).toBeUndefined();
  });
});

describe('refusedAfterLock', () => {
  it('is null for an unlocked document; once locked refuses all but rättelser, register corrections and frozen numbers', () => {
    const doc = meeting();
    const content = remoteEdit(doc, (d) => d.get('content', Y.XmlText).insert(0, 'x'));
    expect(refusedAfterLock(doc, content)).toBeNull();
    doc.transact(() => writeLock(doc, record, Y.encodeStateAsUpdate(doc)));
    expect(readLockRecord(doc)).toEqual(record);
    expect(readLockSnapshot(doc)).toBeInstanceOf(Uint8Array);
    expect(refusedAfterLock(doc, content)).toEqual(['content']);
    expect(refusedAfterLock(doc, remoteEdit(doc, (d) => d.getMap('attendance').set('p1', {})))).toEqual(['attendance']);
    expect(refusedAfterLock(doc, remoteEdit(doc, (d) => d.getMap('meta').delete('lock')))).toEqual(['meta(lock)']);
    for (const allowed of ['rattelser', 'decisionCorrections'] as const) expect(refusedAfterLock(doc, remoteEdit(doc, (d) => d.getArray(allowed).push([{ id: 'r' }])))).toEqual([]);
    expect(refusedAfterLock(doc, remoteEdit(doc, (d) => d.getMap('frozenItems').set('i9', 7)))).toEqual([]);
  });

  it('a record that does not parse is no lock', () => {
    const doc = meeting();
    doc.getMap('meta').set('lock', { lockedAt: 'igår' });
    expect(readLockRecord(doc)).toBeNull();
  });
});

describe('lateChanges', () => {
  const title = (id: string, text: string) => ({ type: 'item-title', id, children: [{ text }] });
  const p = (id: string, text: string) => ({ type: 'paragraph', id, children: [{ text }] });
  const item = (id: string, children: unknown[]) => ({ type: 'item', id, children });
  const signed = [item('i1', [title('t1', 'Budget'), p('a', 'att godkänna budgeten'), p('b', 'Diskussion.')]), item('i2', [title('t2', 'Övriga frågor'), p('c', '')])];

  it('says nothing when the live content is what was signed', () => {
    expect(lateChanges(signed, structuredClone(signed))).toEqual([]);
  });

  it('names items added and removed, and text added, changed and removed, with the § label', () => {
    const live = [
      item('i1', [title('t1', 'Budget'), p('a', 'att godkänna budgeten med ändringar'), p('d', 'Ny mening.')]),
      item('i3', [title('t3', 'Lokaler'), p('e', 'text')]),
    ];
    const labels = new Map([['i1', '§ 5'], ['i2', '§ 6']]);
    expect(lateChanges(signed, live, labels).map((c) => [c.itemId, c.sv])).toEqual([
      ['i1', '§ 5 Budget: ”att godkänna budgeten” ändrad till ”att godkänna budgeten med ändringar”'],
      ['i1', '§ 5 Budget: tillagd text ”Ny mening.”'],
      ['i1', '§ 5 Budget: borttagen text ”Diskussion.”'],
      ['i3', 'Ny punkt: Lokaler'],
      ['i2', 'Borttagen punkt: § 6 Övriga frågor'],
    ]);
    expect(lateChanges(signed, live, labels)[0]!.en).toBe('§ 5 Budget: "att godkänna budgeten" changed to "att godkänna budgeten med ändringar"');
  });
});
