/**
 * The political rules (src/protocol/politics.ts): yrkande numbers and references, who may vote on
 * an item, the vote sums and their check, the result line; bad input gives clear Swedish and
 * English messages.
 */
import { describe, expect, test } from 'vitest';
import type { Person } from '../../../src/bodies/roster';
import type { AttendanceEntry } from '../../../src/protocol/attendance';
import {
  eligibleVoters,
  itemPolitics,
  losingYrkande,
  missingPersonProblems,
  personRefs,
  propositionLine,
  summarizeOmrostning,
  tallyVotes,
  voteResult,
  votesOf,
  yrkandeLabel,
} from '../../../src/protocol/politics';
import { checkContent } from '../../../src/protocol/schema';

const person = (id: string, name: string, role: Person['role'] = 'ledamot', party: string | null = null): Person => ({
  id,
  name,
  title: '',
  organisation: '',
  party,
  role,
  email: null,
  active: true,
  leftOn: null,
});
const roster: Person[] = [
  person('anna', 'Anna Andersson', 'ledamot', 'S'),
  person('bo', 'Bo Berg', 'ledamot', 'M'),
  person('cecilia', 'Cecilia Ek', 'ledamot', 'C'),
  person('david', 'David Dahl', 'ledamot', 'V'),
  person('eva', 'Eva Ek', 'ersattare', 'S'),
  person('frida', 'Frida Falk', 'ersattare', 'M'),
  person('gustav', 'Gustav Gran', 'tjansteperson'),
  person('hanna', 'Hanna Holm', 'adjungerad'),
];
const entry = (personId: string, status: AttendanceEntry['status'], extra: Partial<AttendanceEntry> = {}): [string, AttendanceEntry] => [
  personId,
  { personId, status, roles: [], ...extra },
];
const names = new Map(roster.map((p) => [p.id, p.name]));
const nameOf = (id: string) => names.get(id);

const ref = (text: string, personId: string) => ({ text, personId });
const Y = (id: string, ...children: unknown[]) => ({ type: 'yrkande', id, children });
const item = (id: string, ...children: unknown[]) => ({ type: 'item', id, children: [{ type: 'item-title', id: `${id}-t`, children: [{ text: 'Budget' }] }, ...children] });

describe('personRefs and votesOf', () => {
  test('person references in text order, each once, at any depth', () => {
    expect(personRefs({ children: [ref('Bo Berg', 'bo'), { text: ' och ' }, ref('Anna Andersson', 'anna'), ref('Bo', 'bo')] })).toEqual(['bo', 'anna']);
    expect(personRefs({ children: [{ text: 'ingen' }] })).toEqual([]);
  });
  test('votes are the rost:* properties, values as found', () => {
    expect([...votesOf({ type: 'omrostning', 'rost:anna': 'ja', 'rost:bo': 'kanske', ja: 'y1', 'rost:': 'nej' })]).toEqual([
      ['anna', 'ja'],
      ['bo', 'kanske'],
    ]);
  });
});

