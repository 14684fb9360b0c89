import { describe, expect, it } from 'vitest';
import { foldSwedish, ftsExpression, queryTerms, snippet } from '../../../src/search/text';

describe('search text rules', () => {
  it('folds å/ä/ö keeping the length, so offsets map back to the text as written', () => {
    const s = 'Högskolan i Växjö, ÅTGÄRDER';
    expect(foldSwedish(s)).toBe('hogskolan i vaxjo, atgarder');
    expect(foldSwedish(s)).toHaveLength(s.length);
  });

  it('quotes every term as a phrase and leaves out terms too short for a trigram index', () => {
    expect(ftsExpression(queryTerms('FoU-avtal "x" i'), ['title', 'text'])).toBe('{title text} : "FoU-avtal"');
    expect(ftsExpression(queryTerms('ab'), ['title'])).toBeNull();
  });

  it('marks hits in a snippet cut around the first one, folded when asked', () => {
    const text = `${'Inledande text. '.repeat(10)}Avtalet om hemsjukvård gicks igenom.`;
    const parts = snippet(text, ['hemsjukvard'], { folded: true, width: 60 });
    expect(parts[0]).toEqual({ text: '…', hit: false });
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['hemsjukvård']);
    expect(snippet('Ingen träff här', ['avtal'])).toEqual([{ text: 'Ingen träff här', hit: false }]);
  });
});
