/**
 * The editor's live numbering: the outline reader keeps its entries (and the whole array) when
 * a keystroke changes nothing it shows, the structure key ignores titles, and the labels come
 * from the engine: by order before the start, frozen after it.
 */
import { describe, expect, test } from 'vitest';
import { createEditor, Editor, Transforms, type Descendant } from 'slate';
import { freezeNumbers, numberMeeting, subItemKey, type FrozenNumbers } from '../../../src/numbering';
import { AppEditor } from '../../../renderer/editor/AppEditor';
import { withMeetingSchema } from '../../../renderer/editor/createMeetingEditor';
import { computeNumbers, createOutlineReader, structureKey, type MeetingFacts, type NumberingContext } from '../../../renderer/editor/numbering';

const T = (text: string) => ({ type: 'item-title', children: [{ text }] });
const ST = (text: string) => ({ type: 'subitem-title', children: [{ text }] });
const P = (text: string) => ({ type: 'paragraph', children: [{ text }] });
const I = (id: string, ...children: unknown[]) => ({ type: 'item', id, children });
const S = (id: string, ...children: unknown[]) => ({ type: 'subitem', id, children });

function makeEditor(children: unknown[]): Editor {
  const editor = withMeetingSchema(createEditor());
  editor.children = structuredClone(children) as Descendant[];
  Editor.normalize(editor, { force: true });
  return editor;
}

const lsvo: NumberingContext = {
  scheme: { kind: 'yearly', format: 'space' },
  // The body's April meeting ended at § 100 (LSVO 2021: the May meeting starts at § 101).
  otherMeetings: [{ id: 'april', date: '2021-04-09', items: Array.from({ length: 100 }, (_, i) => ({ id: `apr${i}` })), frozen: { items: Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`apr${i}`, i + 1])), subItems: {} } }],
};
const planned: MeetingFacts = { id: 'maj', date: '2021-05-07', sortKey: '12:30', started: false };
const noFrozen: FrozenNumbers = { items: {}, subItems: {} };

describe('the outline reader', () => {
  const doc = () => makeEditor([I('a', T('Godkännande'), P('text')), I('b', T('Övriga frågor'), S('s1', ST('Vaccination'), P('')))]);

  test('reads items, titles, flags and sub-items in order', () => {
    const read = createOutlineReader();
    expect(read(doc().children)).toEqual([
      { id: 'a', title: 'Godkännande', bordlagd: false, agendaKey: null, plannedMinutes: null, subItems: [] },
      { id: 'b', title: 'Övriga frågor', bordlagd: false, agendaKey: null, plannedMinutes: null, subItems: [{ id: 's1', title: 'Vaccination' }] },
    ]);
  });

  test('returns the same array after a keystroke in a paragraph, a new one after a keystroke in a title', () => {
    const editor = doc();
    const read = createOutlineReader();
    const first = read(editor.children);
    Transforms.select(editor, Editor.end(editor, [0, 1]));
    editor.insertText(' mer');
    expect(read(editor.children)).toBe(first);
    Transforms.select(editor, Editor.end(editor, [0, 0]));
    editor.insertText('x');
    const second = read(editor.children);
    expect(second).not.toBe(first);
    expect(second[0]!.title).toBe('Godkännandex');
    // The untouched item keeps its entry object, so its outline row need not re-render.
    expect(second[1]).toBe(first[1]);
  });

  test('the structure key ignores titles and follows order and sub-items', () => {
    const editor = doc();
    const read = createOutlineReader();
    const key = structureKey(read(editor.children));
    Transforms.select(editor, Editor.end(editor, [0, 0]));
    editor.insertText('x');
    expect(structureKey(read(editor.children))).toBe(key);
    AppEditor.moveItem(editor, 'b', 0);
    const moved = structureKey(read(editor.children));
    expect(moved).not.toBe(key);
    AppEditor.insertSubItem(editor, 'b');
    expect(structureKey(read(editor.children))).not.toBe(moved);
  });
});

describe('computeNumbers', () => {
  const items = (ids: string[], subs: Record<string, string[]> = {}) =>
    ids.map((id) => ({ id, title: id, bordlagd: false, agendaKey: null, plannedMinutes: null, subItems: (subs[id] ?? []).map((s) => ({ id: s, title: s })) }));
  const labels = (n: ReturnType<typeof computeNumbers>, ids: string[]) => ids.map((id) => n.items.get(id)?.label);

  test('before the start, the labels continue the body’s year and follow the order', () => {
    const n = computeNumbers(items(['a', 'b', 'c']), planned, noFrozen, lsvo);
    expect(labels(n, ['a', 'b', 'c'])).toEqual(['§ 101', '§ 102', '§ 103']);
    const moved = computeNumbers(items(['c', 'a', 'b']), planned, noFrozen, lsvo);
    expect(labels(moved, ['c', 'a', 'b'])).toEqual(['§ 101', '§ 102', '§ 103']);
    expect(n.exact).toBe(true);
  });

  test('after the start, frozen numbers stay with their items; a new item gets the next number', () => {
    const order = items(['a', 'b', 'c'], { c: ['s1', 's2'] });
    const atStart = numberMeeting({ scheme: lsvo.scheme, meeting: { id: 'maj', date: planned.date, items: order }, otherMeetings: lsvo.otherMeetings });
    const frozen = freezeNumbers(atStart);
    const started = { ...planned, started: true };
    const moved = computeNumbers(items(['c', 'a', 'b', 'd'], { c: ['s2', 's1'] }), started, frozen, lsvo);
    expect(labels(moved, ['c', 'a', 'b', 'd'])).toEqual(['§ 103', '§ 101', '§ 102', '§ 104']);
    expect(moved.items.get('c')!.subItems.get('s1')).toBe('a/');
    expect(moved.items.get('c')!.subItems.get('s2')).toBe('b/');
    // The engine reports what the secretary should know, and the editor passes it on.
    expect(moved.diagnostics.map((d) => d.code)).toContain('out-of-order');
    expect(frozen.subItems[subItemKey('c', 's2')]).toBe(2);
  });

  test('a started meeting whose frozen numbers have not arrived yet continues the series in order', () => {
    const n = computeNumbers(items(['a', 'b']), { ...planned, started: true }, noFrozen, lsvo);
    expect(labels(n, ['a', 'b'])).toEqual(['§ 101', '§ 102']);
  });

  test('sub-items are lettered a/, b/ in order before the start', () => {
    const n = computeNumbers(items(['x'], { x: ['s1', 's2', 's3'] }), planned, noFrozen, lsvo);
    expect([...n.items.get('x')!.subItems.values()]).toEqual(['a/', 'b/', 'c/']);
  });

  test('other schemes: points "1." and per-meeting "§ 1"', () => {
    const points = computeNumbers(items(['a', 'b']), planned, noFrozen, { scheme: { kind: 'points' }, otherMeetings: lsvo.otherMeetings });
    expect(labels(points, ['a', 'b'])).toEqual(['1.', '2.']);
    const slash = computeNumbers(items(['a']), planned, noFrozen, { scheme: { kind: 'yearly', format: 'slash-year' }, otherMeetings: lsvo.otherMeetings });
    expect(labels(slash, ['a'])).toEqual(['§ 101/21']);
  });

  test('without the body’s context the labels are provisional "§ 1, § 2"', () => {
    const n = computeNumbers(items(['a', 'b']), planned, noFrozen, null);
    expect(labels(n, ['a', 'b'])).toEqual(['§ 1', '§ 2']);
    expect(n.exact).toBe(false);
  });
});