describe('itemPolitics', () => {
  const doc = item(
    'i1',
    Y('y1', ref('Anna Andersson', 'anna'), { text: ': bifall till förslaget.' }),
    { type: 'jav', id: 'j1', children: [ref('Cecilia Ek', 'cecilia'), { text: ' anmäler jäv.' }] },
    { type: 'subitem', id: 's1', children: [{ type: 'subitem-title', id: 'st', children: [{ text: 'a' }] }, Y('y2', ref('Bo Berg', 'bo'), { text: ': avslag.' })] },
    { type: 'omrostning', id: 'o1', ja: 'y1', nej: 'gone', 'rost:anna': 'ja', children: [{ text: '' }] },
    { type: 'reservation', id: 'r1', yrkandeId: 'y2', skriftlig: true, children: [ref('Bo Berg', 'bo')] },
    { type: 'reservation', id: 'r2', yrkandeId: 'y9', children: [{ text: '' }] },
  );
  const p = itemPolitics(doc);
  test('yrkanden are numbered in document order, sub-items included', () => {
    expect(p.yrkanden.map((y) => [y.id, y.number, y.personIds])).toEqual([
      ['y1', 1, ['anna']],
      ['y2', 2, ['bo']],
    ]);
    expect(yrkandeLabel(p.yrkanden[1]!, nameOf)).toBe('yrkande 2 (Bo Berg)');
    expect(yrkandeLabel({ number: 3, personIds: [] }, nameOf)).toBe('yrkande 3');
  });
  test('jäviga, reservations and votes are read', () => {
    expect(p.javiga).toEqual(['cecilia']);
    expect(p.reservations.map((r) => [r.id, r.yrkandeId, r.skriftlig, r.personIds])).toEqual([
      ['r1', 'y2', true, ['bo']],
      ['r2', null, false, []],
    ]);
    expect(p.omrostningar[0]!.votes.get('anna')).toBe('ja');
  });
  test('references to a yrkande that is not in the item are dangling (and count as unset)', () => {
    expect(p.dangling).toEqual([
      { path: [4], key: 'nej' },
      { path: [6], key: 'yrkandeId' },
    ]);
    expect(p.omrostningar[0]).toMatchObject({ ja: 'y1', nej: null });
  });
  test('a political block that names nobody is reported, in Swedish and English', () => {
    const problems = missingPersonProblems(doc);
    expect(problems.map((x) => x.id)).toEqual(['r2']);
    expect(problems[0]!.message.sv).toContain('Ingen person angiven i reservationen');
    expect(problems[0]!.message.en).toContain('Nobody is named in the dissent');
  });
  test('the Core’s structural check accepts political blocks in items and sub-items, not at the top level', () => {
    expect(checkContent([doc])).toEqual([]);
    expect(checkContent([Y('y9', { text: 'x' })]).map((x) => x.code)).toEqual(['not-an-item']);
    expect(checkContent([item('i2', { type: 'decision', id: 'd', children: [Y('y8', { text: 'x' })] })]).map((x) => x.code)).toEqual(['misplaced']);
  });
});

describe('eligibleVoters', () => {
  test('serving members present at the item vote; others do not', () => {
    const e = eligibleVoters({
      attendance: [
        entry('anna', 'narvarande', { roles: ['ordforande'] }),
        entry('bo', 'narvarande'),
        entry('cecilia', 'forhinder'),
        entry('eva', 'ersattare', { replaces: 'cecilia' }),
        entry('frida', 'narvarande'), // a substitute present but not serving
        entry('gustav', 'narvarande', { roles: ['sekreterare'] }), // an official
        entry('hanna', 'narvarande'), // co-opted: no vote
        ['guest-1', { personId: null, guest: { name: 'Gäst', title: '', organisation: '' }, status: 'ovrig', roles: [] }],
        ['broken', { personId: 'david', status: 'närvarande' }],
      ],
      roster,
      itemId: 'i1',
      javiga: [],
    });
    // Roster order, the chair last; Eva serves for Cecilia.
    expect(e.voters.map((v) => v.personId)).toEqual(['bo', 'eva', 'anna']);
    expect(e.voters.find((v) => v.personId === 'eva')!.servesFor).toBe('Cecilia Ek');
    expect(e.voters.find((v) => v.personId === 'anna')!.chair).toBe(true);
  });
  test('presence at some items only: absent from the others', () => {
    const attendance = [entry('anna', 'narvarande'), entry('bo', 'narvarande', { presence: { itemIds: ['i2'] } })];
    expect(eligibleVoters({ attendance, roster, itemId: 'i1', javiga: [] }).voters.map((v) => v.personId)).toEqual(['anna']);
    expect(eligibleVoters({ attendance, roster, itemId: 'i2', javiga: [] }).voters.map((v) => v.personId)).toEqual(['anna', 'bo']);
  });
  test('a member whose serving substitute is present at the item does not vote as well', () => {
    const attendance = [entry('anna', 'narvarande', { presence: { itemIds: ['i1'] } }), entry('eva', 'ersattare', { replaces: 'anna', presence: { itemIds: ['i2'] } })];
    expect(eligibleVoters({ attendance, roster, itemId: 'i1', javiga: [] }).voters.map((v) => v.personId)).toEqual(['anna']);
    expect(eligibleVoters({ attendance, roster, itemId: 'i2', javiga: [] }).voters.map((v) => v.personId)).toEqual(['eva']);
  });
  test('a jävig member is excluded from the roll call and listed apart', () => {
    const e = eligibleVoters({ attendance: [entry('anna', 'narvarande'), entry('bo', 'narvarande')], roster, itemId: 'i1', javiga: ['bo', 'nobody'] });
    expect(e.voters.map((v) => v.personId)).toEqual(['anna']);
    expect(e.javiga.map((v) => v.personId)).toEqual(['bo']);
  });
});

