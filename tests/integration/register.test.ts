/**
 * The decision register, search and the follow-up walk, through the API on a real Core and a
 * real SQLite file (issue 6).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Editor, Transforms } from 'slate';
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { yTextToSlateElement } from '@slate-yjs/core';
import { unwrap } from '../../src/api/client';
import { fromBase64, toBase64 } from '../../src/api/base64';
import type { ItemElement } from '../../src/protocol/schema';
import type { TypedApi } from '../../src/api/transport';
import type { Core } from '../../main/core/Core';
import fs from 'node:fs';
import path from 'node:path';
import { openCore, tempDir } from '../helpers/coreTransport';
import { inOrder, run, squash } from '../helpers/pdfTools';
import { editDoc } from '../helpers/meetingEditor';

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});
function open(dataDir?: string) {
  const o = openCore(dataDir);
  cores.push(o.core);
  return o;
}
const id = () => randomUUID();
const dbOf = (core: Core) => (core as unknown as { db: import('better-sqlite3').Database }).db;

const people = [
  ['Kjell Ivarsson', 'hälso- och sjukvårdsdirektör', 'Region Blekinge'],
  ['Annika Mellqvist', 'tf hälso- och sjukvårdschef Nära vård', 'Region Blekinge'],
  ['Bodil Sundlöf', 'Enheten för kvalitet och utveckling', 'Region Blekinge'],
];
const csv = toBase64(new TextEncoder().encode(['Namn;Titel;Organisation', ...people.map((r) => r.join(';'))].join('\r\n')));

/** An item with one paragraph per line, as the secretary types it (Enter = new paragraph). */
function item(title: string, lines: string[], extra: Partial<ItemElement> = {}): ItemElement {
  return {
    type: 'item',
    id: id(),
    ...extra,
    children: [{ type: 'item-title', id: id(), children: [{ text: title }] }, ...lines.map((t) => ({ type: 'paragraph' as const, id: id(), children: [{ text: t }] }))],
  };
}

async function addItems(api: TypedApi, meetingId: string, items: ItemElement[]) {
  await editDoc(api, meetingId, (_doc, editor) => {
    for (const i of items) Transforms.insertNodes(editor, i as never, { at: [editor.children.length] });
  });
}

async function content(api: TypedApi, docId: string) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, fromBase64(unwrap(await api.invoke('docs.open', { docId })).update));
  return { doc, children: yTextToSlateElement(doc.get('content', Y.XmlText)).children as unknown as ItemElement[] };
}

const text = (n: { children: unknown[] }): string => n.children.map((c) => ('text' in (c as object) ? (c as { text: string }).text : text(c as { children: unknown[] }))).join('');

async function lsvoWithMeeting1(dataDir?: string) {
  const o = open(dataDir);
  const { api } = o;
  const body = unwrap(await api.invoke('bodies.create', { name: 'LSVO', preset: 'sammantradesprotokoll', group: 'ledningsgrupp' }));
  unwrap(await api.invoke('roster.importCsv', { bodyId: body.id, csv }));
  const m1 = unwrap(await api.invoke('meetings.create', { bodyId: body.id, date: '2021-04-09' }));
  const vfu = item('VFU sjuksköterskeprogrammet BTH', [
    'Diskussion om platser för VFU.',
    'LSVO:s ledningsgrupp beslutar',
    'att Kjell Ivarsson tar med sig frågan till regionledningen',
    'att Annika Mellqvist ansvarar för att ett underlag skickas ut inför LSVO 4 juni',
  ]);
  const avtal = item('Hemsjukvårdsavtal', ['Avtalet om hemsjukvård gicks igenom.', 'LSVO:s ledningsgrupp beslutar', 'att lägga informationen till protokollet']);
  const fou = item('FoU-avtal med högskolan', ['LSVO:s ledningsgrupp beslutar', 'att bordlägga frågan och ta upp denna igen vid nästa möte']);
  const tabled = item('Länsgemensam rutin för hjälpmedel', ['Frågan hann inte behandlas.'], { bordlagd: true });
  await addItems(api, m1.id, [vfu, avtal, fou, tabled]);
  return { ...o, body, m1, vfu, avtal, fou, tabled };
}

