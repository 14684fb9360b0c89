import { afterEach, describe, expect, it } from 'vitest';
import { Transforms } from 'slate';
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { unwrap } from '../../src/api/client';
import { fromBase64, toBase64 } from '../../src/api/base64';
import { newItem, newSubItem } from '../../src/protocol/schema';
import { profileFromPreset } from '../../src/bodies/presets';
import type { BodyProfile } from '../../src/bodies/profile';
import type { TypedApi } from '../../src/api/transport';
import type { Core } from '../../main/core/Core';
import { openCore } from '../helpers/coreTransport';
import { editDoc } from '../helpers/meetingEditor';
import { lsvoPeople } from '../fixtures/lsvoPeople';

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});
function open() {
  const o = openCore();
  cores.push(o.core);
  return o;
}
const id = () => randomUUID();

const csvOf = (rows: string[][]) => new TextEncoder().encode(['Namn;Titel;Organisation', ...rows.map((r) => r.join(';'))].join('\r\n'));

async function lsvo(api: TypedApi) {
  const body = unwrap(await api.invoke('bodies.create', { name: 'LSVO', preset: 'sammantradesprotokoll', group: 'ledningsgrupp' }));
  return body;
}

/** Appends `n` items titled "Ärende k" to a meeting. */
async function addItems(api: TypedApi, meetingId: string, titles: string[]) {
  await editDoc(api, meetingId, (_doc, editor) => {
    for (const t of titles) Transforms.insertNodes(editor, newItem(id, t) as never, { at: [editor.children.length] });
  });
}

describe('bodies from presets', () => {
  it('creates the profile document from the preset and projects the row', async () => {
    const { api, core } = open();
    const body = await lsvo(api);
    expect(body).toMatchObject({ name: 'LSVO', genre: 'sammantradesprotokoll', preset: 'sammantradesprotokoll' });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, fromBase64(unwrap(await api.invoke('docs.open', { docId: body.id })).update));
    const profile = doc.getMap('profile').get('profile') as ReturnType<typeof profileFromPreset>;
    expect(profile.decision.lead).toBe('LSVO:s ledningsgrupp beslutar');
    expect(core.dbFile).toBeTruthy();
  });
});

describe('body settings (the profile edited in the body document)', () => {
  /** Edits the profile as the settings screen does: one value, one update. */
  async function editProfile(api: TypedApi, bodyId: string, change: (p: BodyProfile) => void) {
    await editDoc(api, bodyId, (doc) => {
      const profile = structuredClone(doc.getMap('profile').get('profile')) as BodyProfile;
      change(profile);
      doc.getMap('profile').set('profile', profile);
    });
  }

  it('a new numbering relabels the planned meetings; a new name and standard agenda reach the row and the next meeting', async () => {
    const { api } = open();
    const body = await lsvo(api);
    const planned = unwrap(await api.invoke('meetings.create', { bodyId: body.id, date: '2024-05-24' }));
    const labels = async (meetingId: string) => unwrap(await api.invoke('meetings.items', { meetingId })).map((i) => i.label);
    expect((await labels(planned.id)).slice(0, 2)).toEqual(['§ 1', '§ 2']);

    await editProfile(api, body.id, (p) => {
      p.numbering = { kind: 'yearly', format: 'slash-year' };
      p.name = 'LSVO Blekinge';
      p.agenda.opening = [{ key: 'oppnande', title: 'Mötets öppnande', phraseIds: [] }];
    });
    expect((await labels(planned.id)).slice(0, 2)).toEqual(['§ 1/24', '§ 2/24']);
    expect(unwrap(await api.invoke('bodies.list', {})).map((b) => b.name)).toEqual(['LSVO Blekinge']);
    const next = unwrap(await api.invoke('meetings.create', { bodyId: body.id, date: '2024-06-14' }));
    const items = unwrap(await api.invoke('meetings.items', { meetingId: next.id }));
    expect(items[0]).toMatchObject({ title: 'Mötets öppnande', label: `§ ${(await labels(planned.id)).length + 1}/24` });

    // A change that is not the numbering leaves the labels alone.
    await editProfile(api, body.id, (p) => (p.decision.lead = 'Ledningsgruppen beslutar'));
    expect((await labels(planned.id)).slice(0, 2)).toEqual(['§ 1/24', '§ 2/24']);
  });
});

