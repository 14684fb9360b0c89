/**
 * One meeting, open for writing: a header with the way back, the meeting's name, its status
 * (with "Starta mötet" / "Avsluta mötet") and the save status; the help line for the
 * shortcuts; and the agenda outline and the editor, bound to the meeting's Y.Doc.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type MutableRefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Body, Meeting } from '../../src/api/contract';
import { AttendanceSection } from '../attendance/AttendanceSection';
import { ErrorMessage } from '../app/ErrorMessage';
import { FollowUpPanel } from '../register/FollowUpPanel';
import { MeetingEditorView } from './MeetingEditorView';
import { MeetingStatusControl } from './MeetingStatus';
import type { MeetingFacts } from './numbering';
import { SaveStatus } from './SaveStatus';
import { furthestStatus, useMeetingMeta } from './useMeetingDoc';
import { useReplica } from './useReplica';
import { usePresence } from './usePresence';
import { ExportDialog } from '../export/ExportDialog';
import { useRichStrings } from '../i18n/richBlocks';
import { LockedProtocolView } from '../export/LockedProtocolView';
import { isPreviousMeetingKey, PreviousMeetingSection } from './PreviousMeetingSection';

export interface MeetingScreenProps {
  meeting: Meeting;
  body: Body | undefined;
  onBack(): void;
  /** Filled, while this screen is shown, with the check every way out of it must pass. */
  leaveGuard?: MutableRefObject<(() => Promise<boolean>) | null>;
}

export function MeetingScreen({ meeting, body, onBack, leaveGuard }: MeetingScreenProps) {
  const { t } = useTranslation();
  const rich = useRichStrings();
  const [attempt, setAttempt] = useState(0);
  const { replica, error } = useReplica(meeting.id, attempt);
  const presence = usePresence(meeting.id);
  const helpId = useId();
  const [leaving, setLeaving] = useState(false);
  const [answered, setAnswered] = useState<Meeting | null>(null);
  const [previousOpen, setPreviousOpen] = useState(false);
  const [clockShown, setClockShown] = useClockSetting();
  // Set by the editor while it is shown: back to the text, with the caret where it was.
  const focusText = useRef<(() => void) | null>(null);
  const meta = useMeetingMeta(replica?.doc ?? null);
  // The document's meta is the shared truth (another window may have started the meeting);
  // the list's row and our own last answer cover the moment before the document catches up.
  const status = furthestStatus(meeting.status, answered?.status, meta.status);
  const date = meta.date ?? meeting.date;
  const startTime = meta.startTime ?? meeting.startTime;
  const facts = useMemo<MeetingFacts>(
    () => ({ id: meeting.id, date, sortKey: startTime, started: status !== 'planerat' }),
    [meeting.id, date, startTime, status],
  );

  // Leaving destroys the replica: what is queued must reach the Core first. False: stay (the
  // status says "Inte sparat – försöker igen" until it is saved).
  const canLeave = useCallback(async (): Promise<boolean> => {
    if (!replica || replica.getStatus().pending === 0) return true;
    setLeaving(true);
    try {
      await replica.whenSaved(5000);
      return true;
    } catch {
      setLeaving(false);
      return false;
    }
  }, [replica]);
  useEffect(() => {
    if (!leaveGuard) return;
    leaveGuard.current = canLeave;
    return () => {
      if (leaveGuard.current === canLeave) leaveGuard.current = null;
    };
  }, [leaveGuard, canLeave]);

  async function back() {
    if (await canLeave()) onBack();
  }

  // Screen-wide shortcuts, wherever the focus is (the text, a panel): they bubble up to here.
  function onKeyDown(e: KeyboardEvent<HTMLElement>) {
    if (isPreviousMeetingKey(e) && !previousOpen) {
      e.preventDefault();
      setPreviousOpen(true);
    } else if (e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyG') {
      // Gå till §: the agenda outline's selected row; ↑/↓ choose, Enter jumps into the text.
      const row = document.querySelector<HTMLElement>('[data-testid="agenda-list"] [role="option"][tabindex="0"]');
      if (row) {
        e.preventDefault();
        row.focus();
      }
    }
  }

  return (
    <main id="main" className="meeting" data-testid="meeting-screen" tabIndex={-1} onKeyDown={onKeyDown}>
      <div className="meeting-header">
        <button type="button" className="back" onClick={() => void back()} disabled={leaving} data-testid="back">
          <span aria-hidden="true">← </span>
          {t('editor.back')}
        </button>
        <div className="meeting-heading">
          <h1 data-testid="meeting-title">{meeting.title}</h1>
          <p className="muted">
            {body ? `${body.name} · ` : ''}
            {date}
          </p>
        </div>
        <MeetingStatusControl meetingId={meeting.id} status={status} onChanged={setAnswered} onConfirmed={() => focusText.current?.()} />
        <label className="item-clock-toggle">
          <input type="checkbox" checked={clockShown} onChange={(e) => setClockShown(e.target.checked)} data-testid="item-clock-toggle" /> {t('itemClock.toggle')}
        </label>
        <ExportDialog meetingId={meeting.id} locked={status === 'justerat'} {...(replica ? { whenSaved: () => replica.whenSaved(5000) } : {})} />
        {replica ? <SaveStatus replica={replica} /> : <div role="status" className="save-status" data-testid="save-status" data-state={error ? 'error' : 'loading'}>{error ? null : t('save.loading')}</div>}
      </div>
      {/* A short line for the screen reader on every focus of the text; the full list is one
          click (or Tab, Enter) away instead of a paragraph read out each time. */}
      <p id={helpId} className="help">
        {t('editor.helpShort')}
      </p>
      <details className="shortcuts help" data-testid="shortcuts">
        <summary>{t('editor.shortcuts')}</summary>
        <p>{t('editor.help')}</p>
        <p>{rich.help}</p>
      </details>
      {error ? (
        <div>
          <ErrorMessage error={error} testId="open-error" />
          <p>{t('editor.openFailed')}</p>
          <button type="button" onClick={() => setAttempt((a) => a + 1)}>
            {t('app.retry')}
          </button>
        </div>
      ) : replica && status === 'justerat' ? (
        // Justerat: locked in the Core; shown read-only, changed only by a rättelse.
        <LockedProtocolView doc={replica.doc} meeting={facts} bodyId={meeting.bodyId} />
      ) : replica ? (
        <>
          <AttendanceSection replica={replica} bodyId={meeting.bodyId} />
          <PreviousMeetingSection meeting={meeting} open={previousOpen} onOpenChange={setPreviousOpen} />
          <FollowUpPanel replica={replica} meetingId={meeting.id} />
          <MeetingEditorView
            doc={replica.doc}
            meeting={facts}
            bodyId={meeting.bodyId}
            helpId={helpId}
            clock={{ shown: clockShown, recording: clockShown && status === 'pagar' }}
            presence={presence}
            focusTextRef={focusText}
          />
        </>
      ) : (
        <p>{t('editor.opening')}</p>
      )}
    </main>
  );
}

const CLOCK_SETTING = 'paragraf.itemClock';

/** The per-item clock is optional and off until turned on; this computer remembers the choice. */
function useClockSetting(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => localStorage.getItem(CLOCK_SETTING) === 'on');
  const set = (value: boolean) => {
    setOn(value);
    localStorage.setItem(CLOCK_SETTING, value ? 'on' : 'off');
  };
  return [on, set];
}
