/**
 * Leaving the app with changes the server does not have yet: they are safe on this computer
 * (in the SQLite log) and will be sent the next time Paragraf runs with a network, but the
 * chair waiting for the draft will not see them until then. So the secretary is asked.
 */
import type { SyncStatus } from '../../src/api/contract';

/** The question to ask before quitting, or null when nothing is waiting (or no server is set). */
export function unsyncedWarning(status: Pick<SyncStatus, 'configured' | 'docs'>): { sv: string; en: string } | null {
  if (!status.configured) return null;
  // Not counted: changes that will never be sent (read-only access, or refused by the server
  // because the meeting is justerat there). Each shows as an error on its meeting instead.
  const n = status.docs.filter((d) => d.pending && !d.readOnly && d.error?.code !== 'update-refused-locked').length;
  if (n === 0) return null;
  const sv = n === 1 ? 'Ett dokument har ändringar' : `${n} dokument har ändringar`;
  const en = n === 1 ? 'One document has changes' : `${n} documents have changes`;
  return {
    sv: `${sv} som inte har nått servern än. De är sparade på den här datorn och skickas nästa gång Paragraf är igång med nätverk. Avsluta ändå?`,
    en: `${en} that have not reached the server yet. They are saved on this computer and will be sent the next time Paragraf runs with a network. Quit anyway?`,
  };
}
