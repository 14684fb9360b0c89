/**
 * Seeded fuzz of the whole sync path: three Cores (real SQLite, real sync client) edit one
 * meeting against a real sync server (in this process, SQLite store, real WebSockets) while
 * their network drops and returns at random, and sometimes a Core is closed with unsynced
 * edits and reopened. Edits are what the editor does through @slate-yjs: typing into titles
 * and paragraphs, new items, att-satser, moved items.
 *
 * After healing, for every seed:
 * - all three Cores and the server hold the identical document;
 * - every edit a Core acknowledged (docs.applyUpdate returned) is contained in that state
 *   (Y.snapshotContainsUpdate: its insertions are there and its deletions applied);
 * - every token typed is visible in the text, also one typed into an item another Core moved
 *   at the same time: the binding's move is a delete and a copy, so that typing lands in the
 *   deleted original (tests/unit/renderer/editorMove.test.ts), and the Core that typed it puts
 *   it back when the move arrives (src/protocol/moveRescue.ts).
 * - every Core says "synced" with nothing pending.
 *
 * Seeds are cheap (one server for the file, new user/body/meeting and new Cores per seed,
 * a handful of operations) and run a few at a time. FUZZ_SEEDS=n runs n seeds.
 */
import { describe, expect, it } from 'vitest';
import { Editor, Transforms, type Descendant } from 'slate';
import { createEditor } from 'slate';
import { withYjs, YjsEditor } from '@slate-yjs/core';
import * as Y from 'yjs';
import { unwrap } from '../../../src/api/client';
import { fromBase64, toBase64 } from '../../../src/api/base64';
import { newItem } from '../../../src/protocol/schema';
import { configure, docStatus, docText, localDoc, openSyncCore, startTestServer, waitUntil, type TestCore, type TestServer } from './syncHelpers';

const SEEDS = Number(process.env.FUZZ_SEEDS ?? 200);
const FIRST = Number(process.env.FUZZ_FIRST ?? 1000);
const PARALLEL = 6;
const OPS = 10;

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Client {
  name: string;
  c: TestCore;
  online: boolean;
}

interface Run {
  acked: Uint8Array[];
  /** token → the item it was typed into */
  typed: Map<string, string>;
  moved: Set<string>;
}

/** One editor operation on a Core's document, as the renderer would send it. Returns the acknowledged update. */
async function edit(c: TestCore, meetingId: string, change: (editor: Editor) => void): Promise<Uint8Array | null> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, fromBase64(unwrap(await c.api.invoke('docs.open', { docId: meetingId })).update));
  const editor = withYjs(createEditor(), doc.get('content', Y.XmlText), { autoConnect: false });
  YjsEditor.connect(editor);
  const before = Y.encodeStateVector(doc);
  change(editor);
  YjsEditor.disconnect(editor);
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  if (update.length <= 2) return null;
  unwrap(await c.api.invoke('docs.applyUpdate', { docId: meetingId, update: toBase64(update) }));
  return update;
}

type Node = { type?: string; id?: string; children?: Node[]; text?: string };

async function randomOp(r: () => number, cl: Client, meetingId: string, run: Run, n: number): Promise<void> {
  const kind = r();
  let update: Uint8Array | null;
  if (kind < 0.5) {
    // Typing a unique token into an item's title or one of its paragraphs.
    const token = `‹${cl.name}${n}›`;
    update = await edit(cl.c, meetingId, (editor) => {
      const items = editor.children as Node[];
      if (items.length === 0) return;
      const i = Math.floor(r() * items.length);
      const item = items[i]!;
      const blocks = (item.children ?? []).map((b, j) => ({ b, j })).filter(({ b }) => b.type === 'item-title' || b.type === 'paragraph');
      const { b, j } = blocks[Math.floor(r() * blocks.length)]!;
      const text = b.children?.[0]?.text ?? '';
      // Never inside another token (so each stays one visible run; Yjs never interleaves two
      // concurrent insertions at one place, so this keeps tokens whole on every replica).
      const offsets: number[] = [];
      let depth = 0;
      for (let p = 0; p <= text.length; p++) {
        if (depth === 0) offsets.push(p);
        if (text[p] === '‹') depth++;
        if (text[p] === '›') depth--;
      }
      Transforms.insertText(editor, token, { at: { path: [i, j, 0], offset: offsets[Math.floor(r() * offsets.length)]! } });
      run.typed.set(token, item.id!);
    });
  } else if (kind < 0.7) {
    // A new item somewhere in the agenda.
    update = await edit(cl.c, meetingId, (editor) => {
      const at = Math.floor(r() * (editor.children.length + 1));
      Transforms.insertNodes(editor, newItem(() => crypto.randomUUID(), `Ärende ${cl.name}${n}`) as unknown as Descendant, { at: [at] });
    });
  } else if (kind < 0.85) {
    // An att-sats: a paragraph at the end of an item.
    const token = `‹${cl.name}${n}att›`;
    update = await edit(cl.c, meetingId, (editor) => {
      const items = editor.children as Node[];
      if (items.length === 0) return;
      const i = Math.floor(r() * items.length);
      const item = items[i]!;
      Transforms.insertNodes(editor, { type: 'paragraph', id: crypto.randomUUID(), children: [{ text: `att ${token} genomförs` }] } as unknown as Descendant, {
        at: [i, item.children!.length],
      });
      run.typed.set(token, item.id!);
    });
  } else {
    // Moving an item.
    update = await edit(cl.c, meetingId, (editor) => {
      const items = editor.children as Node[];
      if (items.length < 2) return;
      const from = Math.floor(r() * items.length);
      let to = Math.floor(r() * items.length);
      if (to === from) to = (to + 1) % items.length;
      run.moved.add(items[from]!.id!);
      Transforms.moveNodes(editor, { at: [from], to: [to] });
    });
  }
  if (update) run.acked.push(update);
}