describe('decision register', () => {
  it('has one row per att-sats with kind, owners from the roster and due point', async () => {
    const { api, body, m1, vfu } = await lsvoWithMeeting1();
    const rows = unwrap(await api.invoke('register.list', { bodyId: body.id, today: '2021-05-01' }));
    const mine = rows.filter((r) => r.meetingId === m1.id);
    // The standard agenda has no decisions yet; the four typed att-satser are the rows.
    expect(mine.map((r) => r.kind)).toEqual(['uppdrag', 'uppdrag', 'informationen-till-protokollet', 'bordlagd']);
    const [kjell, annika] = mine;
    expect(kjell!.owners.map((o) => o.name)).toEqual(['Kjell Ivarsson']);
    expect(kjell!.owners[0]!.personId).toBeTruthy();
    expect(annika!.owners.map((o) => o.name)).toEqual(['Annika Mellqvist']);
    expect(annika!.due).toMatchObject({ kind: 'meeting', meetingDate: '2021-06-04' });
    expect(annika!.dueDay).toBe('2021-06-04');
    expect(annika!.overdue).toBe(false);
    // The decision id is the paragraph where the att-sats starts.
    expect(kjell!.id).toBe(vfu.children[3]!.id);
    expect(kjell!.itemTitle).toBe('VFU sjuksköterskeprogrammet BTH');
    expect(kjell!.label).toMatch(/^§ \d+$/u);
    const late = unwrap(await api.invoke('register.list', { bodyId: body.id, today: '2021-06-10', overdueOnly: true }));
    expect(late.map((r) => r.owners[0]?.name)).toEqual(['Annika Mellqvist']);
    const byOwner = unwrap(await api.invoke('register.list', { ownerId: kjell!.owners[0]!.personId! }));
    expect(byOwner.map((r) => r.id)).toEqual([kjell!.id]);
  });

  it('overdue means past a deadline: a date or a dated meeting the day after, a meeting in a month once the month is over, a vague period never', async () => {
    const { api, body } = await lsvoWithMeeting1();
    const m = unwrap(await api.invoke('meetings.create', { bodyId: body.id, date: '2021-05-07' }));
    await addItems(api, m.id, [
      item('Uppdrag', [
        'LSVO:s ledningsgrupp beslutar',
        'att Kjell Ivarsson återrapporterar senast den 15 juni 2021',
        'att Bodil Sundlöf återrapporterar vid LSVO:s möte i september',
        'att Annika Mellqvist återrapporterar under hösten',
      ]),
    ]);
    const ours = async (today: string, overdueOnly = false) =>
      unwrap(await api.invoke('register.list', { meetingId: m.id, today, ...(overdueOnly ? { overdueOnly } : {}) }));
    const rows = await ours('2021-05-08');
    expect(rows.map((r) => r.due?.kind)).toEqual(['date', 'meeting', 'period']);
    const overdue = async (today: string) => {
      const flagged = (await ours(today)).filter((r) => r.overdue).map((r) => r.owners[0]!.name);
      // The list's "overdue only" filter (SQL) says the same as each row's flag.
      expect((await ours(today, true)).map((r) => r.owners[0]!.name)).toEqual(flagged);
      return flagged;
    };
    expect(await overdue('2021-06-15')).toEqual([]);
    expect(await overdue('2021-06-16')).toEqual(['Kjell Ivarsson']);
    // "Vid mötet i september": not on 2 September (the meeting may be on the 30th).
    expect(await overdue('2021-09-02')).toEqual(['Kjell Ivarsson']);
    expect(await overdue('2021-10-01')).toEqual(['Kjell Ivarsson', 'Bodil Sundlöf']);
    // "Under hösten": a time, not a deadline.
    expect(await overdue('2022-03-01')).toEqual(['Kjell Ivarsson', 'Bodil Sundlöf']);
  });

  it('reads structured decision blocks (att-sats elements) and the föredragande line as well as text', async () => {
    const { api, m1 } = await lsvoWithMeeting1();
    const a1 = id();
    const a2 = id();
    // The editor's decision block: the lead phrase is shown, not stored; each att-sats its own element.
    const ekonomi = {
      type: 'item',
      id: id(),
      children: [
        { type: 'item-title', id: id(), children: [{ text: 'Ekonomisk uppföljning' }] },
        { type: 'foredragande', id: id(), children: [{ text: 'Kjell Ivarsson' }] },
        {
          type: 'decision',
          id: id(),
          children: [
            { type: 'att-sats', id: a1, children: [{ text: 'att föredragande återkommer med en prognos inför LSVO 4 juni' }] },
            { type: 'att-sats', id: a2, children: [{ text: 'att lägga informationen till protokollet' }] },
          ],
        },
      ],
    } as unknown as ItemElement;
    await addItems(api, m1.id, [ekonomi]);
    const rows = unwrap(await api.invoke('register.list', { meetingId: m1.id })).filter((r) => r.itemId === ekonomi.id);
    expect(rows.map((r) => [r.id, r.kind])).toEqual([
      [a1, 'uppdrag'],
      [a2, 'informationen-till-protokollet'],
    ]);
    expect(rows[0]!.owners.map((o) => [o.name, o.rule])).toEqual([['Kjell Ivarsson', 'foredragande']]);
    expect(rows[0]!.dueDay).toBe('2021-06-04');
    expect(unwrap(await api.invoke('search.query', { query: 'prognos' })).hits.map((h) => h.title)).toEqual(['Ekonomisk uppföljning']);
  });

  it('a status change and a correction are document changes: they win, survive a restart, and survive re-detection', async () => {
    const first = await lsvoWithMeeting1();
    const { api, core, dataDir, m1, vfu, body } = first;
    const [kjell, annika] = unwrap(await api.invoke('register.list', { meetingId: m1.id }));
    const done = unwrap(await api.invoke('register.setStatus', { meetingId: m1.id, decisionId: kjell!.id, status: 'done', note: 'Klart' }));
    expect(done).toMatchObject({ status: 'done', statusNote: 'Klart', source: { status: 'corrected' } });
    const bodil = { personId: kjell!.owners[0]!.personId!.replace(/./u, 'x'), name: 'Bodil Sundlöf', how: 'roster' as const, kind: 'person' as const, rule: 'full-name' as const };
    unwrap(await api.invoke('register.correct', { meetingId: m1.id, decisionId: annika!.id, change: { field: 'owners', value: [bodil] } }));
    // The correction is in the meeting document, not only in the row.
    const { doc } = await content(api, m1.id);
    expect(doc.getArray('decisionCorrections').length).toBe(2);
    expect(doc.getArray('decisionCorrections').get(0)).toMatchObject({ decisionId: kjell!.id, correction: { field: 'status', value: 'done', note: 'Klart', source: 'person', by: 'sekreterare' } });
    // Editing the att-sats (another name) re-detects; the correction still wins and is flagged stale.
    await editDoc(api, m1.id, (_d, editor) => {
      const at = editor.children.findIndex((c) => (c as { id: string }).id === vfu.id);
      Transforms.insertText(editor, 'att Kjell Ivarsson ansvarar för att ett underlag skickas ut inför LSVO 4 juni', { at: Editor.range(editor, [at, 4]) });
    });
    const after = unwrap(await api.invoke('register.list', { meetingId: m1.id }));
    const a2 = after.find((r) => r.id === annika!.id)!;
    expect(a2.text).toContain('Kjell Ivarsson ansvarar');
    expect(a2.owners.map((o) => o.name)).toEqual(['Bodil Sundlöf']);
    expect(a2.stale).toEqual(['owners']);
    core.close();
    cores.length = 0;
    const { api: api2 } = open(dataDir);
    const again = unwrap(await api2.invoke('register.list', { bodyId: body.id }));
    expect(again.find((r) => r.id === kjell!.id)?.status).toBe('done');
    expect(again.find((r) => r.id === annika!.id)?.owners.map((o) => o.name)).toEqual(['Bodil Sundlöf']);
  });

  it('takes people linked by name completion (a personId mark on the text) as owners, whatever the words', async () => {
    const { api, m1 } = await lsvoWithMeeting1();
    const [kjell] = unwrap(await api.invoke('register.list', { meetingId: m1.id }));
    const personId = kjell!.owners[0]!.personId!;
    const a = id();
    const linked = {
      type: 'item',
      id: id(),
      children: [
        { type: 'item-title', id: id(), children: [{ text: 'Läkemedelsgenomgångar' }] },
        {
          type: 'decision',
          id: id(),
          children: [{ type: 'att-sats', id: a, children: [{ text: 'att ' }, { text: 'hälso- och sjukvårdsdirektören', personId }, { text: ' återkommer i frågan' }] }],
        },
      ],
    } as unknown as ItemElement;
    await addItems(api, m1.id, [linked]);
    const row = unwrap(await api.invoke('register.list', { meetingId: m1.id })).find((r) => r.id === a)!;
    expect(row.owners.map((o) => [o.personId, o.name, o.how])).toEqual([[personId, 'Kjell Ivarsson', 'reference']]);
  });

  it('reads owners again when the roster changes (a person added after the minutes were typed)', async () => {
    const { api, body, m1 } = await lsvoWithMeeting1();
    await addItems(api, m1.id, [item('Tolktjänst', ['LSVO:s ledningsgrupp beslutar', 'att Greger Larsson tar fram ett förslag till avtal'])]);
    const before = unwrap(await api.invoke('register.list', { meetingId: m1.id })).find((r) => r.text.includes('Greger'))!;
    expect(before.owners).toEqual([]);
    const greger = toBase64(new TextEncoder().encode('Namn;Titel;Organisation\r\nGreger Larsson;utvecklingsledare;Region Kronoberg\r\n'));
    unwrap(await api.invoke('roster.importCsv', { bodyId: body.id, csv: greger }));
    const after = unwrap(await api.invoke('register.list', { meetingId: m1.id })).find((r) => r.id === before.id)!;
    expect(after.owners.map((o) => o.name)).toEqual(['Greger Larsson']);
  });

  it('refuses to change a decision that does not exist, in Swedish and English', async () => {
    const { api, m1 } = await lsvoWithMeeting1();
    const res = await api.invoke('register.setStatus', { meetingId: m1.id, decisionId: 'no-such-decision', status: 'done' });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('NOT_FOUND');
      expect(res.error.message.sv).toMatch(/Beslutet finns inte/u);
      expect(res.error.message.en).toMatch(/decision is not/u);
    }
    const bad = await api.invoke('register.setStatus', { meetingId: m1.id, decisionId: 'x', status: 'finished' as never });
    expect(bad.ok).toBe(false);
  });

  it('rebuilding gives the same register and search rows as the incremental path', async () => {
    const { api, core, m1 } = await lsvoWithMeeting1();
    const [kjell] = unwrap(await api.invoke('register.list', { meetingId: m1.id }));
    unwrap(await api.invoke('register.setStatus', { meetingId: m1.id, decisionId: kjell!.id, status: 'cancelled' }));
    const snapshot = () => {
      core.flushProjections();
      const db = dbOf(core);
      return {
        decision: db.prepare('SELECT * FROM decision ORDER BY meeting_id, id').all(),
        owner: db.prepare('SELECT * FROM decision_owner ORDER BY meeting_id, decision_id, name').all(),
        // rowids are assigned in projection order, which a rebuild does not keep.
        search: db.prepare('SELECT kind, meeting_id, item_id, sub_item_id, decision_id, title, text FROM search_row ORDER BY meeting_id, item_id, decision_id').all(),
        fts: (db.prepare("SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH '\"avtal\"'").get() as { n: number }).n,
      };
    };
    const incremental = snapshot();
    expect(incremental.decision).toHaveLength(4);
    expect(incremental.fts).toBe(4); // two § rows and two decision rows
    const counts = unwrap(await api.invoke('projections.rebuild', {}));
    expect(counts.decisions).toBe(4);
    expect(snapshot()).toEqual(incremental);
  });
});

