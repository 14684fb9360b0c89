/**
 * The protocol PDF of the LSVO meeting, exported through the API of a real Core and checked with
 * independent tools: poppler for text, order, fonts and tags, qpdf for structure, PDFBox
 * Preflight for PDF/A-1b.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unwrap } from '../../../src/api/client';
import { buildProtocolModel, modelReadingOrder } from '../../../src/export/model';
import type { Core } from '../../../main/core/Core';
import { openCore, tempDir } from '../../helpers/coreTransport';
import { bodyText, inOrder, pdfaStructure, preflight, run, squash } from '../../helpers/pdfTools';
import { createLsvoMeeting } from './lsvo';

let core: Core;
const dir = tempDir('paragraf-pdf-');
const files: Record<'1b' | '2b', string> = { '1b': path.join(dir, 'lsvo-1b.pdf'), '2b': path.join(dir, 'lsvo-2b.pdf') };
let pages = 0;
let expected: string[] = [];

beforeAll(async () => {
  const o = openCore();
  core = o.core;
  const { meeting } = await createLsvoMeeting(o.api);
  for (const level of ['1b', '2b'] as const) {
    const out = unwrap(await o.api.invoke('export.pdf', { meetingId: meeting.id, pdfa: level }));
    fs.writeFileSync(files[level], Buffer.from(out.pdf, 'base64'));
    if (level === '2b') {
      pages = out.pages;
      expect(out.fileName).toBe('LSVO-sammantradesprotokoll-2021-05-07.pdf');
    }
  }
  // What the text must say, in order: every § label, title, lead and att-sats of the model.
  const { readProtocolInput } = await import('../../../main/export/fromCore');
  const internals = core as unknown as { ready(): { db: never; docs: never } };
  const { db, docs } = internals.ready();
  expected = modelReadingOrder(buildProtocolModel(readProtocolInput(db, docs, meeting.id)));
}, 60_000);
afterAll(() => core.close());

describe('protocol PDF', () => {
  it('has every § label, title and att-sats in order, as real text with å ä ö §', () => {
    const text = squash(bodyText(files['2b']));
    expect(expected).toContain('§ 101');
    expect(expected).toContain('§ 112');
    expect(expected).toContain('att Annika Mellqvist ansvarar för att ett underlag och redovisning för 2020 skickas ut inför LSVO 4 juni.');
    expect(inOrder(text, expected)).toEqual({ missing: null });
    // The check can fail: two att-satser in the reverse order are not found.
    const first = 'att med tillägg under övriga frågor godkänna för sammanträdet upprättad föredragningslista';
    expect(inOrder(text, ['att Kjell Ivarsson undersöker möjligheten till vaccination', first]).missing).toBe(first);
  });

  it('has the header, Tid och plats, attendance, justering and the signature block with the § span', () => {
    const text = squash(bodyText(files['2b']));
    expect(inOrder(text, [
      'LSVO', 'Sammanträdesprotokoll', 'Datum: 2021-05-07', 'Diarienummer: 21RGK153',
      'Tid och plats: Fredagen den 7 maj 2021 kl. 12.30 – 15.30 via Teams',
      'Närvarande ledamöter', 'Bodil Sundlöf, Enheten för kvalitet och utveckling, Region Blekinge (ordförande)',
      'Torill Skaar Magnusson, förvaltningschef Omsorgsförvaltningen, Karlshamns kommun (justerare)',
      'Övriga närvarande', 'Helene Bjerstedt, utvecklingsledare, Region Blekinge (§ 103)',
      'Frånvarande', 'Martin Åsman',
      'Justerare: Torill Skaar Magnusson',
      'Underskrifter', 'Paragrafer: § 101–§ 112',
      'Mats Wennstig', 'Sekreterare', 'Bodil Sundlöf', 'Ordförande', 'Torill Skaar Magnusson', 'Justerare',
      'Ärendeförteckning', '§ 101 Godkännande av föredragningslistan', '§ 112 Övriga frågor', 'a/ Vaccinationsmöjligheter för personal HBV', 'b/ Underskrifter',
    ])).toEqual({ missing: null });
    expect(inOrder(text, ['§ 112', 'Övriga frågor', 'a/ Vaccinationsmöjligheter', 'b/ Underskrifter', 'Protokollet ska skickas till', 'Diariet', 'Ledamöter'])).toEqual({ missing: null });
  });

  it('numbers every page "Sida n (N)" and has both boxes on every page', () => {
    expect(pages).toBeGreaterThan(2);
    const all = run('pdftotext', ['-layout', files['2b'], '-']).out;
    const perPage = all.split('\f').filter((p) => p.trim() !== '');
    expect(perPage).toHaveLength(pages);
    perPage.forEach((p, i) => {
      expect(p).toContain(`Sida ${i + 1} (${pages})`);
      expect(p).toContain('Justerandes signatur');
      expect(p).toContain('Utdragsbestyrkande');
    });
  });

  it('embeds every font, is tagged in Swedish, and passes qpdf’s structural check', () => {
    for (const f of Object.values(files)) {
      const fonts = run('pdffonts', [f]).out.split('\n').slice(2).filter((l) => l.trim() !== '');
      expect(fonts.length).toBeGreaterThanOrEqual(2);
      // Columns: name type encoding emb sub uni object-id: "emb" must be yes for each.
      for (const l of fonts) expect(l).toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+\s*$/u);
      const info = run('pdfinfo', [f]).out;
      expect(info).toMatch(/Tagged:\s+yes/u);
      expect(info).toMatch(/Form:\s+AcroForm/u);
      expect(run('qpdf', ['--check', f]).status).toBe(0);
    }
    const raw = fs.readFileSync(files['2b'], 'latin1');
    expect(raw).toMatch(/\/Lang \(sv-SE\)/u);
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toMatch(/<pdfaid:part>2<\/pdfaid:part>/u);
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    expect(fs.readFileSync(files['1b'], 'latin1').startsWith('%PDF-1.4')).toBe(true);
    // What Preflight cannot check for part 2: the structural rules, read from every object.
    expect(pdfaStructure(files['2b'], 2)).toEqual([]);
    expect(pdfaStructure(files['1b'], 1)).toEqual([]);
  });

  it('PDFBox Preflight accepts the PDF/A-1b export and refuses the 2b one as 1b', () => {
    const r = preflight(files['1b']);
    expect(r.out).toContain('is a valid PDF/A-1b file');
    expect(r.valid).toBe(true);
    // The validator can say no: the 2b file claims part 2, which a PDF/A-1b check refuses.
    expect(preflight(files['2b']).valid).toBe(false);
  }, 90_000);
});
