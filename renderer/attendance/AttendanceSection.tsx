/**
 * The attendance panel behind a button on the meeting screen, so mounting it is one line.
 * Closed, it shows how many are marked; opening it puts the cursor in the search field (the
 * reason it was opened: people are joining the call); closing gives the focus back to the
 * button. Closed means unmounted: the body's replica is open only while attendance is marked.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocReplica } from '../../src/docs/DocReplica';
import { useYMap } from '../bodies/useYMap';
import { AttendancePanel } from './AttendancePanel';
import { attendanceOf } from './attendanceModel';

const countOf = (map: { size: number }) => map.size;

export function AttendanceSection({ replica, bodyId, itemLabels, initiallyOpen = false }: { replica: DocReplica; bodyId: string; itemLabels?: ReadonlyMap<string, string>; initiallyOpen?: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(initiallyOpen);
  const [opened, setOpened] = useState(false);
  const count = useYMap(attendanceOf(replica.doc), countOf, 0);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  return (
    <div className="attendance-section">
      <button
        ref={buttonRef}
        type="button"
        className="secondary"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        data-testid="attendance-toggle"
        onClick={() => {
          setOpen((o) => !o);
          setOpened(true);
        }}
      >
        {t('attendance.toggle')} <span className="count">({t('attendance.markedCount', { count })})</span>
      </button>
      <div id={`${id}-panel`} hidden={!open}>
        {open ? (
          <>
            <AttendancePanel replica={replica} bodyId={bodyId} itemLabels={itemLabels} autoFocus={opened} />
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setOpen(false);
                buttonRef.current?.focus();
              }}
            >
              {t('attendance.close')}
            </button>
          </>
        ) : null}
      </div>
    </div>
  );
}
