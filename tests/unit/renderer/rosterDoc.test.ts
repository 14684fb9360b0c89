/** The roster page's writes into the body Y.Doc: the src/bodies rules decide, refusals write nothing. */
import { expect, test } from 'vitest';
import * as Y from 'yjs';
import { membersOf, newId, personBack, personFromForm, personLeft, readPeople, rosterFileName, savePerson, type PersonForm } from '../../../renderer/bodies/rosterDoc';

const form = (extra: Partial<PersonForm> = {}): PersonForm => ({
  name: 'Bodil Sundlöf',
  title: 'Enheten för kvalitet och utveckling',
  organisation: 'Region Blekinge',
  role: 'ledamot',
  email: '',
  party: '',
  ...extra,
});

function updatesOf(doc: Y.Doc): Uint8Array[] {
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  return updates;
}

test('a person is tidied and written whole, in one update', () => {
  const doc = new Y.Doc();
  const updates = updatesOf(doc);
  const res = savePerson(doc, personFromForm(form({ name: '  Bodil   Sundlöf ', email: ' bodil@regionblekinge.se ' }), 'p1'));
  expect(res.ok).toBe(true);
  expect(updates).toHaveLength(1);
  expect(membersOf(doc).get('p1')).toEqual({
    id: 'p1',
    name: 'Bodil Sundlöf',
    title: 'Enheten för kvalitet och utveckling',
    organisation: 'Region Blekinge',
    party: null,
    role: 'ledamot',
    email: 'bodil@regionblekinge.se',
    active: true,
    leftOn: null,
  });
});

test('a duplicate (same name and organisation, other case and spacing) is refused in Swedish and nothing is written', () => {
  const doc = new Y.Doc();
  savePerson(doc, personFromForm(form(), 'p1'));
  const updates = updatesOf(doc);
  const res = savePerson(doc, personFromForm(form({ name: 'bodil  sundlöf', title: 'annan titel' }), 'p2'));
  expect(res.ok).toBe(false);
  if (!res.ok) expect(res.message.sv).toBe('”bodil sundlöf” (Region Blekinge) finns redan i ledamotslistan (samma namn och organisation).');
  expect(updates).toHaveLength(0);
  expect(readPeople(doc).map((p) => p.id)).toEqual(['p1']);
});

test('an empty name and a bad e-mail are refused with both reasons', () => {
  const doc = new Y.Doc();
  const res = savePerson(doc, personFromForm(form({ name: '  ', email: 'bodil@' }), 'p1'));
  expect(res.ok).toBe(false);
  if (!res.ok) expect(res.message.sv).toBe('Namn saknas. ”bodil@” är inte en giltig e-postadress.');
  expect(membersOf(doc).size).toBe(0);
});

test('someone who leaves stays, with the date; leaving twice is refused; they can come back', () => {
  const doc = new Y.Doc();
  savePerson(doc, personFromForm(form(), 'p1'));
  expect(personLeft(doc, 'p1', '2024-10-01').ok).toBe(true);
  expect(readPeople(doc)).toMatchObject([{ id: 'p1', active: false, leftOn: '2024-10-01' }]);
  const again = personLeft(doc, 'p1', '2024-10-02');
  expect(again.ok ? null : again.message.sv).toBe('Bodil Sundlöf slutade redan 2024-10-01.');
  expect(personBack(doc, 'p1').ok).toBe(true);
  expect(readPeople(doc)).toMatchObject([{ id: 'p1', active: true, leftOn: null }]);
});

test('the roster is read sorted by Swedish collation, skipping entries that are not people', () => {
  const doc = new Y.Doc();
  for (const [id, name] of [['a', 'Örjan Ek'], ['b', 'Åsa Berg'], ['c', 'Anna Ahl'], ['d', 'Zacke Zorn']] as const) {
    savePerson(doc, personFromForm(form({ name }), id));
  }
  membersOf(doc).set('junk', { name: 'no id' });
  membersOf(doc).set('e', { ...(membersOf(doc).get('a') as object), id: 'other' }); // key and id disagree
  expect(readPeople(doc).map((p) => p.name)).toEqual(['Anna Ahl', 'Zacke Zorn', 'Åsa Berg', 'Örjan Ek']);
});

test('ids fit the contract, file names what Windows allows', () => {
  expect(newId()).toMatch(/^[A-Za-z0-9_-]{1,100}$/);
  expect(newId()).not.toBe(newId());
  expect(rosterFileName('LSVO')).toBe('deltagarlista-LSVO.csv');
  expect(rosterFileName('Ledningsgrupp för samordning')).toBe('deltagarlista-Ledningsgrupp-för-samordning.csv');
  expect(rosterFileName('A/B: "C"?')).toBe('deltagarlista-AB-C.csv');
  expect(rosterFileName(' ** ')).toBe('deltagarlista-organ.csv');
});
