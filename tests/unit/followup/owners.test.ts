import { describe, expect, it } from 'vitest';
import { detectDecision, detectOwners, type DetectContext } from '../../../src/followup';
import { lsvoRoster, ownerKeys, person, roster, skaneRoster } from './helpers';

const lsvo: DetectContext = { roster: lsvoRoster, bodyNames: ['LSVO', 'ledningsgruppen'], meetingDate: '2021-05-07' };
const owners = (text: string, c: DetectContext = lsvo) => ownerKeys(detectOwners(text, c).owners);

describe('people', () => {
  it('are owners wherever the decision names them', () => {
    expect(owners('att Patrik Håkansson och Mats Wennstig tar fram ett förslag')).toEqual(['Patrik Håkansson', 'Mats Wennstig']);
  });

  it('are not owners when they receive ("till", "från", "hos")', () => {
    expect(owners('att underlaget skickas till Kjell Ivarsson')).toEqual([]);
    expect(owners('att inhämta synpunkter från Annika Mellqvist')).toEqual([]);
    expect(owners('att boka tid hos Mats Wennstig')).toEqual([]);
    // "tillsammans med" is a co-owner.
    expect(owners('att Annika Mellqvist ansvarar tillsammans med Kjell Ivarsson')).toEqual(['Annika Mellqvist', 'Kjell Ivarsson']);
  });

  it('carry how they were read', () => {
    const r = detectOwners('att Kjell I och Bodil Sundlöv tar fram förslag', lsvo).owners;
    expect(r.map((o) => [o.name, o.how, o.kind, o.rule, o.personId])).toEqual([
      ['Kjell Ivarsson', 'roster', 'person', 'short-name', 'kjell-ivarsson'],
      ['Bodil Sundlöf', 'roster', 'person', 'spelling', 'bodil-sundlof'],
    ]);
  });

  it('are listed once even when named twice', () => {
    expect(owners('att Kjell Ivarsson tar med sig frågan. Kjell Ivarsson återkommer')).toEqual(['Kjell Ivarsson']);
  });

  it('"Region Blekinge" and "Samverkan Blekinge" are not people', () => {
    expect(owners('att Region Blekinge tar fram ett avtal för Samverkan Blekinge')).toEqual([]);
  });
});

describe('references from name completion', () => {
  it('come first and always win, even when detection would not find them', () => {
    const c = { ...lsvo, referencedPersonIds: ['mats-wennstig', 'helene-bjerstedt'] };
    const r = detectOwners('att den ansvarige tar fram ett förslag', c).owners;
    expect(r.map((o) => [o.name, o.how, o.rule])).toEqual([
      ['Mats Wennstig', 'reference', 'reference'],
      ['Helene Bjerstedt', 'reference', 'reference'],
    ]);
  });

  it('are not duplicated by detection of the same person', () => {
    const c = { ...lsvo, referencedPersonIds: ['kjell-ivarsson'] };
    const r = detectOwners('att Kjell Ivarsson och Annika Mellqvist tar med sig frågan', c).owners;
    expect(r.map((o) => [o.name, o.how])).toEqual([
      ['Kjell Ivarsson', 'reference'],
      ['Annika Mellqvist', 'roster'],
    ]);
  });

  it('a reference to someone no longer in the roster keeps the id', () => {
    const r = detectOwners('att frågan utreds', { ...lsvo, referencedPersonIds: ['gone-42'] }).owners;
    expect(r).toEqual([{ personId: 'gone-42', name: 'gone-42', how: 'reference', kind: 'person', rule: 'reference' }]);
  });

  it('also win over a name the text spells for a recipient', () => {
    const c = { ...lsvo, referencedPersonIds: ['kjell-ivarsson'] };
    expect(owners('att underlaget skickas till Kjell Ivarsson', c)).toEqual(['Kjell Ivarsson']);
  });
});

