/**
 * The follow-up beside a meeting's editor: the decisions its "Föregående
 * sammanträdesprotokoll" lines refer to (from the document's `followUpLinks`, written when the
 * meeting was created), each with "Klar" so the secretary can mark it done while she types
 * the återkoppling; and the tabled (bordlagda) and sent-back items of earlier meetings, with
 * "Lägg till på dagordningen", which inserts the item before "Övriga frågor" in the document.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';
import { slateNodesToInsertDelta } from '@slate-yjs/core';
import type { Node as SlateNode } from 'slate';
import type { OfferedItem, RegisterDecisionRow } from '../../src/api/registerContract';
import type { DocReplica } from '../../src/docs/DocReplica';
import { newItem } from '../../src/protocol/schema';
import { useApi } from '../app/ConnectionContext';
import { ErrorMessage, type Bilingual } from '../app/ErrorMessage';
import { newId } from '../editor/schema';
import './register.css';

interface Link {
  meetingId: string;
  decisionIds: string[];
  label: string;
}

function linksOf(doc: Y.Doc): Link[] {
  const out: Link[] = [];
  doc.getMap('followUpLinks').forEach((v) => {
    const l = v as Partial<Link>;
    if (typeof l.meetingId === 'string' && Array.isArray(l.decisionIds)) out.push({ meetingId: l.meetingId, decisionIds: l.decisionIds.map(String), label: String(l.label ?? '') });
  });
  return out;
}

/** Inserts an agenda item before "Övriga frågor" (or last), as one change of the document. */
function insertAgendaItem(doc: Y.Doc, title: string): void {
  const content = doc.get('content', Y.XmlText);
  const delta = content.toDelta() as Array<{ insert: unknown }>;
  let at = delta.length;
  delta.forEach((d, i) => {
    if (at === delta.length && d.insert instanceof Y.XmlText && d.insert.getAttribute('agendaKey') === 'ovriga-fragor') at = i;
  });
  const node = newItem(newId, title);
  doc.transact(() => content.applyDelta([...(at > 0 ? [{ retain: at }] : []), ...slateNodesToInsertDelta([node as unknown as SlateNode])]));
}

export function FollowUpPanel({ replica, meetingId }: { replica: DocReplica; meetingId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const [decisions, setDecisions] = useState<RegisterDecisionRow[]>([]);
  const [offers, setOffers] = useState<OfferedItem[]>([]);
  const [error, setError] = useState<Bilingual | null>(null);
  const [notice, setNotice] = useState('');

  const load = useCallback(async () => {
    const links = linksOf(replica.doc);
    const wanted = new Set(links.flatMap((l) => l.decisionIds));
    const byMeeting = [...new Set(links.map((l) => l.meetingId))];
    const lists = await Promise.all(byMeeting.map((m) => api.invoke('register.list', { meetingId: m })));
    const found: RegisterDecisionRow[] = [];
    for (const res of lists) {
      if (!res.ok) return setError(res.error.message);
      found.push(...res.value.filter((r) => wanted.has(r.id)));
    }
    const o = await api.invoke('meetings.offeredItems', { meetingId });
    if (!o.ok) return setError(o.error.message);
    setError(null);
    setDecisions(found);
    setOffers(o.value);
  }, [api, meetingId, replica]);

  useEffect(() => {
    void load();
  }, [load]);

  async function setStatus(r: RegisterDecisionRow, status: 'open' | 'done') {
    // Recorded as done in the follow-up walk, not in the register: the audit trail says where.
    const res = await api.invoke('register.setStatus', { meetingId: r.meetingId, decisionId: r.id, status, source: 'follow-up' });
    if (!res.ok) return setError(res.error.message);
    setNotice(t(status === 'done' ? 'register.markedDone' : 'register.reopened', { label: r.label ?? '' }));
    await load();
  }

  function takeUp(o: OfferedItem) {
    insertAgendaItem(replica.doc, o.title);
    setNotice(t('followUp.added', { title: o.title }));
    setOffers((list) => list.filter((x) => x.key !== o.key));
  }

  if (decisions.length === 0 && offers.length === 0 && !error) return null;
  return (
    <section className="card follow-up" aria-label={t('followUp.heading')} data-testid="follow-up">
      <h2>{t('followUp.heading')}</h2>
      <ErrorMessage error={error} />
      <p role="status" className="visually-hidden" data-testid="follow-up-notice">
        {notice}
      </p>
      {decisions.length > 0 ? (
        <>
          <h3>{t('followUp.decisions')}</h3>
          <ul>
            {decisions.map((r) => (
              <li key={r.id} className="register-row" data-testid="follow-up-decision" data-status={r.status}>
                <span>
                  <strong>{r.label}</strong> {r.text}
                </span>
                <span className="register-meta">{r.owners.map((o) => o.name).join(', ')}</span>
                <label>
                  <input type="checkbox" checked={r.status === 'done'} onChange={(e) => void setStatus(r, e.target.checked ? 'done' : 'open')} data-testid="follow-up-done" />{' '}
                  {t('register.status.done')}
                  <span className="visually-hidden"> {r.label}</span>
                </label>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {offers.length > 0 ? (
        <>
          <h3>{t('followUp.offered')}</h3>
          <ul>
            {offers.map((o) => (
              <li key={o.key} data-testid="offered-item">
                <span>{o.text}</span>{' '}
                <button type="button" className="secondary" onClick={() => takeUp(o)} data-testid="take-up">
                  {t('followUp.takeUp')}
                  <span className="visually-hidden"> {o.title}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
