/**
 * The decision register of one body: its decisions grouped by owner, by due point or by
 * meeting; overdue ones stand out (a class for colour and the word "Försenad", so it does not
 * depend on colour); each links to its meeting and can be marked done or reopened. CSV for the
 * chair. Rows come from `register.list` (projections); a status change is stored in the
 * meeting document by the Core, and the list is read again.
 */
import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMeetingsReload } from '../app/useMeetingsReload';
import { fromBase64 } from '../../src/api/base64';
import type { Person } from '../../src/bodies';
import type { Body, Meeting } from '../../src/api/contract';
import type { RegisterDecisionRow } from '../../src/api/registerContract';
import { dueText, exportRegisterCsv } from '../../src/register/registerCsv';
import { useApi } from '../app/ConnectionContext';
import { ErrorMessage, type Bilingual } from '../app/ErrorMessage';
import { CorrectionForm } from './CorrectionForm';
import { revealInMeeting } from './reveal';
import './register.css';

type Grouping = 'owner' | 'due' | 'meeting';
type StatusFilter = 'open' | 'all';

function groupsOf(rows: readonly RegisterDecisionRow[], by: Grouping, noOwner: string, noDue: string): Array<[string, RegisterDecisionRow[]]> {
  const groups = new Map<string, RegisterDecisionRow[]>();
  const add = (k: string, r: RegisterDecisionRow) => groups.set(k, [...(groups.get(k) ?? []), r]);
  for (const r of rows) {
    if (by === 'owner') {
      if (r.owners.length === 0) add(noOwner, r);
      for (const o of r.owners) add(o.name, r);
    } else if (by === 'due') add(r.dueDay ?? noDue, r);
    else add(`${r.meetingDate} ${r.meetingTitle}`, r);
  }
  const keys = [...groups.keys()].sort((a, b) => {
    if (a === noOwner || a === noDue) return 1;
    if (b === noOwner || b === noDue) return -1;
    return by === 'meeting' ? b.localeCompare(a, 'sv') : a.localeCompare(b, 'sv');
  });
  return keys.map((k) => [k, groups.get(k)!]);
}

