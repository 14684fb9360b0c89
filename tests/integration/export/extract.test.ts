/**
 * Protokollsutdrag (chosen § with the meeting header and the Utdragsbestyrkande) and the DOCX of
 * the same protocol model, exported through a real Core from the LSVO meeting. The PDF is read
 * with pdftotext; the DOCX is unzipped and its word/document.xml read as text.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unwrap } from '../../../src/api/client';
import type { TypedApi } from '../../../src/api/transport';
import { buildProtocolModel, modelReadingOrder } from '../../../src/export/model';
import type { Core } from '../../../main/core/Core';
import { readProtocolInput } from '../../../main/export/fromCore';
import { openCore, tempDir } from '../../helpers/coreTransport';
import { bodyText, inOrder, preflight, run, squash } from '../../helpers/pdfTools';
import { createLsvoMeeting } from './lsvo';

const dir = tempDir('paragraf-extract-');
const at = (f: string) => path.join(dir, f);
let core: Core;
let api: TypedApi;
let meetingId: string;
let items: Array<{ id: string; label: string | null; title: string }>;
let expected: string[];

/** The text of a DOCX's main part, one line per Word paragraph, entities decoded. */
function docxText(file: string): string {
  const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
  return xml
    .replace(/<\/w:p>/gu, '\n')
    .replace(/<[^>]+>/gu, '')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&amp;/gu, '&');
}

beforeAll(async () => {
  const o = openCore();
  core = o.core;
  api = o.api;
  const { meeting } = await createLsvoMeeting(api);
  meetingId = meeting.id;
  items = unwrap(await api.invoke('meetings.items', { meetingId })).map((i) => ({ id: i.id, label: i.label, title: i.title }));
  const { db, docs } = (core as unknown as { ready(): { db: never; docs: never } }).ready();
  expected = modelReadingOrder(buildProtocolModel(readProtocolInput(db, docs, meetingId)));
}, 60_000);
afterAll(() => core.close());

describe('protokollsutdrag', () => {
  it('holds only the chosen §, with the meeting header and the Utdragsbestyrkande', async () => {
    const chosen = items[6]!;
    const out = unwrap(await api.invoke('export.pdf', { meetingId, items: [chosen.id] }));
    expect(out.fileName).toBe('LSVO-protokollsutdrag-2021-05-07.pdf');
    fs.writeFileSync(at('utdrag.pdf'), Buffer.from(out.pdf, 'base64'));
    const text = squash(bodyText(at('utdrag.pdf')));
    expect(inOrder(text, [
      'LSVO', 'Protokollsutdrag', 'Datum: 2021-05-07', 'Tid och plats: Fredagen den 7 maj 2021',
      chosen.label!, chosen.title,
      'att Annika Mellqvist ansvarar för att ett underlag och redovisning för 2020 skickas ut inför LSVO 4 juni.',
      'Utdragsbestyrkande', `Detta utdrag (${chosen.label}) ur protokollet från LSVO 2021-05-07 överensstämmer med originalprotokollet.`,
    ])).toEqual({ missing: null });
    for (const other of items.filter((i) => i.id !== chosen.id)) {
      expect(text).not.toContain(`${other.label} `);
      expect(text).not.toContain(other.title);
    }
    // Not the protocol's signature block, list of § or signature page; no fields to sign.
    for (const absent of ['Ärendeförteckning', 'Underskrifter', 'Elektroniska underskrifter', 'Protokollet ska skickas till']) expect(text).not.toContain(absent);
    expect(Buffer.from(out.pdf, 'base64').toString('latin1')).not.toContain('/FT /Sig');
    expect(run('qpdf', ['--check', at('utdrag.pdf')]).status).toBe(0);
  });

  it('is PDF/A-1b by PDFBox Preflight when asked for 1b', async () => {
    const out = unwrap(await api.invoke('export.pdf', { meetingId, items: [items[6]!.id], pdfa: '1b' }));
    fs.writeFileSync(at('utdrag-1b.pdf'), Buffer.from(out.pdf, 'base64'));
    const verdict = preflight(at('utdrag-1b.pdf'));
    expect(verdict.out).toContain('valid PDF/A-1b');
    expect(verdict.valid).toBe(true);
  }, 30_000);

  it('keeps the protocol’s order whatever order the § were chosen in, and refuses an unknown §', async () => {
    const [a, b] = [items[7]!, items[2]!];
    const out = unwrap(await api.invoke('export.pdf', { meetingId, items: [a.id, b.id] }));
    fs.writeFileSync(at('utdrag2.pdf'), Buffer.from(out.pdf, 'base64'));
    const text = squash(bodyText(at('utdrag2.pdf')));
    expect(inOrder(text, [b.title, a.title, `(${b.label}–${a.label})`])).toEqual({ missing: null });
    const bad = await api.invoke('export.pdf', { meetingId, items: ['finns-inte'] });
    expect(bad.ok || bad.error.message.sv).toMatch(/finns inte/u);
  });
});

describe('DOCX', () => {
  it('unzips to a document.xml holding every § label, title and att-sats in order, in Swedish', async () => {
    const out = unwrap(await api.invoke('export.docx', { meetingId }));
    expect(out.fileName).toBe('LSVO-sammantradesprotokoll-2021-05-07.docx');
    fs.writeFileSync(at('protokoll.docx'), Buffer.from(out.docx, 'base64'));
    const text = docxText(at('protokoll.docx'));
    expect(expected).toContain('§ 112');
    expect(inOrder(text, expected)).toEqual({ missing: null });
    // The check can fail: the last att-sats before the first is not found.
    expect(inOrder(text, [expected[expected.length - 1]!, expected[0]!]).missing).toBe(expected[0]);
    expect(inOrder(text, ['Tid och plats:', 'Fredagen den 7 maj 2021 kl. 12.30 – 15.30 via Teams', 'Elektroniska underskrifter'])).toEqual({ missing: null });
    const xml = execFileSync('unzip', ['-p', at('protokoll.docx'), 'word/document.xml'], { encoding: 'utf8' });
    expect(xml).toContain('w:val="Heading2"');
    expect(xml).toContain('w:lang w:val="sv-SE"');
  });

  it('a DOCX utdrag holds only the chosen §', async () => {
    const chosen = items[4]!;
    const out = unwrap(await api.invoke('export.docx', { meetingId, items: [chosen.id] }));
    fs.writeFileSync(at('utdrag.docx'), Buffer.from(out.docx, 'base64'));
    const text = docxText(at('utdrag.docx'));
    expect(inOrder(text, ['Protokollsutdrag', chosen.label!, chosen.title, 'Utdragsbestyrkande'])).toEqual({ missing: null });
    for (const other of items.filter((i) => i.id !== chosen.id)) expect(text).not.toContain(other.title);
  });
});