describe('search', () => {
  it('finds substrings of compounds, folds å/ä/ö as a fallback, filters, and shows label, date and snippet', async () => {
    const { api, body, m1 } = await lsvoWithMeeting1();
    const q = async (query: string, extra: Record<string, unknown> = {}) => unwrap(await api.invoke('search.query', { query, ...extra }));
    const avtal = await q('avtal');
    expect(avtal.hits.map((h) => h.title).sort()).toEqual(['FoU-avtal med högskolan', 'Hemsjukvårdsavtal']);
    const hem = avtal.hits.find((h) => h.title === 'Hemsjukvårdsavtal')!;
    expect(hem).toMatchObject({ meetingDate: '2021-04-09', meetingId: m1.id, bodyName: 'LSVO', match: 'exact' });
    expect(hem.label).toMatch(/^§ \d+$/u);
    expect(hem.snippet.filter((s) => s.hit).map((s) => s.text.toLowerCase())).toContain('avtal');

    // Typed without ö: found by the folded fallback, the snippet marks the real word.
    const folded = await q('hogskolan');
    expect(folded.hits.map((h) => [h.title, h.match])).toEqual([['FoU-avtal med högskolan', 'folded']]);
    expect(folded.hits[0]!.snippet.find((s) => s.hit)?.text).toBe('högskolan');
    // Typed with ö: exact, and ö is its own letter ("hogskolan" is not searched for).
    expect((await q('högskolan')).hits.map((h) => h.match)).toEqual(['exact']);
    expect((await q('kör')).hits).toEqual([]);

    // Filters.
    // A decision row carries its § title: "avtal" finds the decisions taken under those §.
    const avtalDecisions = (await q('avtal', { decisionsOnly: true })).hits;
    expect(avtalDecisions.map((h) => [h.kind, h.title]).sort()).toEqual([
      ['decision', 'FoU-avtal med högskolan'],
      ['decision', 'Hemsjukvårdsavtal'],
    ]);
    const att = await q('frågan', { decisionsOnly: true });
    expect(att.hits.every((h) => h.kind === 'decision')).toBe(true);
    expect(att.hits).toHaveLength(2);
    const [kjell] = unwrap(await api.invoke('register.list', { meetingId: m1.id }));
    const personId = kjell!.owners[0]!.personId!;
    expect((await q('frågan', { personId })).hits.map((h) => h.title)).toEqual(['VFU sjuksköterskeprogrammet BTH']);
    unwrap(await api.invoke('register.setStatus', { meetingId: m1.id, decisionId: kjell!.id, status: 'done' }));
    expect((await q('frågan', { status: 'done' })).hits.map((h) => h.decisionId)).toEqual([kjell!.id]);
    expect((await q('avtal', { from: '2021-05-01' })).hits).toEqual([]);
    expect((await q('avtal', { bodyId: body.id, to: '2021-04-09' })).hits).toHaveLength(2);
    expect((await q('avtal', { bodyId: 'other-body' })).hits).toEqual([]);
    // Two words: both required; a short word filters what the long one found.
    expect((await q('avtal hem')).hits.map((h) => h.title)).toEqual(['Hemsjukvårdsavtal']);
  });

  it('keeps the index in step with edits (only changed rows rewritten), newest meeting first', async () => {
    const { api, core, body, vfu, avtal } = await lsvoWithMeeting1();
    const q = async (query: string) => unwrap(await api.invoke('search.query', { query })).hits;
    await editDoc(api, (await q('VFU'))[0]!.meetingId, (_d, editor) => {
      const at = editor.children.findIndex((c) => (c as { id: string }).id === vfu.id);
      Transforms.insertText(editor, 'VFU röntgensjuksköterskor', { at: Editor.range(editor, [at, 0]) });
      const gone = editor.children.findIndex((c) => (c as { id: string }).id === avtal.id);
      Transforms.removeNodes(editor, { at: [gone] });
    });
    expect((await q('röntgen')).map((h) => h.title)).toEqual(['VFU röntgensjuksköterskor']);
    expect(await q('sjuksköterskeprogrammet')).toEqual([]);
    expect(await q('hemsjukvård')).toEqual([]);
    // Decisions under the edited § carry its new title; the removed § left no rows behind.
    expect(unwrap(await api.invoke('search.query', { query: 'röntgen', decisionsOnly: true })).hits.map((h) => h.kind)).toEqual(['decision', 'decision']);
    const db = dbOf(core);
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(count('SELECT count(*) AS n FROM search_fts')).toBe(count('SELECT count(*) AS n FROM search_row'));
    expect(count("SELECT count(*) AS n FROM search_row WHERE item_id = '" + avtal.id + "'")).toBe(0);

    const m2 = unwrap(await api.invoke('meetings.create', { bodyId: body.id, date: '2021-05-07' }));
    await addItems(api, m2.id, [item('Ramavtal för tolktjänst', ['Avtalet förlängs.'])]);
    const hits = await q('avtal');
    expect(hits.map((h) => h.meetingDate)).toEqual(['2021-05-07', '2021-04-09']);
    expect(unwrap(await api.invoke('search.query', { query: 'avtal', from: '2021-05-01' })).hits.map((h) => h.title)).toEqual(['Ramavtal för tolktjänst']);
    expect(unwrap(await api.invoke('search.query', { query: 'avtal', to: '2021-04-30' })).hits.map((h) => h.title)).toEqual(['FoU-avtal med högskolan']);
  });

  it('gives a sensible answer to one or two characters: a § number or a title word start', async () => {
    const { api } = await lsvoWithMeeting1();
    const items = await api.invoke('search.query', { query: 'Hem' });
    expect(unwrap(items).hits.length).toBeGreaterThan(0);
    const two = unwrap(await api.invoke('search.query', { query: 'FO' }));
    expect(two.hits.map((h) => [h.title, h.match])).toEqual([['FoU-avtal med högskolan', 'short']]);
    const numbered = unwrap(await api.invoke('search.query', { query: '7' }));
    expect(numbered.hits.map((h) => h.label)).toEqual(['§ 7']);
    expect(unwrap(await api.invoke('search.query', { query: '  ' })).hits).toEqual([]);
  });

  it('answers short queries also on a database migrated before the title index was added to 003', async () => {
    const { api, core } = await lsvoWithMeeting1();
    dbOf(core).exec('DROP INDEX search_row_titles');
    expect(unwrap(await api.invoke('search.query', { query: 'FO' })).hits.map((h) => h.title)).toEqual(['FoU-avtal med högskolan']);
  });
});

