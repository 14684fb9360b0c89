import type { ItemInput, MeetingNumbers, NumberingScheme } from '../../../src/numbering';

export const space: NumberingScheme = { kind: 'yearly', format: 'space' };
export const nospace: NumberingScheme = { kind: 'yearly', format: 'nospace' };
export const slash: NumberingScheme = { kind: 'yearly', format: 'slash-year' };
export const perMeeting: NumberingScheme = { kind: 'per-meeting', format: 'paragraph' };
export const points: NumberingScheme = { kind: 'points' };

/** n items with ids `${prefix}1` … `${prefix}n`. */
export function items(prefix: string, n: number): ItemInput[] {
  return Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i + 1}` }));
}

/** 1..n */
export function seq(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export function labels(m: MeetingNumbers): string[] {
  return m.items.map((i) => i.label);
}

export function numbersOf(m: MeetingNumbers): number[] {
  return m.items.map((i) => i.number);
}

/** id → number, for asserting that numbers stayed with their items. */
export function byId(m: MeetingNumbers): Record<string, number> {
  return Object.fromEntries(m.items.map((i) => [i.id, i.number]));
}

export function codes(m: { diagnostics: ReadonlyArray<{ code: string }> }): string[] {
  return m.diagnostics.map((d) => d.code);
}

/** A small deterministic PRNG (mulberry32), so "random" orders are the same on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(list: readonly T[], random: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}
