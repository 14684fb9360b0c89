/**
 * The visible signature: a name with letters beyond Latin-1 (Polish, from the glyphs pdf.ts
 * puts into the subset) is drawn as written, a character the embedded font subset cannot have
 * (CJK) as "?", never in a font the PDF/A archive would refuse; pdfsig still finds it valid.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileFromPreset } from '../../../src/bodies/presets';
import { buildProtocolModel } from '../../../src/export/model';
import { countPages, renderProtocolPdf } from '../../../main/export/pdf';
import { loadPkcs12, signPdf } from '../../../main/export/sign';
import { tempDir } from '../../helpers/coreTransport';
import { run, squash } from '../../helpers/pdfTools';

describe('visible signature', () => {
  it('draws the signer’s name with the document’s own font, "?" for what it lacks, and stays valid', async () => {
    const dir = tempDir('paragraf-appearance-');
    const at = (f: string) => path.join(dir, f);
    const profile = profileFromPreset('sammantradesprotokoll', 'Nämnden', {});
    const model = buildProtocolModel({
      meeting: { id: 'm', title: 'x', date: '2026-12-01', startTime: null, endTime: null, place: null, dnr: null },
      profile,
      roster: [],
      content: [{ type: 'item', id: 'i1', children: [{ type: 'item-title', id: 't1', children: [{ text: 'Ärende' }] }, { type: 'paragraph', id: 'p1', children: [{ text: 'Text.' }] }] }],
      attendance: [],
      labels: [{ id: 'i1', label: '§ 1', subItems: [] }],
    });
    const pdf = await renderProtocolPdf(model, { pdfa: '1b' });
    const cn = 'Łukasz Żółć 王';
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', at('k.pem'), '-out', at('c.pem'), '-days', '2', '-utf8', '-subj', `/CN=${cn}`], { stdio: 'ignore' });
    execFileSync('openssl', ['pkcs12', '-export', '-inkey', at('k.pem'), '-in', at('c.pem'), '-out', at('s.p12'), '-passout', 'pass:p'], { stdio: 'ignore' });
    const signed = signPdf(pdf, loadPkcs12(fs.readFileSync(at('s.p12')), 'p'), { now: new Date('2026-12-01T10:05:00Z') });
    fs.writeFileSync(at('signed.pdf'), signed.pdf);
    const n = String(countPages(pdf));
    const last = squash(execFileSync('pdftotext', ['-f', n, '-l', n, at('signed.pdf'), '-'], { encoding: 'utf8' }));
    expect(last).toContain('Łukasz Żółć ? Elektroniskt underskrivet 2026-12-01 10:05 UTC');
    expect(run('pdfsig', [at('signed.pdf')]).out).toContain('Signature is Valid.');
    // Every font in the signed file is embedded (the appearance uses the document's own).
    const fonts = execFileSync('pdffonts', [at('signed.pdf')], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(fonts.length).toBeGreaterThan(0);
    for (const l of fonts) expect(l).toMatch(/\byes\s+yes\s+yes\b/u);
  });
});
