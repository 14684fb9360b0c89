/**
 * Type-ahead while the minutes are typed: the body's phrase bank ("att lägga informationen
 * till protokollet") and the names in its roster ("Kjell Ivarsson"). Pure: the editor asks with
 * the text of the block up to the cursor and shows what comes back; Tab takes the first.
 *
 * - A phrase is offered when everything typed in the block so far (at least four characters)
 *   is the start of the phrase, ignoring case and repeated spaces: the secretary starts the
 *   sentence, the bank finishes it.
 * - A person is offered when the last one to three words before the cursor start a roster
 *   name: a word of at least three letters with a capital first letter (names are written so;
 *   "and" must not turn into "Andersson"), or the whole first name and the start of the last.
 *   People who have left the body are not offered for new minutes.
 */

export interface TypeaheadPerson {
  id: string;
  name: string;
  title?: string;
  organisation?: string;
  active: boolean;
}

export interface TypeaheadPhrase {
  id: string;
  label: string;
  text: string;
}

export interface Suggestion {
  kind: 'phrase' | 'person';
  /** The phrase id or the person id. */
  id: string;
  /** What is inserted. */
  text: string;
  /** Shown beside it: the phrase's short name, or the person's title and organisation. */
  detail: string;
  /** How many characters before the cursor the insertion replaces. */
  replace: number;
}

const MIN_PHRASE_PREFIX = 4;
const MIN_NAME_PREFIX = 3;

const squash = (s: string): string => s.replace(/\s+/gu, ' ');

export function suggest(before: string, people: readonly TypeaheadPerson[], phrases: readonly TypeaheadPhrase[], max = 5): Suggestion[] {
  return [...phraseSuggestions(before, phrases), ...personSuggestions(before, people)].slice(0, max);
}

function phraseSuggestions(before: string, phrases: readonly TypeaheadPhrase[]): Suggestion[] {
  const typed = squash(before.trimStart()).toLocaleLowerCase('sv');
  if (typed.length < MIN_PHRASE_PREFIX) return [];
  const out: Suggestion[] = [];
  for (const p of phrases) {
    const text = squash(p.text).toLocaleLowerCase('sv');
    if (text.startsWith(typed) && text !== typed) out.push({ kind: 'phrase', id: p.id, text: p.text, detail: p.label, replace: before.length - (before.length - before.trimStart().length) });
  }
  return out;
}

function personSuggestions(before: string, people: readonly TypeaheadPerson[]): Suggestion[] {
  // The last one to three words before the cursor, longest first: "Kjell Iv" beats "Iv".
  const tail = /(?:^|[^\p{L}\p{M}'-])((?:\p{Lu}[\p{L}\p{M}'-]*)(?: [\p{L}\p{M}'-]+){0,2})$/u.exec(before);
  if (!tail) return [];
  const words = tail[1]!.split(' ');
  // A name already written out in full is done: its last word must not start it again.
  const written = new Set(people.map((p) => p.name.toLocaleLowerCase('sv')));
  for (let k = words.length; k >= 2; k--) if (written.has(words.slice(words.length - k).join(' ').toLocaleLowerCase('sv'))) return [];
  for (let k = words.length; k >= 1; k--) {
    const query = words.slice(words.length - k).join(' ');
    if (!/^\p{Lu}/u.test(query)) continue;
    const q = query.toLocaleLowerCase('sv');
    if (q.replace(/ /g, '').length < MIN_NAME_PREFIX) continue;
    const matches = people.filter((p) => {
      if (!p.active) return false;
      const name = p.name.toLocaleLowerCase('sv');
      if (name === q) return false;
      if (name.startsWith(q)) return true;
      // A single word may also start the last name ("Ivars" → Kjell Ivarsson).
      return k === 1 && name.split(/\s+/u).some((part) => part.startsWith(q));
    });
    if (matches.length > 0) {
      return matches
        .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
        .map((p) => ({ kind: 'person', id: p.id, text: p.name, detail: [p.title, p.organisation].filter(Boolean).join(', '), replace: query.length }));
    }
  }
  return [];
}
