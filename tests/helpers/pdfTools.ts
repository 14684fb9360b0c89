/**
 * The independent PDF tools the export tests check against: poppler (pdftotext, pdffonts,
 * pdfinfo, pdfsig), qpdf and PDFBox Preflight (Debian packages, installed by .ci/run).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

export function run(cmd: string, args: string[]): { status: number; out: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error) throw r.error;
  return { status: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

/** The text of the page bodies only: the header band and the boxes at the foot are cropped away. */
export function bodyText(file: string): string {
  return execFileSync('pdftotext', ['-x', '0', '-y', '70', '-W', '596', '-H', '670', file, '-'], { encoding: 'utf8' });
}

export const squash = (s: string): string => s.replace(/\s+/gu, ' ').trim();

/**
 * Whether the needles occur in the haystack in this order; the first one missing otherwise.
 * Whitespace is ignored on both sides: a line may wrap after "/" where the source had none.
 */
export function inOrder(haystack: string, needles: string[]): { missing: string | null } {
  const bare = (s: string) => s.replace(/\s+/gu, '');
  const hay = bare(haystack);
  let at = 0;
  for (const n of needles) {
    const i = hay.indexOf(bare(n), at);
    if (i < 0) return { missing: n };
    at = i + bare(n).length;
  }
  return { missing: null };
}

const PREFLIGHT_JARS = ['preflight', 'pdfbox2', 'xmpbox', 'fontbox2', 'commons-logging', 'javax.activation', 'jaxb-api'].map((j) => `/usr/share/java/${j}.jar`);

/** PDFBox Preflight's PDF/A-1b verdict (Debian's libpdfbox2-java, plus the JAXB/activation jars it needs on Java 11+). */
export function preflight(file: string): { valid: boolean; out: string } {
  for (const jar of PREFLIGHT_JARS) if (!fs.existsSync(jar)) throw new Error(`${jar} is missing: .ci/run installs libpdfbox2-java, libactivation-java and libjaxb-api-java`);
  const r = run('java', ['-cp', PREFLIGHT_JARS.join(':'), 'org.apache.pdfbox.preflight.Validator_A1b', file]);
  return { valid: r.status === 0 && /is a valid PDF\/A-1b file/u.test(r.out), out: r.out };
}