export function RegisterPanel({ body, people = [], onOpenMeeting }: { body: Body; people?: readonly Person[]; onOpenMeeting(meeting: Meeting): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [rows, setRows] = useState<RegisterDecisionRow[] | null>(null);
  const [error, setError] = useState<Bilingual | null>(null);
  const [grouping, setGrouping] = useState<Grouping>('owner');
  const [statusFilter, setStatusFilter] = useState<StatusFilter>('open');
  const [notice, setNotice] = useState('');
  /** The row whose correction form is open: "meetingId:decisionId". */
  const [correcting, setCorrecting] = useState<string | null>(null);
  const groupId = useId();
  const statusId = useId();

  const load = useCallback(async () => {
    const res = await api.invoke('register.list', { bodyId: body.id, needsFollowUp: true, ...(statusFilter === 'open' ? { status: 'open' as const } : {}) });
    if (!res.ok) return setError(res.error.message);
    setError(null);
    setRows(res.value);
  }, [api, body.id, statusFilter]);

  useMeetingsReload(load, body.id);

  const groups = useMemo(() => (rows ? groupsOf(rows, grouping, t('register.noOwner'), t('register.noDue')) : []), [rows, grouping, t]);

  async function setStatus(r: RegisterDecisionRow, status: 'open' | 'done') {
    const res = await api.invoke('register.setStatus', { meetingId: r.meetingId, decisionId: r.id, status });
    if (!res.ok) return setError(res.error.message);
    setNotice(t(status === 'done' ? 'register.markedDone' : 'register.reopened', { label: r.label ?? '' }));
    await load();
  }

  /** Opens a meeting at one of its § (the decision's own, or where it was reported back). */
  async function openAt(meetingId: string, itemId: string, blockId?: string) {
    const res = await api.invoke('meetings.list', { bodyId: body.id });
    if (!res.ok) return setError(res.error.message);
    const m = res.value.find((x) => x.id === meetingId);
    if (m) {
      onOpenMeeting(m);
      revealInMeeting(blockId === undefined ? { itemId } : { itemId, blockId });
    }
  }
  const open = (r: RegisterDecisionRow) => openAt(r.meetingId, r.itemId, r.id);

  function download(bytes: Uint8Array, fileName: string, type: string) {
    const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    // Revoked later: the download reads the blob after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  function exportCsv() {
    if (rows) download(exportRegisterCsv(rows), `Beslutsregister ${body.name}.csv`, 'text/csv;charset=utf-8');
  }

  async function exportPdf() {
    const res = await api.invoke('register.pdf', { bodyId: body.id, ...(statusFilter === 'open' ? { status: 'open' as const } : {}) });
    if (!res.ok) return setError(res.error.message);
    download(fromBase64(res.value.pdf), res.value.fileName, 'application/pdf');
  }

  return (
    <div className="register" data-testid="register">
      <div className="register-controls">
        <label htmlFor={groupId}>{t('register.groupBy')}</label>
        <select id={groupId} value={grouping} onChange={(e) => setGrouping(e.target.value as Grouping)} data-testid="register-grouping">
          <option value="owner">{t('register.byOwner')}</option>
          <option value="due">{t('register.byDue')}</option>
          <option value="meeting">{t('register.byMeeting')}</option>
        </select>
        <label htmlFor={statusId}>{t('register.show')}</label>
        <select id={statusId} value={statusFilter} onChange={(e) => setStatusFilter(e.target.value as StatusFilter)} data-testid="register-status-filter">
          <option value="open">{t('register.openOnly')}</option>
          <option value="all">{t('register.all')}</option>
        </select>
        <button type="button" className="secondary" onClick={exportCsv} disabled={!rows || rows.length === 0} data-testid="register-csv">
          {t('register.exportCsv')}
        </button>
        <button type="button" className="secondary" onClick={() => void exportPdf()} disabled={!rows || rows.length === 0} data-testid="register-pdf">
          {t('register.exportPdf')}
        </button>
      </div>
      <ErrorMessage error={error} />
      <p role="status" className="visually-hidden" data-testid="register-notice">
        {notice}
      </p>
      {rows === null ? (
        <p role="status">{t('register.loading')}</p>
      ) : rows.length === 0 ? (
        <p className="muted" data-testid="register-empty">
          {t('register.empty')}
        </p>
      ) : (
        groups.map(([key, list]) => (
          <section key={key} className="register-group" aria-label={key}>
            <h3>{key}</h3>
            <ul>
              {list.map((r) => (
                <li key={`${key}:${r.meetingId}:${r.id}`} className={`register-row${r.overdue ? ' overdue' : ''}`} data-testid="register-row" data-decision-id={r.id} data-status={r.status}>
                  <button type="button" className="link" onClick={() => void open(r)} title={t('register.openMeeting')}>
                    {r.label ?? '§ ?'} · {r.meetingDate}
                  </button>
                  <span className="register-text">{r.text}</span>
                  <span className="register-meta">
                    {r.owners.length > 0 ? r.owners.map((o) => o.name).join(', ') : t('register.noOwner')}
                    {r.due ? ` · ${t('register.due')} ${dueText(r)}` : ''}
                  </span>
                  {r.overdue ? <strong className="overdue-flag">{t('register.overdue')}</strong> : null}
                  {r.reportedIn.map((x) => (
                    <button key={`${x.meetingId}:${x.itemId}`} type="button" className="link" data-testid="register-reported" onClick={() => void openAt(x.meetingId, x.itemId)}>
                      {t('register.reportedIn', { label: x.label ?? '§', date: x.meetingDate })}
                    </button>
                  ))}
                  <span className="register-status" data-testid="register-status">
                    {t(`register.status.${r.status}`)}
                  </span>
                  {r.source.kind === 'corrected' || r.source.owners === 'corrected' || r.source.due === 'corrected' ? (
                    <span className="muted">{t('register.corrected')}</span>
                  ) : null}
                  {r.stale.length > 0 ? <span className="overdue-flag">{t('register.stale')}</span> : null}
                  <button
                    type="button"
                    className="secondary"
                    aria-expanded={correcting === `${key}:${r.meetingId}:${r.id}`}
                    onClick={() => setCorrecting((c) => (c === `${key}:${r.meetingId}:${r.id}` ? null : `${key}:${r.meetingId}:${r.id}`))}
                    data-testid="register-correct"
                  >
                    {t('register.correct')}
                    <span className="visually-hidden"> {r.label}</span>
                  </button>
                  {correcting === `${key}:${r.meetingId}:${r.id}` ? (
                    <CorrectionForm
                      row={r}
                      people={people}
                      onDone={(changed) => {
                        setCorrecting(null);
                        if (changed) {
                          setNotice(t('register.correctedNotice', { label: r.label ?? '' }));
                          void load();
                        }
                      }}
                    />
                  ) : null}
                  {r.status === 'open' ? (
                    <button type="button" onClick={() => void setStatus(r, 'done')} data-testid="register-done">
                      {t('register.markDone')}
                      <span className="visually-hidden"> {r.label}</span>
                    </button>
                  ) : (
                    <button type="button" className="secondary" onClick={() => void setStatus(r, 'open')} data-testid="register-reopen">
                      {t('register.reopen')}
                      <span className="visually-hidden"> {r.label}</span>
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}
