/**
 * `npm run bench`: runs every benchmark, prints a table, and records it with the machine's
 * details in docs/BENCHMARKS.md (between the markers, so the prose around it stays).
 * Benchmarks are never tests: nothing here fails a build for being slow.
 */
import fs from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { storeBenchmarks } from './storeBench';
import { editorBenchmarks } from './editorBench';
import { registerBenchmarks } from './registerBench';
import { syncBenchmarks } from './syncBench';
import { exportBenchmarks } from './exportBench';
import { tableMarkdown, type BenchRow } from './stats';

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  let chromium = 'not installed';
  try {
    chromium = execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    /* reported as not installed */
  }
  return [
    `- date: ${new Date().toISOString()}`,
    `- machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()} (${os.arch()})`,
    `- load average at start: ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}`,
    `- Node ${process.version}; browser: ${chromium}`,
  ].join('\n');
}

const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);
const header = machine();
const rows: BenchRow[] = [];
if (want('store')) rows.push(...(await storeBenchmarks()));
if (want('editor')) rows.push(...(await editorBenchmarks()));
if (want('register')) rows.push(...(await registerBenchmarks()));
if (want('sync')) rows.push(...(await syncBenchmarks()));
if (want('export')) rows.push(...(await exportBenchmarks()));

const table = tableMarkdown(rows);
console.log(header + '\n\n' + table);

const file = 'docs/BENCHMARKS.md';
const begin = '<!-- bench:begin -->';
const end = '<!-- bench:end -->';
const block = `${begin}\n${header}\n\n${table}\n${end}`;
const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
if (only.length === 0 && current.includes(begin) && current.includes(end)) {
  fs.writeFileSync(file, current.replace(new RegExp(`${begin}[\\s\\S]*${end}`), block));
  console.log(`\nrecorded in ${file}`);
} else if (only.length === 0) {
  console.log(`\n(${file} has no bench markers: paste the table by hand)`);
}
