/**
 * The body's document replica (profile and roster) for as long as a screen shows it: the
 * roster page edits it, the attendance panel reads the roster from it. Opened and resynced
 * like a meeting's (useReplica); a failure to open is returned, with a way to try again.
 */
import { useState } from 'react';
import type { BodyProfile, Person } from '../../src/bodies';
import type { DocReplica } from '../../src/docs/DocReplica';
import type { Bilingual } from '../app/ErrorMessage';
import { useReplica } from '../editor/useReplica';
import { membersOf, peopleIn, profileIn } from './rosterDoc';
import { useYMap } from './useYMap';

export interface BodyDoc {
  replica: DocReplica | null;
  error: Bilingual | null;
  people: Person[];
  profile: BodyProfile | null;
  retry(): void;
}

const NO_PEOPLE: Person[] = [];

export function useBodyDoc(bodyId: string): BodyDoc {
  const [attempt, setAttempt] = useState(0);
  const { replica, error } = useReplica(bodyId, attempt);
  const people = useYMap(replica ? membersOf(replica.doc) : null, peopleIn, NO_PEOPLE);
  const profile = useYMap(replica ? replica.doc.getMap<unknown>('profile') : null, profileIn, null);
  return { replica, error, people, profile, retry: () => setAttempt((a) => a + 1) };
}