describe('groups', () => {
  it.each([
    ['att samtliga ledamöter informerar sin chef', ['group:samtliga ledamöter']],
    ['att länsamordnarna återkommer till LSVO', ['group:länsamordnarna']],
    ['att länssamordnarna återkommer till LSVO', ['group:länssamordnarna']],
    ['Samtliga tar med frågan hem', ['group:samtliga']],
    ['Kommunerna diskuterar om det är möjligt', ['group:kommunerna']],
    ['Nätverken i NV provar att gå in i strukturen', ['group:nätverken']],
    ['att alla har en beredskap', ['group:alla']],
    ['att uppdra åt förvaltningen att återkomma', ['group:förvaltningen']],
    ['att ge socialchefen i uppdrag att utreda', ['group:socialchefen']],
    ['att återremittera ärendet till förvaltningen för komplettering', ['group:förvaltningen']],
    ['att arbetsgruppen tar fram en plan. Samtliga ledamöter lämnar synpunkter', ['group:arbetsgruppen', 'group:samtliga ledamöter']],
    ['att godkänna budgeten och att kommunerna återkommer med synpunkter', ['group:kommunerna']],
    ['att godkänna budgeten samt att förvaltningen återkommer', ['group:förvaltningen']],
    ['att godkänna budgeten, att kommunerna återkommer', ['group:kommunerna']],
  ])('%s', (text, expected) => {
    expect(owners(text)).toEqual(expected);
  });

  it('only in subject position: "underskrift av samtliga ledamöter" and "till tvärgrupperna" are not owners', () => {
    expect(owners('att Mats Wennstig skickar ut dokumentet för underskrift av samtliga ledamöter i LSVO')).toEqual(['Mats Wennstig']);
    expect(owners('Ledningsgruppen ställer sig bakom detta och ett förslag till uppdrag till tvärgrupperna tas fram.')).toEqual([]);
  });

  it('the deciding body is not an owner, named or not', () => {
    expect(owners('Ledningsgruppen beslutar att förlänga brukarsamordnarnas uppdrag året ut')).toEqual([]);
    const unnamed = { ...lsvo, bodyNames: [] };
    expect(owners('Ledningsgruppen ställer sig bakom nyval av deltagare', unnamed)).toEqual([]);
    expect(owners('Styrelsen beslutar att godkänna årsredovisningen', unnamed)).toEqual([]);
    // Named as the body, even with an active verb.
    expect(owners('Ledningsgruppen tar fram en plan')).toEqual([]);
  });

  it('things in the passive are not owners ("kommunerna informeras", "frågan följs upp")', () => {
    expect(owners('att kommunerna informeras om beslutet')).toEqual([]);
    expect(owners('att frågan följs upp vid LSVO:s möte i juni')).toEqual([]);
    expect(owners('att informationen läggs till protokollet')).toEqual([]);
  });

  it('an indefinite group with named members is the members ("en arbetsgrupp bestående av …")', () => {
    expect(owners('att en arbetsgrupp bestående av Kjell Ivarsson och Patrik Håkansson ringar in frågeställningarna')).toEqual([
      'Kjell Ivarsson',
      'Patrik Håkansson',
    ]);
  });
});

describe('föredragande', () => {
  const text = 'att föredragande ges i uppdrag att ta fram ett förslag till projektstruktur som presenteras vid LSVO 4 juni';

  it('means the item’s presenters, read against the roster', () => {
    const c = { ...lsvo, foredragande: [{ name: 'Bodil Sundlöf' }, { name: 'Kristina Borén' }, { name: 'Mats Wennstig' }] };
    const r = detectOwners(text, c).owners;
    expect(r.map((o) => [o.name, o.how, o.rule])).toEqual([
      ['Bodil Sundlöf', 'roster', 'foredragande'],
      ['Kristina Borén', 'roster', 'foredragande'],
      ['Mats Wennstig', 'roster', 'foredragande'],
    ]);
  });

  it('a presenter given by id, by a misspelt name, or not in the roster', () => {
    const c = { ...lsvo, foredragande: [{ name: 'B. Sundlöf', personId: 'bodil-sundlof' }, { name: 'Bodil Sundlöv' }, { name: 'Okänd Person' }] };
    const r = detectOwners(text, c).owners;
    expect(r.map((o) => [o.name, o.how, o.personId])).toEqual([
      ['Bodil Sundlöf', 'roster', 'bodil-sundlof'],
      ['Okänd Person', 'text', undefined],
    ]);
  });

  it('without presenters in the context it stays a group', () => {
    expect(detectOwners(text, lsvo).owners).toEqual([{ name: 'föredragande', how: 'text', kind: 'group', rule: 'foredragande' }]);
  });

  it('"Föredragande gav en beskrivning" in discussion is not an owner of a decision that does not say it', () => {
    const c = { ...lsvo, foredragande: [{ name: 'Kjell Ivarsson' }] };
    expect(owners('att lägga informationen till protokollet.', c)).toEqual([]);
  });
});

describe('first names in a roster with people who left', () => {
  it('a first name shared with someone who left before the meeting is still unique', () => {
    const r = [...roster(['Annika Andersson']), person('Annika Berg', { active: false, leftOn: '2020-01-01' })];
    expect(owners('Annika tar upp punkten', { ...lsvo, roster: r, meetingDate: '2021-10-15' })).toEqual(['Annika Andersson']);
  });

  it('Skåne: "Rikard F" is Rikard Frobell, not Rickard Claesson', () => {
    const d = detectDecision('Rikard F tar på sig samordningsfunktion vid behov av möte på chefsnivå.', {
      roster: skaneRoster,
      bodyNames: ['beredningen'],
      meetingDate: '2021-10-15',
    });
    expect(ownerKeys(d.owners)).toEqual(['Rikard Frobell']);
  });
});