describe('tallyVotes', () => {
  const eligibility = eligibleVoters({
    attendance: [entry('anna', 'narvarande'), entry('bo', 'narvarande'), entry('cecilia', 'narvarande'), entry('david', 'narvarande')],
    roster,
    itemId: 'i1',
    javiga: ['david'],
  });
  test('sums are counted from the votes and match the serving members', () => {
    const t = tallyVotes(new Map([['anna', 'ja'], ['bo', 'nej'], ['cecilia', 'avstar']]), eligibility, nameOf);
    expect(t).toMatchObject({ ja: 1, nej: 1, avstar: 1, serving: 3, missing: [], problems: [] });
  });
  test('a missing vote: the sums do not match, with who is missing', () => {
    const t = tallyVotes(new Map([['anna', 'ja'], ['bo', 'ja']]), eligibility, nameOf);
    expect(t.missing).toEqual(['cecilia']);
    expect(t.problems.map((p) => p.code)).toEqual(['sums']);
    expect(t.problems[0]!.message.sv).toBe('Rösterna (2 ja, 0 nej, 0 avstår = 2) stämmer inte med antalet tjänstgörande ledamöter (3). Saknas: Cecilia Ek.');
    expect(t.problems[0]!.message.en).toBe('The votes (2 yes, 0 no, 0 abstaining = 2) do not add up to the number of serving members (3). Missing: Cecilia Ek.');
  });
  test('a vote by someone not serving is reported and not counted', () => {
    const t = tallyVotes(new Map([['anna', 'ja'], ['bo', 'ja'], ['cecilia', 'nej'], ['gustav', 'nej']]), eligibility, nameOf);
    expect(t).toMatchObject({ ja: 2, nej: 1 });
    expect(t.problems.map((p) => [p.code, p.personIds])).toEqual([['not-serving', ['gustav']]]);
    expect(t.problems[0]!.message.sv).toBe('Gustav Gran tjänstgör inte vid ärendet; rösten räknas inte.');
    expect(t.problems[0]!.message.en).toBe('Gustav Gran is not serving on this item; the vote is not counted.');
  });
  test('a jävig member voting is reported and not counted', () => {
    const t = tallyVotes(new Map([['anna', 'ja'], ['bo', 'ja'], ['cecilia', 'nej'], ['david', 'nej']]), eligibility, nameOf);
    expect(t).toMatchObject({ ja: 2, nej: 1, avstar: 0 });
    expect(t.problems.map((p) => p.code)).toEqual(['jav']);
    expect(t.problems[0]!.message.sv).toBe('David Dahl har anmält jäv i ärendet och får inte rösta; rösten räknas inte.');
    expect(t.problems[0]!.message.en).toContain('declared a conflict of interest (jäv)');
  });
  test('an invalid vote value is reported, not counted, and leaves the sums short', () => {
    const t = tallyVotes(new Map<string, unknown>([['anna', 'ja'], ['bo', 'JA'], ['cecilia', 'nej']]), eligibility, nameOf);
    expect(t.problems.map((p) => p.code)).toEqual(['invalid', 'sums']);
    expect(t.problems[0]!.message.sv).toContain('Ogiltig röst för Bo Berg (JA)');
    expect(t.missing).toEqual(['bo']);
  });
});

