/**
 * Export benchmarks (issue 5): a 30-page protocol to PDF, one PAdES signature on it, the same
 * protocol to DOCX; and, in the same run, what secretaries do today: LibreOffice headless
 * converting an equivalent DOCX (ours) to PDF, reported as a ratio to Paragraf's PDF.
 *
 * The protocol is generated (a fixed seed): items with discussion paragraphs, lists and
 * decision blocks, sized until pdfkit lays it out on 30 pages. LibreOffice runs as a fresh
 * `soffice --headless --convert-to pdf` per conversion (what a script or the "Export as PDF"
 * of a freshly opened document costs), with its own profile directory warmed up once first.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { profileFromPreset } from '../../src/bodies/presets';
import { slateNodesToInsertDelta } from '@slate-yjs/core';
import type { Node as SlateNode } from 'slate';
import * as Y from 'yjs';
import { buildKallelseModel } from '../../src/export/kallelse';
import { refusedAfterLock, writeLock } from '../../src/export/lock';
import { buildProtocolModel, type ProtocolInput, type ProtocolModel } from '../../src/export/model';
import { renderKallelsePdf } from '../../main/export/kallelsePdf';
import { renderProtocolDocx } from '../../main/export/docx';
import { countPages, renderProtocolPdf } from '../../main/export/pdf';
import { loadPkcs12, signPdf } from '../../main/export/sign';
import { summarize, fmt, type BenchRow } from './stats';

const WORDS = 'att beslutet verksamheten samverkan kommunerna regionen uppföljning avtalet budgeten redovisning åtgärder förvaltningen hälso- och sjukvård omsorg ärendet nämnden översyn underlag ledningsgruppen överenskommelse'.split(' ');

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function sentence(r: () => number, n: number): string {
  const w = Array.from({ length: n }, () => WORDS[Math.floor(r() * WORDS.length)]!);
  return `${w.join(' ').replace(/^./u, (c) => c.toUpperCase())}.`;
}

function model(items: number): ProtocolModel {
  return buildProtocolModel(input(items));
}

function input(items: number): ProtocolInput {
  const r = rng(42);
  let n = 0;
  const id = () => `n${++n}`;
  const p = (text: string) => ({ type: 'paragraph', id: id(), children: [{ text }] });
  const profile = profileFromPreset('sammantradesprotokoll', 'LSVO', { group: 'ledningsgrupp' });
  const content = Array.from({ length: items }, (_, i) => ({
    type: 'item',
    id: `item${i}`,
    children: [
      { type: 'item-title', id: id(), children: [{ text: `Ärende ${i + 1}: ${sentence(r, 5)}` }] },
      p(sentence(r, 40)),
      p(sentence(r, 30)),
      p(`- ${sentence(r, 8)}`),
      p(`- ${sentence(r, 8)}`),
      p(profile.decision.lead),
      p(`att ${sentence(r, 14).toLowerCase()}`),
      p(`att ${sentence(r, 10).toLowerCase()}`),
    ],
  }));
  return {
    meeting: { id: 'm', title: 'LSVO', date: '2021-05-07', startTime: '12:30', endTime: '15:30', place: 'via Teams', dnr: '21RGK153' },
    profile,
    roster: [],
    content,
    attendance: [],
    labels: content.map((c, i) => ({ id: c.id, label: `§ ${101 + i}`, subItems: [] })),
  };
}

/**
 * The sync server's check of one keystroke from another computer on the locked meeting
 * document of that protocol (server/extensions/LockGuard.ts: applied to a copy to see what it
 * would change). Returns its samples.
 */
async function lockCheck(items: number): Promise<{ samples: number[]; kib: number }> {
  const doc = new Y.Doc();
  doc.transact(() => {
    doc.getMap('meta').set('status', 'justerat');
    doc.get('content', Y.XmlText).applyDelta(slateNodesToInsertDelta(input(items).content as SlateNode[]));
  });
  const state = Y.encodeStateAsUpdate(doc);
  const hash = 'a'.repeat(64);
  doc.transact(() => writeLock(doc, { lockedAt: '2021-05-07T16:00:00Z', pdfSha256: hash, exportedPdfSha256: hash, snapshotSha256: hash, by: [], signers: [] }, state));
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  const sv = Y.encodeStateVector(other);
  other.get('content', Y.XmlText).insert(0, 'x');
  const keystroke = Y.encodeStateAsUpdate(other, sv);
  const r = await time(30, () => {
    if (refusedAfterLock(doc, keystroke)?.[0] !== 'content') throw new Error('the keystroke was not refused');
  });
  return { samples: r.samples, kib: Y.encodeStateAsUpdate(doc).length / 1024 };
}