describe('the follow-up walk', () => {
  it('drafts meeting 2’s follow-up item from meeting 1’s decisions and offers the tabled items', async () => {
    const { api, body, m1, vfu, fou, tabled } = await lsvoWithMeeting1();
    const decisions = unwrap(await api.invoke('register.list', { meetingId: m1.id }));
    const m2 = unwrap(await api.invoke('meetings.create', { bodyId: body.id, date: '2021-05-07' }));
    const { doc, children } = await content(api, m2.id);
    const followUp = children.find((c) => c.agendaKey === 'foregaende-protokoll')!;
    const lines = followUp.children.slice(1).map((c) => text(c));
    const vfuLabel = decisions[0]!.label!;
    // One line for the § with the two uppdrag; information and the tabled § are not lines.
    expect(lines).toEqual(['Återkoppling protokoll 2021-04-09:', `${vfuLabel} VFU sjuksköterskeprogrammet BTH – `]);
    const link = doc.getMap('followUpLinks').get((followUp.children[2] as { id: string }).id) as { meetingId: string; decisionIds: string[] };
    expect(link).toEqual({ meetingId: m1.id, decisionIds: [vfu.children[3]!.id, vfu.children[4]!.id], label: vfuLabel });
    // The register says where each of those decisions is reported back: meeting 2's § for it.
    const items2 = unwrap(await api.invoke('meetings.items', { meetingId: m2.id }));
    const followUpLabel = items2.find((i) => i.id === followUp.id)!.label;
    const reported = unwrap(await api.invoke('register.list', { meetingId: m1.id }));
    expect(reported.filter((d) => d.reportedIn.length > 0).map((d) => d.id)).toEqual(link.decisionIds);
    expect(reported.find((d) => d.id === link.decisionIds[0])!.reportedIn).toEqual([{ meetingId: m2.id, meetingDate: '2021-05-07', itemId: followUp.id, label: followUpLabel }]);

    // The register as a PDF for the chair: real, searchable text, every decision, in order.
    const exported = unwrap(await api.invoke('register.pdf', { bodyId: body.id }));
    const followUps = unwrap(await api.invoke('register.list', { bodyId: body.id, needsFollowUp: true }));
    expect(exported.decisions).toBe(followUps.length);
    expect(followUps.length).toBeGreaterThan(0);
    const file = path.join(tempDir(), exported.fileName);
    fs.writeFileSync(file, Buffer.from(exported.pdf, 'base64'));
    const pdfText = squash(run('pdftotext', ['-layout', file, '-']).out);
    expect(pdfText).toContain('Beslutsregister – LSVO');
    expect(inOrder(pdfText, followUps.map((d) => squash(d.text).slice(0, 40))).missing).toBeNull();
    expect(pdfText).toContain(`Återrapporterat ${followUpLabel}, 2021-05-07`);
    const fonts = run('pdffonts', [file]).out.split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f.trim().split(/\s+/).slice(-5)[0], f).toBe('yes'); // the "emb" column
    const missingBody = await api.invoke('register.pdf', { bodyId: 'nope' });
    expect(missingBody.ok).toBe(false);

    const offers = unwrap(await api.invoke('meetings.offeredItems', { meetingId: m2.id }));
    expect(offers.map((o) => [o.kind, o.title, o.sourceItemId]).sort()).toEqual([
      ['bordlagd', 'FoU-avtal med högskolan', fou.id],
      ['bordlagd', 'Länsgemensam rutin för hjälpmedel', tabled.id],
    ]);
    // Taken up on meeting 2's agenda: no longer offered.
    await addItems(api, m2.id, [item('Länsgemensam rutin för hjälpmedel', [''])]);
    const left = unwrap(await api.invoke('meetings.offeredItems', { meetingId: m2.id }));
    expect(left.map((o) => o.title)).toEqual(['FoU-avtal med högskolan']);

    // Done decisions are not drafted again for meeting 3; the open one comes as an older line.
    unwrap(await api.invoke('register.setStatus', { meetingId: m1.id, decisionId: decisions[0]!.id, status: 'done', source: 'follow-up' }));
    unwrap(await api.invoke('register.setStatus', { meetingId: m1.id, decisionId: decisions[1]!.id, status: 'done' }));
    // Where it was marked done stays in the document, for the audit trail.
    const sources = (await content(api, m1.id)).doc.getArray('decisionCorrections').toArray() as Array<{ correction: { source: string } }>;
    expect(sources.map((c) => c.correction.source)).toEqual(['follow-up', 'person']);
    const m3 = unwrap(await api.invoke('meetings.create', { bodyId: body.id, date: '2021-06-04' }));
    const third = (await content(api, m3.id)).children.find((c) => c.agendaKey === 'foregaende-protokoll')!;
    expect(third.children.slice(1).map((c) => text(c))).toEqual(['']);
  });
});