describe('voteResult', () => {
  const sides = { body: 'nämnden', ja: 'yrkande 1 (Anna Andersson)', nej: 'yrkande 2 (Bo Berg)' };
  test('the result line, with the abstentions', () => {
    expect(voteResult({ ja: 7, nej: 4, avstar: 2 }, sides)).toEqual({
      winner: 'ja',
      casting: false,
      line: 'Med 7 ja-röster mot 4 nej-röster och 2 som avstod beslutar nämnden enligt yrkande 1 (Anna Andersson).',
      problem: null,
    });
  });
  test('without abstentions, singular forms, the nej side winning', () => {
    expect(voteResult({ ja: 1, nej: 3, avstar: 0 }, sides).line).toBe('Med 1 ja-röst mot 3 nej-röster beslutar nämnden enligt yrkande 2 (Bo Berg).');
  });
  test('no yrkanden linked: the sides are named as propositions', () => {
    expect(voteResult({ ja: 3, nej: 1, avstar: 1 }, { body: 'Socialnämnden', ja: null, nej: null }).line).toBe(
      'Med 3 ja-röster mot 1 nej-röst och 1 som avstod beslutar Socialnämnden enligt ja-propositionen.',
    );
  });
  test('a tie is decided by the chair’s casting vote', () => {
    const r = voteResult({ ja: 2, nej: 2, avstar: 1 }, { ...sides, chairVote: 'nej' });
    expect(r).toMatchObject({ winner: 'nej', casting: true });
    expect(r.line).toBe('Med 2 ja-röster mot 2 nej-röster, 1 som avstod och ordförandens utslagsröst beslutar nämnden enligt yrkande 2 (Bo Berg).');
  });
  test('a tie without the chair’s vote is open and reported', () => {
    const r = voteResult({ ja: 2, nej: 2, avstar: 0 }, { ...sides, chairVote: 'avstar' });
    expect(r.winner).toBeNull();
    expect(r.problem?.message.sv).toContain('utslagsröst saknas');
    expect(r.problem?.message.en).toContain('casting vote is missing');
  });
  test('no votes yet: no line', () => {
    expect(voteResult({ ja: 0, nej: 0, avstar: 0 }, sides).line).toBeNull();
  });
  test('the proposition line', () => {
    expect(propositionLine('yrkande 1', 'yrkande 2')).toBe('Ja för yrkande 1, nej för yrkande 2');
    expect(propositionLine(null, 'yrkande 2')).toBe('Nej för yrkande 2');
    expect(propositionLine(null, null)).toBeNull();
  });
});

describe('summarizeOmrostning', () => {
  test('one omröstning end to end: jävig excluded, sums, result', () => {
    const doc = item(
      'i1',
      Y('y1', ref('Anna Andersson', 'anna'), { text: ': bifall.' }),
      Y('y2', ref('Bo Berg', 'bo'), { text: ': avslag.' }),
      { type: 'jav', id: 'j', children: [ref('David Dahl', 'david')] },
      { type: 'omrostning', id: 'o', ja: 'y1', nej: 'y2', 'rost:anna': 'ja', 'rost:bo': 'nej', 'rost:cecilia': 'ja', children: [{ text: '' }] },
    );
    const s = summarizeOmrostning('i1', itemPolitics(doc), 'o', {
      attendance: ['anna', 'bo', 'cecilia', 'david'].map((id) => entry(id, 'narvarande')),
      roster,
      body: 'nämnden',
    })!;
    expect(s.eligibility.voters.map((v) => v.personId)).toEqual(['anna', 'bo', 'cecilia']);
    expect(s.eligibility.javiga.map((v) => v.personId)).toEqual(['david']);
    expect(s.problems).toEqual([]);
    expect(s.proposition).toBe('Ja för yrkande 1 (Anna Andersson), nej för yrkande 2 (Bo Berg)');
    expect(s.result.line).toBe('Med 2 ja-röster mot 1 nej-röst beslutar nämnden enligt yrkande 1 (Anna Andersson).');
    expect(summarizeOmrostning('i1', itemPolitics(doc), 'nope', { attendance: [], roster, body: 'x' })).toBeNull();
  });
});

describe('losingYrkande', () => {
  test('the losing side of the last decided omröstning', () => {
    const doc = item(
      'i1',
      Y('y1', ref('Anna Andersson', 'anna')),
      Y('y2', ref('Bo Berg', 'bo')),
      { type: 'omrostning', id: 'o', ja: 'y1', nej: 'y2', 'rost:anna': 'ja', 'rost:bo': 'nej', 'rost:cecilia': 'nej', children: [{ text: '' }] },
    );
    const ctx = { attendance: ['anna', 'bo', 'cecilia'].map((id) => entry(id, 'narvarande')), roster, body: 'nämnden' };
    expect(losingYrkande('i1', itemPolitics(doc), ctx)).toBe('y1');
    expect(losingYrkande('i1', itemPolitics(item('i1', Y('y1'))), ctx)).toBeNull();
  });
});
