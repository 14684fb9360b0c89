/**
 * The meeting's status in the header ("Planerat", "Pågår", "Avslutat") and the buttons that
 * move it on. Starting is confirmed in a small dialog first, because it cannot be taken back:
 * the § numbers freeze (src/numbering: moving an item afterwards keeps its number).
 *
 * The dialog is the platform's <dialog> opened with showModal(): focus moves into it, the rest
 * of the page is inert, Escape cancels. Cancelled, the focus returns to the button; confirmed,
 * it goes to the text (onConfirmed), where she goes on writing. Not to the button: it has
 * become "Avsluta mötet", and the Space of her next sentence would click it.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../src/api/contract';
import { useApi } from '../app/ConnectionContext';
import { ErrorMessage, type Bilingual } from '../app/ErrorMessage';
import type { MeetingStatus } from './useMeetingDoc';
import { SyncStatusBadge } from './SyncStatus';

type Target = 'pagar' | 'avslutat';

export function MeetingStatusControl({
  meetingId,
  status,
  onChanged,
  onConfirmed,
}: {
  meetingId: string;
  status: MeetingStatus;
  onChanged(meeting: Meeting): void;
  /** After a confirmed change: give the focus to the text. */
  onConfirmed(): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const [target, setTarget] = useState<Target | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Bilingual | null>(null);
  const confirmed = useRef(false);

  const open = (next: Target) => {
    setTarget(next);
    setError(null);
    dialog.current?.showModal();
  };
  const close = () => {
    dialog.current?.close();
  };

  async function confirm() {
    if (!target) return;
    setBusy(true);
    const res = await api.invoke('meetings.setStatus', { meetingId, status: target });
    setBusy(false);
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    onChanged(res.value);
    // Unless the document already said so (the layout effect below closed the dialog then).
    if (dialog.current?.open) done();
  }

  function done() {
    confirmed.current = true;
    close();
    // At once, in this task: closing has put the focus back on the trigger, now relabelled.
    onConfirmed();
  }

  // The Core's change of the status reaches this window as a document update, often before the
  // answer to the request: the screen shows "Pågår" and her next keys come. The dialog is done
  // then, and in the same task as that render (a layout effect), the keys go to the text.
  useLayoutEffect(() => {
    if (target !== null && status === target && dialog.current?.open) done();
  });

  const next: Target | null = status === 'planerat' ? 'pagar' : status === 'pagar' ? 'avslutat' : null;

  return (
    <div className="meeting-status">
      <span className={`status-badge status-${status}`} data-testid="meeting-status" data-status={status}>
        {t(`meeting.status.${status}`)}
      </span>
      <SyncStatusBadge docId={meetingId} />
      {next ? (
        <button
          ref={trigger}
          type="button"
          className={next === 'pagar' ? 'primary' : 'secondary'}
          data-testid={next === 'pagar' ? 'start-meeting' : 'end-meeting'}
          onClick={() => open(next)}
        >
          {next === 'pagar' ? t('meeting.start') : t('meeting.end')}
        </button>
      ) : null}
      <dialog
        ref={dialog}
        className="dialog"
        aria-labelledby="status-dialog-title"
        aria-describedby="status-dialog-text"
        data-testid="status-dialog"
        onClose={() => {
          setTarget(null);
          if (!confirmed.current) trigger.current?.focus();
          confirmed.current = false;
        }}
      >
        <h2 id="status-dialog-title">{target === 'avslutat' ? t('meeting.endTitle') : t('meeting.startTitle')}</h2>
        <p id="status-dialog-text">{target === 'avslutat' ? t('meeting.endText') : t('meeting.startText')}</p>
        <ErrorMessage error={error} testId="status-error" />
        <div className="dialog-buttons">
          <button type="button" className="primary" data-testid="confirm-status" disabled={busy} autoFocus onClick={() => void confirm()}>
            {target === 'avslutat' ? t('meeting.endConfirm') : t('meeting.startConfirm')}
          </button>
          <button type="button" className="secondary" data-testid="cancel-status" onClick={close}>
            {t('meeting.cancel')}
          </button>
        </div>
      </dialog>
    </div>
  );
}