const setOnline = (cl: Client, online: boolean) => {
  cl.online = online;
  cl.c.core.syncManager!.syncClient!.setOnline(online);
};

async function runSeed(server: TestServer, seed: number): Promise<void> {
  const r = rng(seed);
  const user = `u${seed}`;
  const token = await server.user(user);
  const first = openSyncCore();
  const body = unwrap(await first.api.invoke('bodies.create', { name: `Organ ${seed}`, preset: 'sammantradesprotokoll' }));
  const meeting = unwrap(await first.api.invoke('meetings.create', { bodyId: body.id, date: '2026-05-07' }));
  await server.grant(user, body.id, 'read-write');
  const clients: Client[] = [{ name: 'a', c: first, online: true }];
  const run: Run = { acked: [], typed: new Map(), moved: new Set() };
  try {
    await configure(first, server.url, token);
    for (const name of ['b', 'c']) {
      const c = openSyncCore();
      clients.push({ name, c, online: true });
      await configure(c, server.url, token);
    }
    await waitUntil(async () => {
      for (const cl of clients) if ((await docStatus(cl.c, meeting.id))?.state !== 'synced') return false;
      return true;
    }, `seed ${seed}: every Core has the meeting`, 60_000);

    for (let n = 0; n < OPS; n++) {
      const cl = clients[Math.floor(r() * clients.length)]!;
      const event = r();
      if (event < 0.15) setOnline(cl, !cl.online);
      else if (event < 0.2 && !cl.online) {
        // A Core closed while offline with its edits unsynced, and started again.
        const dataDir = cl.c.dataDir;
        cl.c.core.close();
        cl.c = openSyncCore(dataDir);
        cl.online = true;
      }
      await randomOp(r, cl, meeting.id, run, n);
      if (r() < 0.5) await new Promise((res) => setTimeout(res, Math.floor(r() * 15)));
    }

    // Heal.
    for (const cl of clients) if (!cl.online) setOnline(cl, true);
    const name = `meeting/${body.id}/${meeting.id}`;
    let texts: string[] = [];
    let states: string[] = [];
    await waitUntil(
      async () => {
        states = await Promise.all(clients.map(async (cl) => JSON.stringify(await docStatus(cl.c, meeting.id))));
        for (const cl of clients) {
          const s = await docStatus(cl.c, meeting.id);
          if (s?.state !== 'synced' || s.pending) return false;
        }
        texts = [...(await Promise.all(clients.map(async (cl) => docText(await localDoc(cl.c, meeting.id))))), docText(await server.stored(name))];
        return texts.every((t) => t === texts[0]);
      },
      `seed ${seed}: replicas and server converge`,
      20_000,
    ).catch((err: Error) => {
      throw new Error(`${err.message}\n${states.join('\n')}\n${texts.join('\n')}`);
    });

    const final = await server.stored(name);
    const snapshot = Y.snapshot(final);
    const svs = await Promise.all(clients.map(async (cl) => Y.encodeStateVector(await localDoc(cl.c, meeting.id))));
    for (const sv of svs) expect(sv, `seed ${seed}: state vectors`).toEqual(Y.encodeStateVector(final));
    run.acked.forEach((u, i) => expect(Y.snapshotContainsUpdate(snapshot, u), `seed ${seed}: acknowledged edit #${i} is in the final state`).toBe(true));
    const content = final.get('content', Y.XmlText).toString();
    // Every token, also those typed into an item another Core moved at the same time: the
    // binding drops those into the deleted original, and the typing Core puts them back.
    for (const [token, itemId] of run.typed) {
      expect(content, `seed ${seed}: ${token} typed into ${run.moved.has(itemId) ? 'an item that was moved' : 'an unmoved item'}`).toContain(token);
    }
  } finally {
    for (const cl of clients) cl.c.core.close();
  }
}

describe('sync fuzz', () => {
  it(`${SEEDS} seeds: three Cores with partitions and restarts converge with the server, nothing acknowledged lost`, { timeout: 600_000 }, async () => {
    // Generous limits: a seed opens three Cores, each a WebSocket, and reconnects often.
    const server = await startTestServer({ PARAGRAF_CONNECTION_BURST: '100000', PARAGRAF_CONNECTIONS_PER_MINUTE: '1000000' });
    const started = Date.now();
    try {
      let next = 0;
      const worker = async () => {
        while (next < SEEDS) await runSeed(server, FIRST + next++);
      };
      await Promise.all(Array.from({ length: PARALLEL }, worker));
    } finally {
      await server.cleanup();
    }
    console.log(`sync fuzz: ${SEEDS} seeds in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
});
