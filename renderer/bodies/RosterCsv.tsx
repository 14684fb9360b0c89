/**
 * The roster in and out of Excel. Import sends the file's bytes as they are (base64) to the
 * Core, which detects the encoding (UTF-8 or Windows-1252, the two Swedish Excel writes) and
 * imports every row or none; the result says how many, and any warning ("lästes som
 * Windows-1252"); a refusal lists every problem and says that nothing was imported. The new
 * people reach the table through the body document, like any other change.
 * Export is built here from the same rows the table shows (UTF-8 with BOM and ';', which
 * Swedish Excel opens by double-click).
 */
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { toBase64 } from '../../src/api/base64';
import { localizedText } from '../../src/api/contract';
import type { ApiError } from '../../src/api/errors';
import { exportRosterCsv, type Person } from '../../src/bodies';
import { useApi } from '../app/ConnectionContext';
import type { Bilingual } from '../app/ErrorMessage';
import { localized } from '../i18n';
import { rosterFileName } from './rosterDoc';

type Outcome =
  | { kind: 'busy'; file: string }
  | { kind: 'ok'; file: string; imported: number; warnings: Bilingual[] }
  | { kind: 'error'; file: string; messages: Bilingual[] };

const issuesSchema = z.array(z.object({ message: localizedText }));

/**
 * One line per problem. The Core's message names the first few problems in one sentence; its
 * `detail` holds all of them (RosterCsvIssue[] as JSON, each with its Excel row), and the
 * secretary fixing the file in Excel needs every one. Any other error is shown as it came.
 */
export function errorLines(error: ApiError): Bilingual[] {
  if (error.code === 'INVALID_INPUT' && error.detail) {
    try {
      const issues = issuesSchema.safeParse(JSON.parse(error.detail));
      if (issues.success && issues.data.length > 0) return issues.data.map((i) => i.message);
    } catch {
      // Not JSON: fall through to the message.
    }
  }
  return [error.message];
}

export function RosterCsv({ bodyId, bodyName, people }: { bodyId: string; bodyName: string; people: Person[] }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    setOutcome({ kind: 'busy', file: file.name });
    let csv: string;
    try {
      csv = toBase64(new Uint8Array(await file.arrayBuffer()));
    } catch (err) {
      setOutcome({ kind: 'error', file: file.name, messages: [{ sv: `Filen kunde inte läsas: ${String(err)}`, en: `The file could not be read: ${String(err)}` }] });
      return;
    } finally {
      // The same file may be chosen again after it was corrected in Excel.
      if (inputRef.current) inputRef.current.value = '';
    }
    const res = await api.invoke('roster.importCsv', { bodyId, csv });
    if (res.ok) setOutcome({ kind: 'ok', file: file.name, imported: res.value.imported, warnings: res.value.warnings });
    else setOutcome({ kind: 'error', file: file.name, messages: errorLines(res.error) });
  }

  function exportCsv() {
    const bytes = exportRosterCsv(people);
    const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = rosterFileName(bodyName);
    document.body.append(a);
    a.click();
    a.remove();
    // Revoked later: the download reads the blob after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  return (
    <div className="roster-csv">
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('roster.importLabel')}</label>
        <input ref={inputRef} id={`${id}-file`} type="file" accept=".csv,.txt,text/csv,text/plain" data-testid="roster-import" aria-describedby={`${id}-hint`} onChange={(e) => void onFile(e)} />
        <p id={`${id}-hint`} className="hint">
          {t('roster.importHint')}
        </p>
      </div>
      <div role="status" data-testid="import-result" className={outcome?.kind === 'error' ? 'import-result error' : 'import-result'}>
        {outcome?.kind === 'busy' ? t('roster.importing', { file: outcome.file }) : null}
        {outcome?.kind === 'ok' ? (
          <>
            <p>{t('roster.imported', { count: outcome.imported, file: outcome.file })}</p>
            {outcome.warnings.length > 0 ? (
              <ul data-testid="import-warnings">
                {outcome.warnings.map((w, i) => (
                  <li key={i}>{localized(w, i18n.language)}</li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
        {outcome?.kind === 'error' ? (
          <>
            <p>
              <strong>{t('roster.importFailed', { file: outcome.file })}</strong>
            </p>
            <ul data-testid="import-errors">
              {outcome.messages.map((m, i) => (
                <li key={i}>{localized(m, i18n.language)}</li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
      <button type="button" className="secondary" data-testid="roster-export" onClick={exportCsv} disabled={people.length === 0}>
        {t('roster.export')}
      </button>
    </div>
  );
}
