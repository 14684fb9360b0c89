import type { PresencePeer } from '../../src/api/contract';
import { comparisonKey, type Person } from '../../src/bodies/roster';
import { meetingRoleLabels, type AttendanceEntry } from '../../src/protocol/attendance';
import { localized } from '../i18n';

/**
 * "Anna Andersson (ordförande)": the peer's name, and the meeting roles the roster person of
 * that name has in this meeting's attendance (names compared as the roster compares them).
 */
export function presenceLabel(peer: Pick<PresencePeer, 'name'>, people: readonly Person[], entries: ReadonlyMap<string, AttendanceEntry>, lng?: string): string {
  const key = comparisonKey(peer.name);
  const person = people.find((p) => comparisonKey(p.name) === key);
  const roles = person ? (entries.get(person.id)?.roles ?? []) : [];
  const label = roles.map((r) => localized(meetingRoleLabels[r], lng).toLocaleLowerCase()).join(', ');
  return label ? `${peer.name} (${label})` : peer.name;
}