describe('projections when a document is bad', () => {
  it('a meeting whose date is no calendar date (from another computer) does not stop the projection of the others', async () => {
    const { api } = open();
    const body = await lsvo(api);
    const may = unwrap(await api.invoke('meetings.create', { bodyId: body.id, date: '2021-05-07' }));
    const june = unwrap(await api.invoke('meetings.create', { bodyId: body.id, date: '2021-06-04' }));
    const before = unwrap(await api.invoke('meetings.items', { meetingId: may.id })).length;
    // In one projection batch: June's date becomes 30 February, and May gets a new item.
    await editDoc(api, june.id, (doc) => doc.getMap('meta').set('date', '2021-02-30'));
    await addItems(api, may.id, ['Ärende efter den trasiga ändringen']);
    const items = unwrap(await api.invoke('meetings.items', { meetingId: may.id }));
    expect(items).toHaveLength(before + 1);
    expect(items.at(-1)).toMatchObject({ title: 'Ärende efter den trasiga ändringen', label: `§ ${before + 1}` });
    // The lists still answer, with May as it is.
    const listed = unwrap(await api.invoke('meetings.list', { bodyId: body.id }));
    expect(listed.map((m) => m.id).sort()).toEqual([may.id, june.id].sort());
  });
});

describe('roster CSV import', () => {
  it('imports 20 people in one change, and refuses a bad file without touching the roster', async () => {
    const { api } = open();
    const body = await lsvo(api);
    const res = unwrap(await api.invoke('roster.importCsv', { bodyId: body.id, csv: toBase64(csvOf(lsvoPeople)) }));
    expect(res.imported).toBe(20);
    const stateAfterImport = unwrap(await api.invoke('docs.open', { docId: body.id })).update;

    const missing = new TextEncoder().encode('Titel;Organisation\r\nchef;Region Blekinge');
    const bad = await api.invoke('roster.importCsv', { bodyId: body.id, csv: toBase64(missing) });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('INVALID_INPUT');
      expect(bad.error.message.sv).toMatch(/Namn/);
      expect(bad.error.message.sv).toMatch(/inget har ändrats/);
    }
    const dup = await api.invoke('roster.importCsv', { bodyId: body.id, csv: toBase64(csvOf([lsvoPeople[0]!])) });
    expect(dup.ok).toBe(false);
    expect(unwrap(await api.invoke('docs.open', { docId: body.id })).update).toBe(stateAfterImport);
  });

  it('reads a Windows-1252 file from Swedish Excel and says so', async () => {
    const { api } = open();
    const body = await lsvo(api);
    const text = 'Namn;Titel;Organisation\r\nGunilla Råberg;förvaltningschef Äldreförvaltningen;Karlskrona kommun\r\n';
    const bytes = Uint8Array.from([...text].map((c) => ({ å: 0xe5, ä: 0xe4, ö: 0xf6, Å: 0xc5, Ä: 0xc4, Ö: 0xd6 })[c] ?? c.charCodeAt(0)));
    const res = unwrap(await api.invoke('roster.importCsv', { bodyId: body.id, csv: toBase64(bytes) }));
    expect(res.imported).toBe(1);
    expect(res.warnings.map((w) => w.sv).join(' ')).toMatch(/1252/);
  });
});

