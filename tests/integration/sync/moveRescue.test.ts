/**
 * "Never lose a word" across computers: B types into § 1 with no network while A moves § 1 to
 * the end. The editor's binding moves by deleting and copying, so B's words would land in the
 * deleted original. When B is back online its Core sees the move arrive, finds its own words
 * missing from the moved item, and puts them back; the server and A get them like any change.
 * The same for a paragraph joined to the one before (Backspace at its start) while B typed in it.
 * Real Cores (SQLite), the real sync client and server, and the editor's binding for both edits.
 */
import { describe, expect, it } from 'vitest';
import { Editor, Node, Transforms } from 'slate';
import { yTextToSlateElement } from '@slate-yjs/core';
import * as Y from 'yjs';
import { unwrap } from '../../../src/api/client';
import { AppEditor } from '../../../renderer/editor/AppEditor';
import { editDoc } from '../../helpers/meetingEditor';
import { configure, localDoc, openSyncCore, serverPerTest, waitDocState, waitUntil, type TestCore } from './syncHelpers';

const s = serverPerTest();

const titles = async (c: Parameters<typeof localDoc>[0], meetingId: string) =>
  yTextToSlateElement((await localDoc(c, meetingId)).get('content', Y.XmlText)).children.map((n) => Node.string(n));

/** Two Cores of one user with one meeting (`prepare` writes into it on A first), both synced. */
async function twoSyncedCores(prepare?: (meetingId: string, api: TestCore['api']) => Promise<void>) {
  const token = await s.server.user('sekreterare');
  const a = s.keep(openSyncCore());
  const b = s.keep(openSyncCore());
  const body = unwrap(await a.api.invoke('bodies.create', { name: 'LSVO', preset: 'sammantradesprotokoll', group: 'ledningsgrupp' }));
  const meetingId = unwrap(await a.api.invoke('meetings.create', { bodyId: body.id, date: '2026-05-07' })).id;
  await prepare?.(meetingId, a.api);
  await s.server.grant('sekreterare', body.id, 'read-write');
  await configure(a, s.server.url, token);
  await waitDocState(a, meetingId, 'synced');
  await configure(b, s.server.url, token);
  await waitUntil(async () => unwrap(await b.api.invoke('meetings.list', {})).some((m) => m.id === meetingId), 'B discovers the meeting', 20_000);
  await waitDocState(b, meetingId, 'synced');
  return { a, b, body, meetingId };
}

describe('words typed into an item or paragraph that another computer moved or joined', () => {
  it('are put back into the moved item by the computer that typed them, and reach the other and the server once', async () => {
    const { a, b, body, meetingId } = await twoSyncedCores();
    const before = await titles(b, meetingId);

    // B, offline, writes into § 1's title; A moves § 1 to the end meanwhile.
    b.core.syncManager!.syncClient!.setOnline(false);
    await waitDocState(b, meetingId, 'offline');
    await editDoc(b.api, meetingId, (_d, editor) => Transforms.insertText(editor, ' – skrivet utan nät', { at: Editor.end(editor, [0, 0]) }));
    await editDoc(a.api, meetingId, (_d, editor) => {
      const [first] = editor.children as Array<{ id: string }>;
      expect(AppEditor.moveItem(editor, first!.id, editor.children.length - 1)).toBe(true);
    });
    await waitDocState(a, meetingId, 'synced', 20_000, (st) => !st.pending);

    b.core.syncManager!.syncClient!.setOnline(true);
    const expected = [...before.slice(1), `${before[0]} – skrivet utan nät`];
    await waitUntil(async () => JSON.stringify(await titles(b, meetingId)) === JSON.stringify(expected), 'B has its words in the moved item', 20_000);
    await waitUntil(async () => JSON.stringify(await titles(a, meetingId)) === JSON.stringify(expected), 'A has them too', 20_000);
    await waitDocState(b, meetingId, 'synced', 20_000, (st) => !st.pending);
    // Once, everywhere, the server included.
    const stored = await s.server.stored(`meeting/${body.id}/${meetingId}`);
    expect(yTextToSlateElement(stored.get('content', Y.XmlText)).children.map((n) => Node.string(n))).toEqual(expected);
  }, 120_000);

  it('are put back into the paragraph another computer joined theirs to', async () => {
    const { a, b, meetingId } = await twoSyncedCores((meetingId, api) =>
      editDoc(api, meetingId, (_d, editor) =>
        Transforms.insertNodes(editor, [{ type: 'paragraph', id: 'j1', children: [{ text: 'Första stycket.' }] }, { type: 'paragraph', id: 'j2', children: [{ text: 'Andra stycket.' }] }] as never, { at: [0, 1] }),
      ),
    );

    b.core.syncManager!.syncClient!.setOnline(false);
    await waitDocState(b, meetingId, 'offline');
    await editDoc(b.api, meetingId, (_d, editor) => Transforms.insertText(editor, ' Skrivet utan nät.', { at: Editor.end(editor, [0, 2]) }));
    await editDoc(a.api, meetingId, (_d, editor) => {
      Transforms.select(editor, Editor.start(editor, [0, 2]));
      editor.deleteBackward('character');
    });
    await waitDocState(a, meetingId, 'synced', 20_000, (st) => !st.pending);
    b.core.syncManager!.syncClient!.setOnline(true);

    const paragraph = async (c: typeof a) => {
      const content = yTextToSlateElement((await localDoc(c, meetingId)).get('content', Y.XmlText)).children[0] as unknown as { children: Array<{ id: string }> };
      return content.children.map((block) => `${block.id}:${Node.string(block as never)}`).filter((t) => t.startsWith('j'));
    };
    await waitUntil(async () => JSON.stringify(await paragraph(b)) === JSON.stringify(['j1:Första stycket.Andra stycket. Skrivet utan nät.']), 'B has its words in the joined paragraph', 20_000);
    await waitUntil(async () => JSON.stringify(await paragraph(a)) === JSON.stringify(['j1:Första stycket.Andra stycket. Skrivet utan nät.']), 'A has them too', 20_000);
  }, 120_000);
});
