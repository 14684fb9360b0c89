/**
 * The register as a CSV file for the chair before the meeting: one row per decision, in the
 * order given. ';'-separated UTF-8 with BOM, like the roster export, because that is what
 * Swedish Excel opens without an import dialog. Pure: rows in, bytes out.
 */
import { formatCsv } from '../bodies/csv';
import { encodeUtf8 } from '../bodies/textFile';
import type { RegisterDecisionRow } from '../api/registerContract';
import type { DecisionKind, DecisionStatus } from '../followup';

export const registerCsvHeader = ['Möte', 'Paragraf', 'Rubrik', 'Beslut', 'Typ', 'Ansvariga', 'Senast', 'Status', 'Försenad', 'Kommentar', 'Återrapporterat'] as const;

const kindSv: Record<DecisionKind, string> = {
  uppdrag: 'Uppdrag',
  'informationen-till-protokollet': 'Information till protokollet',
  beslut: 'Beslut',
  bordlagd: 'Bordlagd',
  aterremitterad: 'Återremitterad',
};
const statusSv: Record<DecisionStatus, string> = { open: 'Öppen', done: 'Klar', cancelled: 'Avskriven' };

/** What the due point says, as the secretary would write it: the date, or the words read. */
export function dueText(row: Pick<RegisterDecisionRow, 'due' | 'dueDay'>): string {
  if (row.due === null) return '';
  if (row.due.kind === 'date') return row.due.date;
  return row.dueDay !== null && row.due.kind === 'meeting' && row.due.meetingDate !== undefined ? `${row.due.text} (${row.dueDay})` : row.due.text;
}

/**
 * A cell Excel would run as a formula ("=…", "+…", "@…", "-…") gets a leading apostrophe: text
 * typed in a meeting must never become a formula on the chair's machine.
 */
const safe = (cell: string): string => (/^[=+\-@\t\r]/u.test(cell) ? `'${cell}` : cell);

export function formatRegisterCsv(rows: readonly RegisterDecisionRow[]): string {
  return formatCsv(
    [
      [...registerCsvHeader],
      ...rows.map((r) => [
        r.meetingDate,
        r.label ?? '',
        r.itemTitle,
        r.text,
        kindSv[r.kind],
        r.owners.map((o) => o.name).join(', '),
        dueText(r),
        statusSv[r.status],
        r.overdue ? 'Ja' : '',
        r.statusNote ?? '',
        r.reportedIn.map((x) => `${x.label ?? '§'} ${x.meetingDate}`).join(', '),
      ].map(safe)),
    ],
    ';',
  );
}

export function exportRegisterCsv(rows: readonly RegisterDecisionRow[]): Uint8Array {
  const body = encodeUtf8(formatRegisterCsv(rows));
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf], 0);
  out.set(body, 3);
  return out;
}