describe('meetings', () => {
  it('refuses an end time before the start time, in Swedish, and creates nothing', async () => {
    const { api } = open();
    const body = await lsvo(api);
    const res = await api.invoke('meetings.create', { bodyId: body.id, date: '2021-05-07', startTime: '15:30', endTime: '12:30' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.message.sv).toMatch(/Sluttiden måste vara efter starttiden/);
    expect(unwrap(await api.invoke('meetings.list', { bodyId: body.id }))).toEqual([]);
  });

  it('prefills the agenda from the profile and numbers it on from the previous meeting of the year', async () => {
    const { api } = open();
    const body = await lsvo(api);
    const april = unwrap(await api.invoke('meetings.create', { bodyId: body.id, date: '2021-04-09', startTime: '12:30', endTime: '15:30' }));
    const standard = unwrap(await api.invoke('meetings.items', { meetingId: april.id }));
    const preset = profileFromPreset('sammantradesprotokoll', 'LSVO', { group: 'ledningsgrupp' });
    expect(standard.map((i) => i.title)).toEqual([...preset.agenda.opening, ...preset.agenda.closing].map((a) => a.title));
    await addItems(api, april.id, Array.from({ length: 100 - standard.length }, (_, k) => `Ärende ${k + 1}`));
    const aprilItems = unwrap(await api.invoke('meetings.items', { meetingId: april.id }));
    expect(aprilItems).toHaveLength(100);
    expect(aprilItems.at(-1)!.number).toBe(100);

    const may = unwrap(
      await api.invoke('meetings.create', { bodyId: body.id, date: '2021-05-07', startTime: '12:30', endTime: '15:30', place: 'Digitalt via Teams', dnr: 'Dnr 21RGK153' }),
    );
    expect(may).toMatchObject({ place: 'Digitalt via Teams', dnr: 'Dnr 21RGK153', startTime: '12:30', status: 'planerat' });
    const items = unwrap(await api.invoke('meetings.items', { meetingId: may.id }));
    expect(items[0]!.number).toBe(101);
    expect(items.map((i) => i.number)).toEqual(items.map((_, k) => 101 + k));
    const numbering = unwrap(await api.invoke('meetings.numbering', { meetingId: may.id }));
    expect(numbering.otherMeetings.map((m) => m.id)).toEqual([april.id]);
    expect(numbering.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('freezes numbers at the start: a moved item keeps its number, a new one gets the next', async () => {
    const { api } = open();
    const body = await lsvo(api);
    const m = unwrap(await api.invoke('meetings.create', { bodyId: body.id, date: '2021-05-07' }));
    await addItems(api, m.id, ['Psykisk hälsa 2021', 'God och nära vård']);
    const before = unwrap(await api.invoke('meetings.items', { meetingId: m.id }));
    // Before the start, order decides: swap the last two and the numbers follow.
    await editDoc(api, m.id, (_d, editor) => Transforms.moveNodes(editor, { at: [before.length - 1], to: [before.length - 2] }));
    const swapped = unwrap(await api.invoke('meetings.items', { meetingId: m.id }));
    expect(swapped.at(-1)!.title).toBe('Psykisk hälsa 2021');
    expect(swapped.at(-1)!.number).toBe(before.at(-1)!.number);

    const started = unwrap(await api.invoke('meetings.setStatus', { meetingId: m.id, status: 'pagar' }));
    expect(started.status).toBe('pagar');
    expect(started.startedAt).not.toBeNull();
    const frozen = new Map(unwrap(await api.invoke('meetings.items', { meetingId: m.id })).map((i) => [i.id, i.number]));
    const frozenNumbers = [...frozen.values()].filter((n): n is number => n !== null);
    expect(frozenNumbers).toHaveLength(frozen.size);

    // After the start: move the first item to the end; nothing renumbers.
    await editDoc(api, m.id, (_d, editor) => Transforms.moveNodes(editor, { at: [0], to: [editor.children.length - 1] }));
    const moved = unwrap(await api.invoke('meetings.items', { meetingId: m.id }));
    for (const i of moved) expect(i.number).toBe(frozen.get(i.id));
    expect(moved.at(-1)!.number).toBe(Math.min(...frozenNumbers));

    // A new item, and Övriga frågor a/ b/: the next free number, and letters that stick.
    await addItems(api, m.id, ['Nytt ärende']);
    const ovriga = moved.find((i) => i.agendaKey === 'ovriga-fragor')!;
    await editDoc(api, m.id, (_d, editor) => {
      const at = editor.children.findIndex((n) => (n as { id?: string }).id === ovriga.id);
      const len = (editor.children[at] as { children: unknown[] }).children.length;
      Transforms.insertNodes(editor, newSubItem(id, 'Vaccinationsmöjligheter för personal HBV') as never, { at: [at, len] });
      Transforms.insertNodes(editor, newSubItem(id, 'Underskrifter LSVO:s ledningssystem') as never, { at: [at, len + 1] });
    });
    const after = unwrap(await api.invoke('meetings.items', { meetingId: m.id }));
    const added = after.find((i) => i.title === 'Nytt ärende')!;
    expect(added.number).toBe(Math.max(...frozenNumbers) + 1);
    expect(after.find((i) => i.id === ovriga.id)!.subItems.map((s) => s.label)).toEqual(['a/', 'b/']);

    // The Core wrote the new item's number into the document: it no longer depends on order.
    const doc = new Y.Doc();
    Y.applyUpdate(doc, fromBase64(unwrap(await api.invoke('docs.open', { docId: m.id })).update));
    expect(doc.getMap('frozenItems').get(added.id)).toBe(added.number);
  });

  it('an earlier meeting minuted outside Paragraf carries the year’s numbers on, and only in its year', async () => {
    const { api } = open();
    const body = await lsvo(api);
    const april = unwrap(await api.invoke('meetings.recordEarlier', { bodyId: body.id, date: '2021-04-09', firstNumber: 89, lastNumber: 100 }));
    expect(april).toMatchObject({ status: 'avslutat', recorded: { first: 89, last: 100 } });
    const may = unwrap(await api.invoke('meetings.create', { bodyId: body.id, date: '2021-05-07' }));
    expect(may.recorded).toBeNull();
    const items = unwrap(await api.invoke('meetings.items', { meetingId: may.id }));
    expect(items.map((i) => i.label)).toEqual(items.map((_, k) => `§ ${101 + k}`));
    // The next year starts again at § 1.
    const january = unwrap(await api.invoke('meetings.create', { bodyId: body.id, date: '2022-01-14' }));
    expect(unwrap(await api.invoke('meetings.items', { meetingId: january.id }))[0]!.label).toBe('§ 1');
    // The editor gets it as a recorded meeting, not as an empty managed one.
    const ctx = unwrap(await api.invoke('meetings.numbering', { meetingId: may.id }));
    expect(ctx.otherMeetings).toEqual([{ id: april.id, date: '2021-04-09', recorded: Array.from({ length: 12 }, (_, k) => 89 + k) }]);
    // §§ 1–88 are not known: reported, never filled in.
    expect(ctx.diagnostics.map((d) => d.sv)).toEqual(['§§ 1–88 saknas före mötet 2021-04-09, det första kända mötet 2021.']);
    // It cannot be started, and nothing is minuted in it.
    const start = await api.invoke('meetings.setStatus', { meetingId: april.id, status: 'pagar' });
    expect(start.ok).toBe(false);
    expect(unwrap(await api.invoke('meetings.items', { meetingId: april.id }))).toEqual([]);
  });

  it('refuses an earlier meeting with the numbers the wrong way round, on a day Paragraf already has, or for a body numbering per meeting, and saves nothing', async () => {
    const { api } = open();
    const body = await lsvo(api);
    const reversed = await api.invoke('meetings.recordEarlier', { bodyId: body.id, date: '2021-04-09', firstNumber: 100, lastNumber: 89 });
    expect(reversed.ok).toBe(false);
    if (!reversed.ok) expect(reversed.error.message.sv).toMatch(/Första paragrafen/);
    unwrap(await api.invoke('meetings.create', { bodyId: body.id, date: '2021-04-09' }));
    // Without a first number the series is taken to start at § 1: nothing to report.
    const march = unwrap(await api.invoke('meetings.recordEarlier', { bodyId: body.id, date: '2021-03-12', lastNumber: 88 }));
    expect(march.recorded).toEqual({ first: 1, last: 88 });
    const ctx = unwrap(await api.invoke('meetings.numbering', { meetingId: march.id }));
    expect(ctx.diagnostics).toEqual([]);
    const clash = await api.invoke('meetings.recordEarlier', { bodyId: body.id, date: '2021-04-09', lastNumber: 100 });
    expect(clash.ok).toBe(false);
    if (!clash.ok) expect(clash.error.code).toBe('CONFLICT');
    const notes = unwrap(await api.invoke('bodies.create', { name: 'Ledningsgrupp för samordning', preset: 'motesanteckningar' }));
    const perMeeting = await api.invoke('meetings.recordEarlier', { bodyId: notes.id, date: '2021-04-09', lastNumber: 7 });
    expect(perMeeting.ok).toBe(false);
    if (!perMeeting.ok) expect(perMeeting.error.message.en).toMatch(/restarts at every meeting/);
    expect(unwrap(await api.invoke('meetings.list', {}))).toHaveLength(2);
  });

  it('an item copied twice under one id (two devices moving it at once) does not stop the projections', async () => {
    const { api, core } = open();
    const body = await lsvo(api);
    const m = unwrap(await api.invoke('meetings.create', { bodyId: body.id, date: '2021-05-07' }));
    const before = unwrap(await api.invoke('meetings.items', { meetingId: m.id }));
    await editDoc(api, m.id, (_d, editor) => {
      // What a merge of two concurrent moves leaves: the same item (same id) twice.
      Transforms.insertNodes(editor, structuredClone(editor.children[0]) as never, { at: [editor.children.length] });
      Transforms.insertNodes(editor, newItem(id, 'Efter dubbletten') as never, { at: [editor.children.length] });
    });
    core.flushProjections();
    const after = unwrap(await api.invoke('meetings.items', { meetingId: m.id }));
    expect(after.map((i) => i.title)).toEqual([...before.map((i) => i.title), 'Efter dubbletten']);
    expect(after.map((i) => i.label)).toEqual(after.map((_, k) => `§ ${k + 1}`));
  });

  it('rebuilding the projections from the documents gives the same rows as the incremental path', async () => {
    const { api, core } = open();
    const body = await lsvo(api);
    unwrap(await api.invoke('roster.importCsv', { bodyId: body.id, csv: toBase64(csvOf(lsvoPeople)) }));
    const m1 = unwrap(await api.invoke('meetings.create', { bodyId: body.id, date: '2021-04-09' }));
    const m2 = unwrap(await api.invoke('meetings.create', { bodyId: body.id, date: '2021-05-07' }));
    unwrap(await api.invoke('meetings.recordEarlier', { bodyId: body.id, date: '2021-03-12', firstNumber: 60, lastNumber: 74 }));
    await addItems(api, m1.id, ['A', 'B', 'C']);
    await addItems(api, m2.id, ['D']);
    unwrap(await api.invoke('meetings.setStatus', { meetingId: m2.id, status: 'pagar' }));
    await editDoc(api, m2.id, (doc) => {
      doc.getMap('attendance').set('guest-1', { personId: null, guest: { name: 'Lena Danielsson', title: 'programledare', organisation: '' }, status: 'ovrig', roles: [] });
    });
    const snapshot = () => {
      core.flushProjections();
      const db = (core as unknown as { db: import('better-sqlite3').Database }).db;
      const rows: Record<string, unknown[]> = {};
      // decision and decision_owner: the register (tests/integration/register.test.ts covers it with att-satser).
      for (const t of ['body', 'meeting', 'item', 'person', 'attendance', 'decision', 'decision_owner']) {
        rows[t] = db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all().map((r) => ({ ...(r as object), updated_at: undefined }));
      }
      return rows;
    };
    const incremental = snapshot();
    expect(incremental.person).toHaveLength(20);
    expect(incremental.attendance).toHaveLength(1);
    const counts = unwrap(await api.invoke('projections.rebuild', {}));
    expect(counts).toMatchObject({ bodies: 1, meetings: 3, people: 20, attendance: 1 });
    expect(snapshot()).toEqual(incremental);
  });
});
