/**
 * A body's meetings, newest first, as the start screen and the body page list them. A meeting
 * recorded from before Paragraf (meetings.recordEarlier) has no minutes here, only its date
 * and § span, so it is listed as text rather than as something to open.
 */
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../src/api/contract';

export interface MeetingListProps {
  meetings: readonly Meeting[];
  bodyName: string;
  onOpenMeeting(m: Meeting): void;
  /** The body page shows the times too ("kl. 12.30 – 15.30"). */
  withTimes?: boolean;
}

export function MeetingList({ meetings, bodyName, onOpenMeeting, withTimes = false }: MeetingListProps) {
  const { t } = useTranslation();
  return (
    <ul className="meeting-list" data-testid="meeting-list" aria-label={t('start.meetingsOf', { name: bodyName })}>
      {meetings.map((m) => (
        <li key={m.id}>
          {m.recorded ? (
            <span className="meeting-link meeting-recorded" data-testid="recorded-meeting" data-meeting-id={m.id}>
              <span className="meeting-date">{m.date}</span>
              <span className="meeting-title">{t('start.recordedSpan', { first: m.recorded.first, last: m.recorded.last })}</span>
              <span className="muted">{t('start.recordedNote')}</span>
            </span>
          ) : (
            <button type="button" className="meeting-link" data-testid="meeting" data-meeting-id={m.id} onClick={() => onOpenMeeting(m)}>
              <span className="meeting-date">{m.date}</span>
              {withTimes && m.startTime ? <span className="meeting-time">{formatTimes(m.startTime, m.endTime)}</span> : null}
              <span className="meeting-title">{m.title || t('start.untitledMeeting')}</span>
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

/** "kl. 12.30 – 15.30", as minutes write it. */
export function formatTimes(start: string | null, end: string | null): string {
  const dot = (s: string) => s.replace(':', '.');
  if (!start) return '';
  return end ? `kl. ${dot(start)} – ${dot(end)}` : `kl. ${dot(start)}`;
}
