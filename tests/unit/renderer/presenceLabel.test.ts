/** The name shown for another user in "Också här: …": their meeting roles from the attendance. */
import { describe, expect, it } from 'vitest';
import type { Person } from '../../../src/bodies';
import type { AttendanceEntry } from '../../../src/protocol/attendance';
import { presenceLabel } from '../../../renderer/editor/presenceLabel';

const person = (id: string, name: string): Person => ({ id, name, title: '', organisation: '', party: null, role: 'ledamot', email: null, active: true, leftOn: null });
const entry = (personId: string, roles: AttendanceEntry['roles']): AttendanceEntry => ({ personId, status: 'narvarande', roles });

describe('presence label', () => {
  const people = [person('p1', 'Anna Andersson'), person('p2', 'Bo  Berg')];
  const entries = new Map([
    ['p1', entry('p1', ['ordforande'])],
    ['p2', entry('p2', ['justerare', 'sekreterare'])],
  ]);
  it('adds the meeting roles of the roster person of that name, in Swedish or English', () => {
    expect(presenceLabel({ name: 'Anna Andersson' }, people, entries, 'sv')).toBe('Anna Andersson (ordförande)');
    expect(presenceLabel({ name: 'anna andersson' }, people, entries, 'en')).toBe('anna andersson (chair)');
    expect(presenceLabel({ name: 'Bo Berg' }, people, entries, 'sv')).toBe('Bo Berg (justerare, sekreterare)');
  });
  it('shows the name alone for someone not in the roster or without a role', () => {
    expect(presenceLabel({ name: 'bo' }, people, entries, 'sv')).toBe('bo');
    expect(presenceLabel({ name: 'Anna Andersson' }, people, new Map(), 'sv')).toBe('Anna Andersson');
  });
});
