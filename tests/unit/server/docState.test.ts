import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { unapplicableUpdate } from '../../helpers/craftedUpdate';
import { checkUpdate, DocumentDamagedError, isEmptyUpdate, planCompaction, rebuildDocument, sha256 } from '../../../server/store/docState';

function edit(doc: Y.Doc, f: (d: Y.Doc) => void): Uint8Array {
  let u: Uint8Array | null = null;
  const on = (x: Uint8Array) => (u = x);
  doc.on('update', on);
  f(doc);
  doc.off('update', on);
  return u!;
}
const piece = (id: number, data: Uint8Array) => ({ id, data, sha256: sha256(data) });
const text = (state: Uint8Array | null) => {
  const d = new Y.Doc();
  if (state) Y.applyUpdate(d, state);
  return d.getText('t').toString();
};

describe('document state: rebuild and compaction', () => {
  it('rebuilds from snapshot + log, and refuses a piece whose checksum does not match', () => {
    const doc = new Y.Doc();
    const u1 = edit(doc, (d) => d.getText('t').insert(0, 'ab'));
    const u2 = edit(doc, (d) => d.getText('t').insert(2, 'cd'));
    expect(rebuildDocument('x', null, [])).toBeNull();
    expect(text(rebuildDocument('x', { data: u1, sha256: sha256(u1) }, [piece(7, u2)]))).toBe('abcd');
    const bad = Uint8Array.from(u2);
    bad[bad.length - 2]! ^= 0xff;
    expect(() => rebuildDocument('x', null, [piece(1, u1), { id: 2, data: bad, sha256: sha256(u2) }])).toThrow(DocumentDamagedError);
    expect(() => rebuildDocument('x', null, [{ id: 2, data: bad, sha256: sha256(u2) }])).toThrow(/update 2: checksum mismatch[\s\S]*Document x is damaged/);
  });

  it('refuses, before it is logged, an update that decodes but cannot be applied (it would make the document unloadable)', () => {
    const crafted = unapplicableUpdate();
    expect(() => Y.decodeUpdate(crafted)).not.toThrow();
    expect(() => checkUpdate(crafted)).toThrow();
    // What a real client sends passes, also one that waits for changes it lacks.
    const doc = new Y.Doc();
    edit(doc, (d) => d.getText('t').insert(0, 'ab'));
    const later = edit(doc, (d) => d.getText('t').insert(2, 'cd'));
    expect(() => checkUpdate(later)).not.toThrow();
    expect(() => rebuildDocument('x', null, [piece(1, crafted)])).toThrow(DocumentDamagedError);
  });

  it('folds only log rows the merged snapshot contains, deletions included', () => {
    const a = new Y.Doc();
    const u1 = edit(a, (d) => d.getText('t').insert(0, 'hello'));
    const u2 = edit(a, (d) => d.getText('t').delete(0, 1));
    // Another node's update this node has not seen yet.
    const b = new Y.Doc();
    Y.applyUpdate(b, u1);
    const u3 = edit(b, (d) => d.getText('t').insert(0, 'X'));
    const plan = planCompaction('x', null, Y.encodeStateAsUpdate(a), [piece(1, u1), piece(2, u2), piece(3, u3)]);
    expect(plan.fold).toEqual([1, 2]);
    expect(plan.keep).toBe(1);
    // A stale node compacting later merges, it does not replace: nothing of `a` is lost.
    const stale = new Y.Doc();
    Y.applyUpdate(stale, u1);
    Y.applyUpdate(stale, u3);
    const plan2 = planCompaction('x', { data: plan.snapshot, sha256: sha256(plan.snapshot) }, Y.encodeStateAsUpdate(stale), [piece(3, u3)]);
    expect(plan2.fold).toEqual([3]);
    expect(text(plan2.snapshot)).toBe('Xello');
  });

  it('never lets an empty state erase a stored snapshot', () => {
    const a = new Y.Doc();
    const u1 = edit(a, (d) => d.getText('t').insert(0, 'kept'));
    const plan = planCompaction('x', { data: u1, sha256: sha256(u1) }, Y.encodeStateAsUpdate(new Y.Doc()), []);
    expect(text(plan.snapshot)).toBe('kept');
  });

  it('refuses to compact onto a damaged snapshot', () => {
    const a = new Y.Doc();
    const u1 = edit(a, (d) => d.getText('t').insert(0, 'kept'));
    expect(() => planCompaction('x', { data: u1, sha256: sha256(new Uint8Array([1])) }, u1, [])).toThrow(DocumentDamagedError);
  });

  it('recognises the empty update', () => {
    expect(isEmptyUpdate(Y.encodeStateAsUpdate(new Y.Doc()))).toBe(true);
    const a = new Y.Doc();
    a.getText('t').insert(0, 'x');
    expect(isEmptyUpdate(Y.encodeStateAsUpdate(a))).toBe(false);
  });
});
