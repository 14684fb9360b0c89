/**
 * The kallelse with its föredragningslista, exported through the API of a real Core from the
 * LSVO meeting before it starts, and checked with the same independent tools as the protocol:
 * pdftotext for the items in order, pdffonts/pdfinfo/qpdf for fonts, tags and structure, PDFBox
 * Preflight for PDF/A-1b, the structural PDF/A checks for 2b, and the DOCX unzipped.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unwrap } from '../../../src/api/client';
import type { TypedApi } from '../../../src/api/transport';
import { buildKallelseModel, kallelseReadingOrder } from '../../../src/export/kallelse';
import type { Core } from '../../../main/core/Core';
import { readProtocolInput } from '../../../main/export/fromCore';
import { openCore, tempDir } from '../../helpers/coreTransport';
import { bodyText, inOrder, pdfaStructure, preflight, run, squash } from '../../helpers/pdfTools';
import { createLsvoMeeting } from './lsvo';

const dir = tempDir('paragraf-kallelse-');
const at = (f: string) => path.join(dir, f);
let core: Core;
let api: TypedApi;
let meetingId: string;
let expected: string[];

beforeAll(async () => {
  const o = openCore();
  core = o.core;
  api = o.api;
  meetingId = (await createLsvoMeeting(api)).meeting.id;
  for (const [file, params] of [
    ['kallelse-2b.pdf', { meetingId }],
    ['kallelse-1b.pdf', { meetingId, pdfa: '1b' as const }],
  ] as const) {
    const out = unwrap(await api.invoke('export.kallelse', params));
    fs.writeFileSync(at(file), Buffer.from(out.data, 'base64'));
  }
  // After an export: it brought the projected § labels up to date.
  const { db, docs } = (core as unknown as { ready(): { db: never; docs: never } }).ready();
  expected = kallelseReadingOrder(buildKallelseModel(readProtocolInput(db, docs, meetingId)));
}, 60_000);
afterAll(() => core.close());

describe('kallelse PDF', () => {
  it('lists every item of the agenda in order with its § number and föredragande, after who is called', async () => {
    const out = unwrap(await api.invoke('export.kallelse', { meetingId }));
    expect(out.fileName).toBe('LSVO-kallelse-2021-05-07.pdf');
    expect(out.format).toBe('pdf');
    expect(out.pages).toBeGreaterThanOrEqual(1);
    const text = squash(bodyText(at('kallelse-2b.pdf')));
    expect(expected.slice(0, 2)).toEqual(['§ 101', 'Godkännande av föredragningslistan']);
    expect(expected).toContain('Föredragande: Helene Bjerstedt och Ingemar Lilja');
    expect(expected).toContain('a/ Vaccinationsmöjligheter för personal HBV');
    expect(inOrder(text, [
      'LSVO', 'Kallelse', 'Härmed kallas ni till sammanträde med LSVO.', 'Datum: 2021-05-07', 'Diarienummer: 21RGK153',
      'Tid och plats: Fredagen den 7 maj 2021 kl. 12.30 – 15.30 via Teams',
      'Kallade', 'Ledamöter', 'Bodil Sundlöf, Enheten för kvalitet och utveckling, Region Blekinge', 'Martin Åsman',
      'Förhinder anmäls till sekreteraren Mats Wennstig', 'Föredragningslista',
    ])).toEqual({ missing: null });
    expect(inOrder(text, ['Föredragningslista', ...expected])).toEqual({ missing: null });
    // The check can fail: the last item before the first is not found.
    expect(inOrder(text, ['§ 112 Övriga frågor', '§ 101']).missing).toBe('§ 101');
    // A kallelse has no att-satser, no signature block and nothing to sign.
    for (const absent of ['beslutar', 'att med tillägg', 'Paragrafer:', 'Justerare:', 'Justerandes signatur', 'Elektroniska underskrifter']) expect(text).not.toContain(absent);
    expect(fs.readFileSync(at('kallelse-2b.pdf')).toString('latin1')).not.toContain('/FT /Sig');
  });

  it('embeds every font with a ToUnicode map, is tagged in Swedish with the items as a labelled list, and is structurally PDF/A-2b', () => {
    const file = at('kallelse-2b.pdf');
    const fonts = run('pdffonts', [file]).out.split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const l of fonts) expect(l).toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+\s*$/u);
    expect(run('pdfinfo', [file]).out).toMatch(/Tagged:\s+yes/u);
    expect(run('qpdf', ['--check', file]).status).toBe(0);
    const raw = fs.readFileSync(file, 'latin1');
    // One list item with a label (the § number) per agenda item.
    expect(raw.match(/\/S \/Lbl\b/gu)?.length).toBe(12);
    expect(raw).toMatch(/\/Lang \(sv-SE\)/u);
    expect(pdfaStructure(file, 2)).toEqual([]);
    // The structural check can fail: the same file is no PDF/A-1.
    expect(pdfaStructure(file, 1)).toContain('XMP pdfaid:part is 2, not 1');
  });

  it('PDFBox Preflight accepts the PDF/A-1b kallelse', () => {
    const r = preflight(at('kallelse-1b.pdf'));
    expect(r.out).toContain('is a valid PDF/A-1b file');
    expect(r.valid).toBe(true);
    expect(pdfaStructure(at('kallelse-1b.pdf'), 1)).toEqual([]);
  }, 30_000);

  it('refuses an unknown meeting with a Swedish and English error, and a bad format by the contract', async () => {
    const r = await api.invoke('export.kallelse', { meetingId: 'finns-inte' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message.sv).toBe('Mötet finns inte.');
      expect(r.error.message.en).toBe('The meeting does not exist.');
    }
    const bad = await api.invoke('export.kallelse', { meetingId, format: 'odt' as never });
    expect(bad.ok).toBe(false);
  });
});

describe('kallelse DOCX', () => {
  it('holds the same föredragningslista in order, in Swedish, with Word headings', async () => {
    const out = unwrap(await api.invoke('export.kallelse', { meetingId, format: 'docx' }));
    expect(out.fileName).toBe('LSVO-kallelse-2021-05-07.docx');
    expect(out.pages).toBeNull();
    fs.writeFileSync(at('kallelse.docx'), Buffer.from(out.data, 'base64'));
    const xml = execFileSync('unzip', ['-p', at('kallelse.docx'), 'word/document.xml'], { encoding: 'utf8' });
    const text = xml.replace(/<\/w:p>/gu, '\n').replace(/<[^>]+>/gu, '').replace(/&amp;/gu, '&');
    expect(inOrder(text, ['Kallelse', 'Tid och plats:', 'Ledamöter', 'Föredragningslista', ...expected])).toEqual({ missing: null });
    expect(xml).toContain('w:val="Heading2"');
    expect(xml).toContain('w:lang w:val="sv-SE"');
    expect(text).not.toContain('beslutar');
  });
});
