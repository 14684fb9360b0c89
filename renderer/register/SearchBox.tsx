/**
 * Search across all minutes, as you type: a search field with a few filters and a list of
 * results (§ label, meeting date, body, snippet with the hits marked), each a button that
 * opens the meeting. A combobox-like list would need arrow-key handling in the field; a plain
 * list of buttons after the field is reachable with Tab and announced with its count.
 * A query waits 150 ms after the last keystroke, and an answer to an older query is dropped.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Body, Meeting } from '../../src/api/contract';
import type { SearchHit } from '../../src/api/registerContract';
import { useApi } from '../app/ConnectionContext';
import { ErrorMessage, type Bilingual } from '../app/ErrorMessage';
import { revealInMeeting } from './reveal';
import './register.css';

export function SearchBox({ onOpenMeeting }: { onOpenMeeting(meeting: Meeting, body: Body): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [query, setQuery] = useState('');
  const [bodyId, setBodyId] = useState('');
  const [decisionsOnly, setDecisionsOnly] = useState(false);
  const [bodies, setBodies] = useState<Body[]>([]);
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<Bilingual | null>(null);
  const latest = useRef(0);
  const id = useId();

  useEffect(() => {
    void api.invoke('bodies.list', {}).then((res) => {
      if (res.ok) setBodies(res.value);
    });
  }, [api]);

  useEffect(() => {
    if (query.trim() === '') {
      setHits(null);
      return;
    }
    const n = ++latest.current;
    const timer = setTimeout(() => {
      void api.invoke('search.query', { query, ...(bodyId ? { bodyId } : {}), ...(decisionsOnly ? { decisionsOnly: true } : {}) }).then((res) => {
        if (n !== latest.current) return;
        if (!res.ok) return setError(res.error.message);
        setError(null);
        setHits(res.value.hits);
        setMore(res.value.more);
      });
    }, 150);
    return () => clearTimeout(timer);
  }, [api, query, bodyId, decisionsOnly]);

  async function open(h: SearchHit) {
    const [ms, bs] = await Promise.all([api.invoke('meetings.list', { bodyId: h.bodyId }), api.invoke('bodies.list', {})]);
    if (!ms.ok) return setError(ms.error.message);
    if (!bs.ok) return setError(bs.error.message);
    const m = ms.value.find((x) => x.id === h.meetingId);
    const b = bs.value.find((x) => x.id === h.bodyId);
    if (m && b) {
      setQuery('');
      onOpenMeeting(m, b);
      revealInMeeting({ itemId: h.itemId, blockId: h.decisionId });
    }
  }

  return (
    <div className="search" role="search" data-testid="search">
      <label htmlFor={`${id}-q`} className="visually-hidden">
        {t('search.label')}
      </label>
      <input
        id={`${id}-q`}
        type="search"
        value={query}
        placeholder={t('search.placeholder')}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setQuery('');
        }}
        aria-describedby={`${id}-count`}
        data-testid="search-input"
      />
      {query.trim() !== '' ? (
        <div className="search-results">
          <div className="search-filters">
            <label>
              {t('search.body')}{' '}
              <select value={bodyId} onChange={(e) => setBodyId(e.target.value)} data-testid="search-body">
                <option value="">{t('search.allBodies')}</option>
                {bodies.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <input type="checkbox" checked={decisionsOnly} onChange={(e) => setDecisionsOnly(e.target.checked)} data-testid="search-decisions-only" /> {t('search.decisionsOnly')}
            </label>
          </div>
          <ErrorMessage error={error} />
          <p id={`${id}-count`} role="status" className="muted" data-testid="search-count">
            {hits === null ? t('search.searching') : hits.length === 0 ? t('search.none') : t('search.count', { count: hits.length }) + (more ? ` ${t('search.more')}` : '')}
          </p>
          {hits && hits.length > 0 ? (
            <ul>
              {hits.map((h) => (
                <li key={`${h.meetingId}:${h.itemId}:${h.decisionId ?? ''}`}>
                  <button type="button" className="search-hit" onClick={() => void open(h)} data-testid="search-hit">
                    <span className="search-hit-head">
                      {h.label ?? '§'} {h.title} · {h.meetingDate} · {h.bodyName}
                      {h.match === 'folded' ? <span className="muted"> ({t('search.folded')})</span> : null}
                    </span>
                    <span className="search-snippet">
                      {h.snippet.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
