import { describe, expect, it } from 'vitest';
import { findForedragande, matchPeople, spellingKey, splitNameList } from '../../../src/followup';
import { kronobergRoster, lsvoRoster, person, roster, skaneRoster } from './helpers';

const names = (text: string, r = lsvoRoster, date = '2021-05-07') => matchPeople(text, r, { date }).map((m) => m.person.name);
const rules = (text: string, r = lsvoRoster) => matchPeople(text, r, { date: '2021-05-07' }).map((m) => [m.person.name, m.rule, m.text]);

describe('matchPeople: full names', () => {
  it('finds roster names with their offsets', () => {
    const text = 'att Kjell Ivarsson tar med sig frågan';
    const [m] = matchPeople(text, lsvoRoster);
    expect(m?.person.name).toBe('Kjell Ivarsson');
    expect(text.slice(m!.start, m!.end)).toBe('Kjell Ivarsson');
    expect(m?.rule).toBe('full-name');
  });

  it('reads the genitive ("Annika Mellqvists") as the person', () => {
    const [m] = matchPeople('enligt Annika Mellqvists förslag', lsvoRoster);
    expect([m?.person.name, m?.possessive, m?.text]).toEqual(['Annika Mellqvist', true, 'Annika Mellqvists']);
  });

  it('treats hyphen and space in a name alike ("Gunilla Kaj Bevheden")', () => {
    expect(names('Föredragande: Gunilla Kaj Bevheden', kronobergRoster)).toEqual(['Gunilla Kaj-Bevheden']);
  });

  it('ignores case in full names but not word edges ("Kjellström" is not Kjell)', () => {
    expect(names('kjell ivarsson')).toEqual(['Kjell Ivarsson']);
    expect(names('Annelie Kjellström informerar')).toEqual(['Annelie Kjellström']);
  });

  it('finds every name in a list, in text order', () => {
    expect(names('Kjell Ivarsson, Patrik Håkansson, Annelie Kjellström och Birgitta Ratcovich')).toEqual([
      'Kjell Ivarsson',
      'Patrik Håkansson',
      'Annelie Kjellström',
      'Birgitta Ratcovich',
    ]);
  });

  it('reads full names of people who have left (old text names them)', () => {
    const r = [person('Åsa Nilsson', { active: false, leftOn: '2020-12-31' })];
    expect(names('att Åsa Nilsson ansvarar', r, '2021-05-07')).toEqual(['Åsa Nilsson']);
  });
});

describe('matchPeople: short forms', () => {
  it.each([
    ['Torill S Magnusson', 'Torill Skaar Magnusson'],
    ['Torill Magnusson', 'Torill Skaar Magnusson'],
    ['Cecilia G Lang lyfter frågan', 'Cecilia Grefve-Lang'],
    ['Cecilia G. Lang', 'Cecilia Grefve-Lang'],
    ['Kjell I tar med sig frågan', 'Kjell Ivarsson'],
    ['Kjell I. tar med sig frågan', 'Kjell Ivarsson'],
  ])('%s → %s', (text, name) => {
    expect(rules(text)).toEqual([[name, 'short-name', expect.any(String)]]);
  });

  it('reads glued initials and a surname initial in the Skåne roster ("Lotta GD", "Karin E", "Rikard F")', () => {
    expect(names('Beredningen utser Lotta GD som representant', skaneRoster)).toEqual(['Lotta Green Dahlberg']);
    expect(names('Karin E, stabschef Skånes sjukhus nordväst', skaneRoster)).toEqual(['Karin Ekelund']);
    expect(names('Rikard F tar på sig samordningsfunktion', skaneRoster)).toEqual(['Rikard Frobell']);
  });

  it('drops a short form that fits two active people ("Maria A", "Birgitta F" would need both)', () => {
    expect(names('Maria A återkommer')).toEqual([]);
    const r = roster(['Birgitta Friberg', 'Birgitta Fransson']);
    expect(names('Birgitta F återkommer', r)).toEqual([]);
  });

  it('does not read short forms of people who left before the meeting', () => {
    const r = [person('Kjell Ivarsson', { active: false, leftOn: '2021-01-31' })];
    expect(names('Kjell I tar med sig frågan', r, '2021-05-07')).toEqual([]);
    // ... but does when they left after it (reading an old protocol).
    expect(names('Kjell I tar med sig frågan', r, '2020-11-06')).toEqual(['Kjell Ivarsson']);
  });

  it('a wrong initial is nobody', () => {
    expect(names('Kjell A tar med sig frågan')).toEqual([]);
  });
});

describe('matchPeople: spelling', () => {
  it('reads the samples’ misspellings as the roster person', () => {
    expect(rules('Bodil Sundlöv och Mats Wennstig')).toEqual([
      ['Bodil Sundlöf', 'spelling', 'Bodil Sundlöv'],
      ['Mats Wennstig', 'full-name', 'Mats Wennstig'],
    ]);
    expect(names('Maria Arvidsson-Karlson')).toEqual(['Maria Arvidsson-Karlsson']);
    expect(names('Richard Frobell, sjukhuschef', skaneRoster)).toEqual(['Rikard Frobell']);
  });

  it('prefers the exact roster name over a spelling variant of another', () => {
    const r = roster(['Anna Jonsson', 'Anna Jonson']);
    expect(rules('Anna Jonsson', r)).toEqual([['Anna Jonsson', 'full-name', 'Anna Jonsson']]);
  });

  it('spellingKey folds Swedish spelling variants and keeps different names apart', () => {
    expect(spellingKey('Sundlöf')).toBe(spellingKey('Sundlöv'));
    expect(spellingKey('Karlsson')).toBe(spellingKey('Karlson'));
    expect(spellingKey('Mellqvist')).toBe(spellingKey('Mellkvist'));
    expect(spellingKey('Rickard')).toBe(spellingKey('Rikard'));
    expect(spellingKey('Wennstig')).toBe(spellingKey('Vennstig'));
    expect(spellingKey('Lang')).not.toBe(spellingKey('Lund'));
    expect(spellingKey('Friberg')).not.toBe(spellingKey('Fryberg'));
  });
});

