/**
 * Search and register on ten years of minutes (issue 6): 5,000 meetings, 100,000 §, about a
 * million blocks, in five bodies.
 *
 * The corpus is generated straight into the projection tables (meeting, item, search_row,
 * search_fts, decision, decision_owner) with the same row shapes and the same folding as
 * main/core/register.ts writes, not by building 5,000 Y.Docs and projecting them: that would
 * take far longer than the benchmark and measures nothing the search reads. (Those meetings
 * have no documents, so a rebuild on this database is not meaningful.) One real meeting with a
 * real document is added through the API, and edited, for the register update.
 *
 * Measured:
 * - search.query through the API dispatch (params and result validated), over a mix of
 *   queries: compounds, common and rare words, folded (typed without å/ä/ö), two words,
 *   short (1–2 characters), with filters;
 * - register update after an edit: the projection flush of the edited meeting (meeting and
 *   item rows, the year's renumbering, decisions and search rows), and the register part
 *   alone (projectRegister); the flush runs 400 ms after the last keystroke, off the typing path;
 * - a keystroke (docs.applyUpdate) on the big database, to show typing is not slowed.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Editor, Transforms } from 'slate';
import * as Y from 'yjs';
import { Core } from '../../main/core/Core';
import { dayNumber, projectRegister, ROWIDS_PER_DAY } from '../../main/core/register';
import { projectMeeting, renumberBody } from '../../main/core/projections';
import { createTypedApi, unwrap } from '../../src/api/client';
import { fromBase64, toBase64 } from '../../src/api/base64';
import { foldSwedish } from '../../src/search/text';
import type { ItemElement } from '../../src/protocol/schema';
import { coreTransport, tempDir } from '../helpers/coreTransport';
import { editDoc } from '../helpers/meetingEditor';
import { summarize, type BenchRow } from './stats';

/** Deterministic, so two runs search the same corpus. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const topics = [
  'Hemsjukvårdsavtal', 'FoU-avtal med högskolan', 'VFU sjuksköterskeprogrammet', 'Budget och verksamhetsplan', 'Psykiatrisamverkan',
  'Läkemedelsförsörjning', 'Barn och unga med psykisk ohälsa', 'Samordnad individuell plan', 'Nära vård', 'Digitala vårdmöten',
  'Kompetensförsörjning', 'Missbruk och beroende', 'Äldreomsorgens kvalitetsregister', 'Hjälpmedelsrutin', 'Ledningssystem för kvalitet',
  'Överenskommelse om utskrivning', 'Ungdomsmottagningar', 'Suicidprevention', 'Våld i nära relationer', 'Tandvård för äldre',
];
const words = (
  'ledningsgruppen diskuterade frågan regionen kommunerna samverkan uppföljning rapport underlag förslag arbetsgrupp ' +
  'verksamheten patienter brukare vårdgivare samarbetsavtal ramavtal avtalet finansiering kostnader statsbidrag ' +
  'hälso- sjukvård socialtjänst omsorg kvalitet statistik utredning remiss yttrande beslut information presentation ' +
  'länsgemensam handlingsplan riktlinje rutin överenskommelse tjänsteskrivelse mötet hösten våren sommaren december ' +
  'förvaltningschef processledare ordförande sekreterare Blekinge Karlskrona Ronneby Karlshamn Sölvesborg Olofström ' +
  'vårdplanering utskrivningsklara hemtjänst boende LSS psykiatri primärvård barnhälsovård elevhälsa skolan högskolan'
).split(' ');
const people = ['Kjell Ivarsson', 'Annika Mellqvist', 'Bodil Sundlöf', 'Cecilia Grefve-Lang', 'Martin Åsman', 'Gunilla Råberg', 'Thomas Svensson', 'Elina Tyrberg'];

function sentence(r: () => number, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(words[Math.floor(r() * words.length)]!);
  const s = out.join(' ');
  return s[0]!.toUpperCase() + s.slice(1) + '.';
}

interface Corpus {
  meetings: number;
  items: number;
  blocks: number;
  decisions: number;
  bodies: Array<{ id: string; personIds: string[] }>;
  generateMs: number;
}

function generate(core: Core, bodies: Corpus['bodies'], meetings: number, itemsPerMeeting: number, blocksPerItem: number): Corpus {
  const db = (core as unknown as { db: import('better-sqlite3').Database }).db;
  const r = rng(42);
  const t0 = performance.now();
  const ins = {
    ydoc: db.prepare("INSERT INTO ydoc (id, kind, created_at) VALUES (?, 'meeting', ?)"),
    meeting: db.prepare("INSERT INTO meeting (id, body_id, title, date, status, created_at, updated_at) VALUES (?, ?, ?, ?, 'justerat', ?, ?)"),
    item: db.prepare('INSERT INTO item (meeting_id, id, position, title, number, label, bordlagd, agenda_key, sub_items_json) VALUES (?, ?, ?, ?, ?, ?, 0, NULL, ?)'),
    row: db.prepare('INSERT INTO search_row (rowid, kind, meeting_id, body_id, meeting_date, item_id, sub_item_id, decision_id, title, text) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)'),
    fts: db.prepare('INSERT INTO search_fts (rowid, title, text, title_folded, text_folded) VALUES (?, ?, ?, ?, ?)'),
    decision: db.prepare(
      `INSERT INTO decision (meeting_id, id, body_id, meeting_date, item_id, sub_item_id, position, text, kind, owners_json, due_json, due_day,
        status, status_note, needs_follow_up, source_json, stale_json, detected_json) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, '[]', '{}')`,
    ),
    owner: db.prepare('INSERT INTO decision_owner (meeting_id, decision_id, person_id, name) VALUES (?, ?, ?, ?)'),
  };
  const nextRowid = new Map<string, number>();
  const index = (kind: string, meetingId: string, bodyId: string, date: string, itemId: string, decisionId: string | null, title: string, text: string) => {
    // Rowids by meeting date, as register.ts numbers them.
    const rowid = nextRowid.get(date) ?? dayNumber(date) * ROWIDS_PER_DAY;
    nextRowid.set(date, rowid + 1);
    ins.row.run(rowid, kind, meetingId, bodyId, date, itemId, decisionId, title, text);
    ins.fts.run(rowid, title, text, foldSwedish(title), foldSwedish(text));
  };
  let items = 0;
  let blocks = 0;
  let decisions = 0;
  const perBodyYear = new Map<string, number>();
  const batch = 100;
  for (let start = 0; start < meetings; start += batch) {
    db.transaction(() => {
      for (let m = start; m < Math.min(meetings, start + batch); m++) {
        const body = bodies[m % bodies.length]!;
        // Ten years, 2015–2024, each body's meetings spread evenly through them.
        const k = Math.floor(m / bodies.length);
        const perBody = Math.ceil(meetings / bodies.length);
        const day = Math.floor((k / perBody) * 3650);
        const date = new Date(Date.UTC(2015, 0, 5) + day * 86_400_000).toISOString().slice(0, 10);
        const id = randomUUID();
        ins.ydoc.run(id, date);
        ins.meeting.run(id, body.id, `Sammanträde ${date}`, date, date, date);
        const yearKey = `${body.id}:${date.slice(0, 4)}`;
        let n = perBodyYear.get(yearKey) ?? 0;
        for (let i = 0; i < itemsPerMeeting; i++) {
          n++;
          const itemId = randomUUID();
          const title = `${topics[Math.floor(r() * topics.length)]}${r() < 0.3 ? ` ${date.slice(0, 4)}` : ''}`;
          ins.item.run(id, itemId, i, title, n, `§ ${n}`, '[]');
          const lines: string[] = [title];
          const decisionLines: Array<{ text: string; owner: number | null; kind: string }> = [];
          const withDecision = r() < 0.4;
          const textBlocks = withDecision ? blocksPerItem - 3 : blocksPerItem;
          for (let b = 0; b < textBlocks; b++) lines.push(sentence(r, 6 + Math.floor(r() * 10)));
          if (withDecision) {
            lines.push('LSVO:s ledningsgrupp beslutar');
            for (let d = 0; d < 2; d++) {
              const roll = r();
              const owner = Math.floor(r() * people.length);
              const text =
                roll < 0.5 ? `att ${people[owner]} tar med sig frågan om ${words[Math.floor(r() * words.length)]} till nästa möte`
                : roll < 0.8 ? 'att lägga informationen till protokollet'
                : 'att bordlägga frågan och ta upp denna igen vid nästa möte';
              decisionLines.push({ text, owner: roll < 0.5 ? owner : null, kind: roll < 0.5 ? 'uppdrag' : roll < 0.8 ? 'informationen-till-protokollet' : 'bordlagd' });
              lines.push(text);
            }
          }
          blocks += lines.length;
          index('item', id, body.id, date, itemId, null, title, lines.join('\n'));
          decisionLines.forEach((d, pos) => {
            const did = randomUUID();
            const owners = d.owner === null ? [] : [{ personId: body.personIds[d.owner], name: people[d.owner], how: 'roster', kind: 'person', rule: 'full-name' }];
            // Old meetings are mostly followed up; the last year's uppdrag are still open.
            const status = d.kind === 'uppdrag' && date >= '2024-01-01' ? 'open' : d.kind === 'uppdrag' || d.kind === 'bordlagd' ? 'done' : 'open';
            ins.decision.run(id, did, body.id, date, itemId, pos, d.text, d.kind, JSON.stringify(owners), null, null, status, d.kind === 'informationen-till-protokollet' ? 0 : 1, '{"kind":"detected","owners":"detected","due":"detected","status":"default"}');
            for (const o of owners) ins.owner.run(id, did, o.personId ?? null, o.name);
            index('decision', id, body.id, date, itemId, did, title, d.text);
            decisions++;
          });
          items++;
        }
        perBodyYear.set(yearKey, n);
      }
    })();
  }
  return { meetings, items, blocks, decisions, bodies, generateMs: performance.now() - t0 };
}

function item(title: string, lines: string[]): ItemElement {
  return {
    type: 'item',
    id: randomUUID(),
    children: [{ type: 'item-title', id: randomUUID(), children: [{ text: title }] }, ...lines.map((t) => ({ type: 'paragraph' as const, id: randomUUID(), children: [{ text: t }] }))],
  };
}

export async function registerBenchmarks(scale = { meetings: 5000, itemsPerMeeting: 20, blocksPerItem: 10 }): Promise<BenchRow[]> {
  const core = Core.open({ dataDir: tempDir('paragraf-bench-register-'), backupIntervalMs: 0 });
  const api = createTypedApi(coreTransport(core));
  const csv = toBase64(new TextEncoder().encode(['Namn;Titel;Organisation', ...people.map((p) => `${p};;`)].join('\r\n')));
  const bodies: Corpus['bodies'] = [];
  for (const name of ['LSVO', 'Socialnämnden', 'Ledningsgrupp för samordning', 'Beredningen Nordväst', 'Regionstyrelsen']) {
    const b = unwrap(await api.invoke('bodies.create', { name, preset: 'sammantradesprotokoll' }));
    unwrap(await api.invoke('roster.importCsv', { bodyId: b.id, csv }));
    const doc = new Y.Doc();
    Y.applyUpdate(doc, fromBase64(unwrap(await api.invoke('docs.open', { docId: b.id })).update));
    const byName = new Map([...doc.getMap('members').values()].map((p) => [(p as { name: string }).name, (p as { id: string }).id]));
    bodies.push({ id: b.id, personIds: people.map((p) => byName.get(p) ?? '') });
  }
  const corpus = generate(core, bodies, scale.meetings, scale.itemsPerMeeting, scale.blocksPerItem);
  const db = (core as unknown as { db: import('better-sqlite3').Database }).db;
  db.pragma('optimize');
  console.error(`register bench: ${corpus.meetings} meetings, ${corpus.items} §, ${corpus.blocks} blocks, ${corpus.decisions} decisions generated in ${(corpus.generateMs / 1000).toFixed(1)} s`);

  const rows: BenchRow[] = [];
  const size = `${corpus.meetings} meetings, ${corpus.items} §, ${corpus.blocks} blocks`;

  // Search.
  const lsvo = bodies[0]!.id;
  const queries: Array<[string, Record<string, unknown>]> = [
    ['avtal', {}],
    ['hemsjukvård', {}],
    ['hogskolan', {}],
    ['sjukvård', { bodyId: lsvo }],
    ['Kjell Ivarsson', {}],
    ['tar med sig', { decisionsOnly: true, status: 'open' }],
    ['psykiatri', { from: '2020-01-01', to: '2021-12-31' }],
    ['budget 2024', {}],
    ['rutin', { personId: bodies[0]!.personIds[0] }],
    ['frågan', {}],
    ['xyzzyq', {}],
    ['vå', {}],
    ['95', { bodyId: lsvo }],
    ['sammanträde', {}],
  ];
  for (const [q, f] of queries) unwrap(await api.invoke('search.query', { query: q, ...f })); // warm-up
  const all: number[] = [];
  const perQuery: Array<[string, number]> = [];
  for (const [q, f] of queries) {
    const samples: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      unwrap(await api.invoke('search.query', { query: q, ...f }));
      samples.push(performance.now() - t0);
    }
    all.push(...samples);
    perQuery.push([q, summarize(samples).p95]);
  }
  perQuery.sort((a, b) => b[1] - a[1]);
  rows.push({
    name: 'search.query, 14 queries × 20',
    summary: summarize(all),
    goal: { p95: 30 },
    note: `${size}; slowest p95: ${perQuery.slice(0, 3).map(([q, ms]) => `"${q}" ${ms.toFixed(1)} ms`).join(', ')}`,
  });

  // Register update after an edit: a real meeting with a real document in LSVO, 2024-12-20.
  const m = unwrap(await api.invoke('meetings.create', { bodyId: lsvo, date: '2024-12-20' }));
  const items = Array.from({ length: 20 }, (_, i) =>
    item(`${topics[i % topics.length]}`, [
      ...Array.from({ length: 7 }, (_, b) => `Stycke ${b + 1} om ${topics[(i + b) % topics.length]!.toLowerCase()} och samverkan i länet.`),
      'LSVO:s ledningsgrupp beslutar',
      `att ${people[i % people.length]} tar med sig frågan till nästa möte`,
      'att lägga informationen till protokollet',
    ]),
  );
  await editDoc(api, m.id, (_doc, editor) => {
    for (const it of items) Transforms.insertNodes(editor, it as never, { at: [editor.children.length] });
  });
  core.flushProjections();
  const flush: number[] = [];
  const registerOnly: number[] = [];
  const numbering: number[] = [];
  const keystroke: number[] = [];
  const doc = new Y.Doc();
  Y.applyUpdate(doc, fromBase64(unwrap(await api.invoke('docs.open', { docId: m.id })).update));
  const { withYjs, YjsEditor } = await import('@slate-yjs/core');
  const { createEditor } = await import('slate');
  const editor = withYjs(createEditor(), doc.get('content', Y.XmlText), { autoConnect: false });
  YjsEditor.connect(editor);
  const target = editor.children.findIndex((c) => (c as { id?: string }).id === items[10]!.id);
  for (let i = 0; i < 30; i++) {
    // One keystroke in an att-sats (its paragraph, index 9 of the item).
    const before = Y.encodeStateVector(doc);
    Transforms.insertText(editor, 'x', { at: Editor.end(editor, [target, 9]) });
    YjsEditor.flushLocalChanges(editor);
    const update = Y.encodeStateAsUpdate(doc, before);
    let t0 = performance.now();
    unwrap(await api.invoke('docs.applyUpdate', { docId: m.id, update: toBase64(update) }));
    keystroke.push(performance.now() - t0);
    t0 = performance.now();
    core.flushProjections();
    flush.push(performance.now() - t0);
    t0 = performance.now();
    const docs = (core as unknown as { docs: import('../../main/core/docStore').DocStore }).docs;
    db.transaction(() => projectRegister(db, docs, m.id))();
    registerOnly.push(performance.now() - t0);
    t0 = performance.now();
    db.transaction(() => renumberBody(db, lsvo, projectMeeting(db, docs, m.id).year))();
    numbering.push(performance.now() - t0);
  }
  YjsEditor.disconnect(editor);
  const check = unwrap(await api.invoke('register.list', { meetingId: m.id }));
  if (!check.some((d) => d.text.endsWith('x'.repeat(30)))) throw new Error('register bench: the edit did not reach the register');
  rows.push({ name: 'keystroke (docs.applyUpdate) on the ten-year database', summary: summarize(keystroke), note: 'the typing path: the register is not touched here' });
  rows.push({ name: 'register update after an edit: whole projection flush', summary: summarize(flush), goal: { p95: 50 }, note: 'meeting + items + renumbering of the year + register + search rows; 400 ms after the last keystroke' });
  rows.push({ name: 'register update after an edit: decisions and search rows only', summary: summarize(registerOnly), goal: { p95: 50 }, note: '20 §, 40 att-satser; the edited one re-detected' });
  rows.push({ name: 'of the flush: meeting and item rows + renumbering the year', summary: summarize(numbering), note: 'projections.ts (not the register): ~100 meetings of LSVO in 2024' });
  core.close();
  return rows;
}
