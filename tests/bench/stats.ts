/** Summary statistics for benchmark samples: medians with spread, never a single run. */
export interface Summary {
  n: number;
  median: number;
  p95: number;
  max: number;
  min: number;
  /** Interquartile range: the spread reported next to each median. */
  iqr: number;
}

export function summarize(samples: number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
  return { n: s.length, median: q(0.5), p95: q(0.95), max: s[s.length - 1]!, min: s[0]!, iqr: q(0.75) - q(0.25) };
}

export function fmt(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}

export interface BenchRow {
  name: string;
  summary: Summary;
  goal?: { p95?: number; median?: number };
  note?: string;
}

export function tableMarkdown(rows: BenchRow[]): string {
  const head = '| benchmark | n | median ms (IQR) | p95 ms | max ms | goal | met |\n|---|---|---|---|---|---|---|';
  const body = rows.map((r) => {
    const g = r.goal?.p95 !== undefined ? `p95 ≤ ${r.goal.p95}` : r.goal?.median !== undefined ? `median ≤ ${r.goal.median}` : '—';
    const met =
      r.goal?.p95 !== undefined ? (r.summary.p95 <= r.goal.p95 ? 'yes' : `no (${(r.summary.p95 / r.goal.p95).toFixed(2)}×)`) :
      r.goal?.median !== undefined ? (r.summary.median <= r.goal.median ? 'yes' : `no (${(r.summary.median / r.goal.median).toFixed(2)}×)`) : '—';
    return `| ${r.name}${r.note ? ` — ${r.note}` : ''} | ${r.summary.n} | ${fmt(r.summary.median)} (${fmt(r.summary.iqr)}) | ${fmt(r.summary.p95)} | ${fmt(r.summary.max)} | ${g} | ${met} |`;
  });
  return [head, ...body].join('\n');
}