describe('matchPeople: first names', () => {
  it('reads a first name unique among active people ("Annika tar upp punkten")', () => {
    expect(rules('Annika tar upp punkten på nätverk för socialchefer.', skaneRoster)).toEqual([['Annika Andersson', 'first-name', 'Annika']]);
    expect(names('Kontakta Annika för personer inom era områden', skaneRoster)).toEqual(['Annika Andersson']);
    expect(names('Torill lyfter fram att det är möjligt')).toEqual(['Torill Skaar Magnusson']);
  });

  it('does not read a first name shared by two people ("Maria", "Birgitta" in LSVO; "Annika", "Jenny" in Kronoberg)', () => {
    expect(names('Maria återkommer')).toEqual([]);
    expect(names('Birgitta återkommer')).toEqual([]);
    expect(names('Annika hälsar välkommen till dagens möte.', kronobergRoster)).toEqual([]);
    expect(names('Ewa och Jenny har haft möte med ledarparen', kronobergRoster)).toEqual(['Ewa Ekman']);
  });

  it('does not read a first name followed by another surname (someone else: "Annika Magnerot")', () => {
    expect(names('Annika Magnerot återkommer', skaneRoster)).toEqual([]);
  });

  it('does not read lower-case words as names ("per användare")', () => {
    expect(names('mot en kostnad på 99 kr/användare och år, per användare', kronobergRoster)).toEqual([]);
  });

  it('does not read a first name that is a common word at the start of a sentence', () => {
    const r = roster(['Per Nyström', 'Lena Bergqvist']);
    expect(names('Per person räknas två timmar.', r)).toEqual([]);
    expect(names('Lena tar fram ett förslag.', r)).toEqual([]);
    // Inside a sentence the capital means the name.
    expect(names('att Per ansvarar för protokollet', r)).toEqual(['Per Nyström']);
    expect(names('Per och Magnus har haft möte', kronobergRoster)).toEqual(['Magnus Frithiof']); // "Per" opens the sentence
    expect(names('Det första mötet leds av Per och Magnus.', kronobergRoster)).toEqual(['Per Sandberg', 'Magnus Frithiof']);
  });

  it('a double first name is one first name ("Anna-Karin" is not "Anna", "Annie-Lie" not "Annie")', () => {
    const r = roster(['Anna-Karin Lund', 'Annie Berg']);
    expect(rules('Anna-Karin tar fram ett förslag', r)).toEqual([['Anna-Karin Lund', 'first-name', 'Anna-Karin']]);
    expect(rules('Anna-Karin L tar fram ett förslag', r)).toEqual([['Anna-Karin Lund', 'short-name', 'Anna-Karin L']]);
    expect(names('Anna tar fram ett förslag', r)).toEqual([]);
    expect(names('Anna Lund tar fram ett förslag', r)).toEqual([]);
    expect(names('Annie-Lie tar fram ett förslag', r)).toEqual([]);
    expect(names('Annie-Lie Jarhult, Uppvidinge (ej fm)', kronobergRoster)).toEqual(['Annie-Lie Jarhult']);
  });

  it('does not read surnames alone', () => {
    expect(names('Ivarsson tar med sig frågan')).toEqual([]);
  });
});

describe('matchPeople: not people', () => {
  it('organisations and documents are nobody', () => {
    expect(names('Regionen får in information om Region Blekinges nät och Samverkan Blekinge')).toEqual([]);
  });

  it('people not in the roster are nobody', () => {
    expect(names('Frida Holm Johansson föreslås hålla ihop detta arbete', kronobergRoster)).toEqual([]);
    expect(names('Peter Lilja och Lars Ericsson')).toEqual([]);
  });
});

describe('splitNameList and findForedragande', () => {
  it.each([
    ['Helene Bjerstedt och Ingemar Lilja', ['Helene Bjerstedt', 'Ingemar Lilja']],
    ['Bodil Sundlöf, Kristina Borén, Mats Wennstig', ['Bodil Sundlöf', 'Kristina Borén', 'Mats Wennstig']],
    ['Torill S Magnusson, Kjell Ivarsson och Mats Wennstig', ['Torill S Magnusson', 'Kjell Ivarsson', 'Mats Wennstig']],
    ['Magnus Frithiof', ['Magnus Frithiof']],
    ['  Anna  samt  Kalle. ', ['Anna', 'Kalle']],
  ])('%s', (list, expected) => {
    expect(splitNameList(list)).toEqual(expected);
  });

  it('reads the Föredragande line of an item', () => {
    expect(findForedragande('§ 104\n\nPsykisk hälsa\n\nFöredragande: Kristina Borén och Bodil Sundlöv\n\nKristina …')).toEqual([
      'Kristina Borén',
      'Bodil Sundlöv',
    ]);
    expect(findForedragande('§ 101\nGodkännande av föredragningslista\n')).toEqual([]);
  });
});