async function time<T>(n: number, f: () => Promise<T> | T): Promise<{ samples: number[]; last: T }> {
  const samples: number[] = [];
  let last!: T;
  // Two warm-up runs: the JIT and pdfkit's font parsing are not what a secretary waits for twice.
  for (let i = 0; i < n + 2; i++) {
    const t0 = performance.now();
    last = await f();
    if (i >= 2) samples.push(performance.now() - t0);
  }
  return { samples, last };
}

export async function exportBenchmarks(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paragraf-bench-export-'));
  // Sized to 30 pages: measured once, then scaled.
  let items = 24;
  let m = model(items);
  let pages = countPages(await renderProtocolPdf(m));
  items = Math.max(1, Math.floor((items * 30) / pages));
  m = model(items);
  pages = countPages(await renderProtocolPdf(m));
  while (pages < 30) {
    m = model(++items);
    pages = countPages(await renderProtocolPdf(m));
  }

  const pdf = await time(15, () => renderProtocolPdf(m));
  const docx = await time(15, () => renderProtocolDocx(m));
  const kallelse = await time(15, () => renderKallelsePdf(buildKallelseModel(input(items))));
  const lock = await lockCheck(items);

  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(dir, 'k.pem'), '-out', path.join(dir, 'c.pem'), '-days', '30', '-utf8', '-subj', '/CN=Bänk Signerare'], { stdio: 'ignore' });
  execFileSync('openssl', ['pkcs12', '-export', '-inkey', path.join(dir, 'k.pem'), '-in', path.join(dir, 'c.pem'), '-out', path.join(dir, 's.p12'), '-passout', 'pass:x'], { stdio: 'ignore' });
  const signer = loadPkcs12(fs.readFileSync(path.join(dir, 's.p12')), 'x');
  const sign = await time(30, () => signPdf(pdf.last, signer));

  const rows: BenchRow[] = [
    { name: `export: protocol to PDF/A-2b (${pages} pages, ${items} §)`, summary: summarize(pdf.samples), goal: { median: 300 } },
    { name: 'export: one PAdES signature (RSA 2048) on that PDF', summary: summarize(sign.samples), goal: { median: 100 } },
    { name: `export: the same protocol to DOCX (${(docx.last.length / 1024).toFixed(0)} KiB)`, summary: summarize(docx.samples), goal: { median: 300 } },
    { name: `export: kallelse with its föredragningslista (${items} items, ${countPages(kallelse.last)} pages) to PDF/A-2b`, summary: summarize(kallelse.samples) },
    { name: `lock: the server's check of one keystroke on that protocol, locked (${lock.kib.toFixed(0)} KiB document)`, summary: summarize(lock.samples) },
  ];

  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((f) => fs.existsSync(f));
  if (!soffice) {
    console.log('export bench: LibreOffice is not installed (apt-get install libreoffice-writer-nogui); no comparison.');
    return rows;
  }
  const docxFile = path.join(dir, 'protokoll.docx');
  fs.writeFileSync(docxFile, docx.last);
  const profileDir = `file://${path.join(dir, 'lo-profile')}`;
  const convert = () => {
    const r = spawnSync(soffice, [`-env:UserInstallation=${profileDir}`, '--headless', '--convert-to', 'pdf', '--outdir', path.join(dir, 'lo'), docxFile], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
  };
  // Warm-up inside `time` also creates the profile (LibreOffice's first start is much slower).
  const lo = await time(5, convert);
  const loPages = countPdfPages(path.join(dir, 'lo', 'protokoll.pdf'));
  const loSummary = summarize(lo.samples);
  const ratio = (s: number[]) => (loSummary.median / summarize(s).median).toFixed(1);
  rows.push({
    name: `export: LibreOffice ${loVersion(soffice)} DOCX→PDF, same protocol (${loPages} pages)`,
    summary: loSummary,
    note: `${ratio(pdf.samples)}× Paragraf's PDF, ${ratio(docx.samples)}× its DOCX`,
  });
  console.log(`export bench: Paragraf PDF ${fmt(summarize(pdf.samples).median)} ms vs LibreOffice ${fmt(loSummary.median)} ms (ratio ${ratio(pdf.samples)}×)`);
  return rows;
}

function countPdfPages(file: string): string {
  try {
    return /Pages:\s+(\d+)/u.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? '?';
  } catch {
    return '?';
  }
}

function loVersion(soffice: string): string {
  const r = spawnSync(soffice, ['--version'], { encoding: 'utf8' });
  return /LibreOffice\s+([\d.]+)/u.exec(r.stdout)?.[1] ?? '';
}
