/**
 * The decoders are checked against the platform's own (TextDecoder / TextEncoder in Node), which
 * src/ cannot use, over every byte and over random input.
 */
import { describe, expect, it } from 'vitest';
import { decodeTextFile, decodeUtf8, decodeWindows1252, encodeUtf8 } from '../../../src/bodies';
import { encodeCp1252, utf8 } from './lsvoRoster';

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('decodeUtf8', () => {
  const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const reference = (b: Uint8Array): string | null => {
    try {
      return fatal.decode(b);
    } catch {
      return null;
    }
  };

  it('agrees with TextDecoder (fatal) on 5000 random byte strings', () => {
    const rand = rng(1);
    // Bias toward bytes that make UTF-8 interesting: continuation bytes and lead bytes.
    const pool = [0x41, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xc3, 0xdf, 0xe0, 0xe5, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff];
    for (let n = 0; n < 5000; n++) {
      const len = Math.floor(rand() * 8);
      const bytes = Uint8Array.from({ length: len }, () => (rand() < 0.7 ? pool[Math.floor(rand() * pool.length)]! : Math.floor(rand() * 256)));
      const ours = decodeUtf8(bytes);
      expect(ours.ok ? ours.text : null, `bytes ${[...bytes].map((b) => b.toString(16))}`).toBe(reference(bytes));
    }
  });

  it('reports the offset of the first bad byte', () => {
    expect(decodeUtf8(Uint8Array.from([0x41, 0x42, 0xe5, 0x43]))).toEqual({ ok: false, offset: 2 });
    expect(decodeUtf8(Uint8Array.from([0xc0, 0xaf]))).toEqual({ ok: false, offset: 0 }); // overlong "/"
    expect(decodeUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toEqual({ ok: false, offset: 0 }); // surrogate
  });
});

describe('encodeUtf8', () => {
  it('agrees with TextEncoder, including astral characters and lone surrogates', () => {
    const rand = rng(2);
    const samples = ['', 'Håkan Friberg', 'Åsa Ärlig Ödman é', '§ 101 – ”citat” …', '😀 emoji', 'a\ud800b', '\udc00'];
    for (let n = 0; n < 500; n++) {
      samples.push(String.fromCharCode(...Array.from({ length: 6 }, () => Math.floor(rand() * 0x10000))));
    }
    const enc = new TextEncoder();
    for (const s of samples) expect([...encodeUtf8(s)]).toEqual([...enc.encode(s)]);
  });
});

describe('decodeWindows1252', () => {
  it('agrees with TextDecoder("windows-1252") on every defined byte and refuses the 5 undefined', () => {
    const ref = new TextDecoder('windows-1252');
    const undefinedBytes = [0x81, 0x8d, 0x8f, 0x90, 0x9d];
    for (let b = 0; b < 256; b++) {
      const got = decodeWindows1252(Uint8Array.of(b));
      if (undefinedBytes.includes(b)) expect(got).toBeNull();
      else expect(got, `byte ${b.toString(16)}`).toBe(ref.decode(Uint8Array.of(b)));
    }
  });
});

function expectError(bytes: Uint8Array, code: string): { sv: string; en: string } {
  const r = decodeTextFile(bytes);
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error('expected an error');
  expect(r.error.code).toBe(code);
  expect(r.error.message.sv.length).toBeGreaterThan(10);
  expect(r.error.message.en.length).toBeGreaterThan(10);
  expect(r.error.message.sv).not.toBe(r.error.message.en);
  return r.error.message;
}

describe('decodeTextFile', () => {
  const swedish = 'Namn;Organisation\r\nÅsa Öberg;Sölvesborgs kommun\r\nRenée Ärlig;Östra Göinge kommun\r\n';

  it('plain UTF-8 and UTF-8 with BOM: no warnings, BOM stripped', () => {
    const a = decodeTextFile(utf8(swedish));
    expect(a).toEqual({ ok: true, text: swedish, encoding: 'utf-8', bom: false, warnings: [] });
    const b = decodeTextFile(utf8(swedish, true));
    expect(b).toEqual({ ok: true, text: swedish, encoding: 'utf-8', bom: true, warnings: [] });
  });

  it('hand-encoded Windows-1252 decodes right, with a warning saying so', () => {
    const bytes = encodeCp1252(swedish);
    expect([...bytes]).toContain(0xc5); // Å
    expect([...bytes]).toContain(0xe9); // é
    const r = decodeTextFile(bytes);
    expect(r.ok && r.text).toBe(swedish);
    expect(r.ok && r.encoding).toBe('windows-1252');
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(['DECODED_AS_WINDOWS_1252']);
    expect(r.ok && r.warnings[0]!.message.sv).toContain('Windows-1252');
  });

  it('UTF-16 with BOM, little- and big-endian (Excel "Unicode-text")', () => {
    const units = [...swedish].map((c) => c.charCodeAt(0));
    const le = Uint8Array.from([0xff, 0xfe, ...units.flatMap((u) => [u & 0xff, u >> 8])]);
    const be = Uint8Array.from([0xfe, 0xff, ...units.flatMap((u) => [u >> 8, u & 0xff])]);
    expect(decodeTextFile(le)).toMatchObject({ ok: true, text: swedish, encoding: 'utf-16le' });
    expect(decodeTextFile(be)).toMatchObject({ ok: true, text: swedish, encoding: 'utf-16be' });
    expectError(Uint8Array.from([0xff, 0xfe, 0x41]), 'INVALID_ENCODING'); // odd length
    expectError(Uint8Array.from([0xff, 0xfe, 0x00, 0xdc]), 'INVALID_ENCODING'); // lone low surrogate
  });

  it('a NUL byte or other control characters: "inte en textfil"', () => {
    const m = expectError(Uint8Array.from([...utf8('Namn;Titel\r\n'), 0x00, 0x01, 0x02]), 'NOT_TEXT');
    expect(m.sv).toContain('inte en textfil');
    expect(m.en).toContain('not a text file');
    expectError(utf8('Namn\u0001;Titel\r\n'), 'NOT_TEXT');
    expectError(encodeCp1252('Namn;Titel\r\n').map((b, i) => (i === 3 ? 0x07 : b)), 'NOT_TEXT');
    // UTF-16 without BOM is full of NULs: refused, not misread.
    expectError(Uint8Array.from([0x4e, 0x00, 0x61, 0x00]), 'NOT_TEXT');
  });

  it('a DOS end-of-file mark at the very end is dropped', () => {
    expect(decodeTextFile(Uint8Array.from([...utf8('Namn\r\n'), 0x1a]))).toMatchObject({ ok: true, text: 'Namn\r\n' });
  });

  it('an Excel workbook (xlsx zip or old xls) is told to be saved as CSV', () => {
    const xlsx = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    expect(expectError(xlsx, 'SPREADSHEET_NOT_CSV').sv).toContain('CSV UTF-8');
    expectError(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'SPREADSHEET_NOT_CSV');
  });

  it('empty and oversized files', () => {
    expectError(new Uint8Array(0), 'EMPTY_FILE');
    const r = decodeTextFile(utf8('Namn\r\n'.repeat(100)), { maxBytes: 100 });
    expect(r.ok ? null : r.error.code).toBe('TOO_LARGE');
  });

  it('a UTF-8 BOM followed by invalid UTF-8 is damaged, not guessed', () => {
    const m = expectError(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41, 0xe5, 0x41]), 'INVALID_ENCODING');
    expect(m.en).toContain('byte 4');
  });

  it('bytes undefined in Windows-1252 (0x81 …) are an unknown encoding', () => {
    expectError(Uint8Array.from([...utf8('Namn\r\n'), 0x81, 0x41]), 'UNKNOWN_ENCODING');
  });

  it('Mac OS Roman (old Excel for Mac) is recognised as not Windows-1252', () => {
    // "Kjellström;Råberg;Äldreförvaltningen" in Mac OS Roman: ö=9A å=8C Ä=80 ä=8A
    const mac = Uint8Array.from([
      ...utf8('Kjellstr'), 0x9a, ...utf8('m;R'), 0x8c, ...utf8('berg;'), 0x80, ...utf8('ldref'), 0x9a, ...utf8('rvaltningen\r\n'),
    ]);
    expect(expectError(mac, 'UNKNOWN_ENCODING').sv).toContain('Mac OS Roman');
  });

  it('text garbled before it reached us ("Ã¥") is refused, in UTF-8 and in a mixed file', () => {
    // UTF-8 that was once read as Windows-1252 and saved again as UTF-8.
    expectError(utf8('Namn\r\nHÃ¥kan FrÃ¶berg\r\n'), 'GARBLED_TEXT');
    // Mostly UTF-8 (å = C3 A5) with one Windows-1252 ö (F6): invalid UTF-8, and as
    // Windows-1252 the UTF-8 part turns into "Ã¥".
    const mixed = Uint8Array.from([...utf8('Håkan;S'), 0xf6, ...utf8('lvesborg\r\n')]);
    expectError(mixed, 'GARBLED_TEXT');
  });
});
