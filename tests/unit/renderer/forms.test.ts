/** The body and meeting forms' logic: decision preview, params, errors placed beside their fields. */
import { expect, test } from 'vitest';
import { methods } from '../../../src/api/contract';
import { dispatch } from '../../../src/api/dispatch';
import type { ApiHandlers } from '../../../src/api/contract';
import { errorLines } from '../../../renderer/bodies/RosterCsv';
import { formatTimes } from '../../../renderer/start/MeetingList';
import { formErrors, splitBilingual } from '../../../renderer/start/fieldErrors';
import { decisionPreview } from '../../../renderer/start/NewBodyForm';
import { DEFAULT_PLACE, meetingParams } from '../../../renderer/start/NewMeetingForm';

test('the decision phrase preview is the one the profile will have', () => {
  expect(decisionPreview('sammantradesprotokoll', 'LSVO', 'ledningsgrupp')).toEqual({ lead: 'LSVO:s ledningsgrupp beslutar', usesGroup: true });
  expect(decisionPreview('sammantradesprotokoll', 'Socialnämnden', '')?.lead).toBe('Socialnämnden beslutar');
  expect(decisionPreview('politisk-namnd', 'Samordningsförbundet Consensus', 'styrelse')?.lead).toBe('Samordningsförbundet Consensus styrelse beslutar');
  expect(decisionPreview('motesanteckningar', 'Ledningsgrupp för samordning', 'ledningsgrupp')).toEqual({ lead: 'Beslut:', usesGroup: false });
  expect(decisionPreview('sammantradesprotokoll', '   ', 'x')).toBeNull();
});

test('meeting params leave empty optional fields out and trim the rest', () => {
  expect(meetingParams('b1', { date: '2021-05-07', startTime: '12:30', endTime: '15:30', place: ` ${DEFAULT_PLACE} `, dnr: '', title: '  ' })).toEqual({
    bodyId: 'b1',
    date: '2021-05-07',
    startTime: '12:30',
    endTime: '15:30',
    place: 'Digitalt via Teams',
  });
  expect(methods['meetings.create'].params.safeParse(meetingParams('b1', { date: '2021-05-07', startTime: '', endTime: '', place: '', dnr: 'Dnr 21RGK153', title: '' })).success).toBe(true);
});

test('the contract’s refusal of an end before the start lands beside the end time, in Swedish and English', async () => {
  const handlers = {} as ApiHandlers; // never reached: the params fail first
  const res = await dispatch(handlers, 'meetings.create', { bodyId: 'b1', date: '2021-05-07', startTime: '15:30', endTime: '12:30' }, { clientId: 't' });
  expect(res.ok).toBe(false);
  if (res.ok) return;
  const errs = formErrors(res.error, ['date', 'startTime', 'endTime']);
  expect(errs.fields.endTime).toEqual({ sv: 'Sluttiden måste vara efter starttiden', en: 'The end time must be after the start time' });
  expect(errs.general).toBeNull();
});

test('an issue a form cannot place keeps the Core’s whole message visible', async () => {
  const res = await dispatch({} as ApiHandlers, 'bodies.create', { name: '   ', preset: 'nonsense' }, { clientId: 't' });
  expect(res.ok).toBe(false);
  if (res.ok) return;
  const errs = formErrors(res.error, ['name']);
  expect(errs.fields.name?.sv).toBe('Namnet får inte vara tomt');
  expect(errs.general?.sv).toMatch(/^Ogiltiga uppgifter/);
  const other = formErrors({ code: 'NOT_FOUND', message: { sv: 'Organet finns inte.', en: 'No body.' } }, ['name']);
  expect(other).toEqual({ fields: {}, general: { sv: 'Organet finns inte.', en: 'No body.' } });
  expect(splitBilingual('bara svenska')).toEqual({ sv: 'bara svenska', en: 'bara svenska' });
});

test('a refused import lists every problem from the detail, not only the first few of the message', () => {
  const issues = Array.from({ length: 7 }, (_, i) => ({ code: 'EMPTY_NAME', row: i + 2, message: { sv: `Rad ${i + 2}: Namn saknas.`, en: `Row ${i + 2}: The name is missing.` } }));
  const lines = errorLines({ code: 'INVALID_INPUT', message: { sv: 'Deltagarlistan importerades inte', en: 'Not imported' }, detail: JSON.stringify(issues) });
  expect(lines).toHaveLength(7);
  expect(lines[6]).toEqual({ sv: 'Rad 8: Namn saknas.', en: 'Row 8: The name is missing.' });
  expect(errorLines({ code: 'INVALID_INPUT', message: { sv: 'x', en: 'y' }, detail: 'not json' })).toEqual([{ sv: 'x', en: 'y' }]);
  expect(errorLines({ code: 'NOT_FOUND', message: { sv: 'Organet finns inte.', en: 'No body.' } })).toEqual([{ sv: 'Organet finns inte.', en: 'No body.' }]);
});

test('times as minutes write them', () => {
  expect(formatTimes('12:30', '15:30')).toBe('kl. 12.30 – 15.30');
  expect(formatTimes('09:45', null)).toBe('kl. 09.45');
  expect(formatTimes(null, '15:00')).toBe('');
});
