import { describe, expect, it } from 'vitest';
import { detectDecision, needsFollowUp, type DetectContext } from '../../../src/followup';
import { lsvoRoster } from './helpers';

const c: DetectContext = {
  roster: lsvoRoster,
  bodyNames: ['LSVO', 'ledningsgruppen', 'nämnden'],
  meetingDate: '2021-05-07',
  upcomingMeetings: [{ date: '2021-06-04' }],
};
const kind = (text: string) => detectDecision(text, c).kind;

describe('kinds', () => {
  it.each([
    // DOMAIN.md standard phrases
    ['att lägga informationen till protokollet', 'informationen-till-protokollet'],
    ['att bordlägga frågan och ta upp denna igen vid nästa sammanträde', 'bordlagd'],
    ['att återremittera ärendet för ytterligare beredning', 'aterremitterad'],
    ['att godkänna för 2021-04-09 upprättade sammanträdesprotokoll', 'beslut'],
    ['att med tillägg under övriga frågor godkänna för sammanträdet upprättad föredragningslista', 'beslut'],
    ['att rekommendera regiondirektören att teckna avtalet', 'beslut'],
    ['att frågan följs upp vid LSVO:s möte i juni', 'uppdrag'],
    // tabled and sent back, in other forms
    ['Frågan bordläggs och kommer åter upp vid internatet.', 'bordlagd'],
    ['att ärendet bordläggs', 'bordlagd'],
    ['Ärendet bordlades.', 'bordlagd'],
    ['att ärendet återremitteras till förvaltningen', 'aterremitterad'],
    // uppdrag
    ['att Kjell Ivarsson tar med sig frågan', 'uppdrag'],
    ['att Annika Mellqvist ansvarar för att ett underlag skickas ut', 'uppdrag'],
    ['att föredragande ges i uppdrag att ta fram ett förslag', 'uppdrag'],
    ['att länsamordnarna återkommer till LSVO med förslag', 'uppdrag'],
    ['att Patrik Håkansson och Mats Wennstig tar fram ett förslag', 'uppdrag'],
    ['att Mats Wennstig skickar ut det beslutade dokumentet', 'uppdrag'],
    ['att samtliga ledamöter informerar sin chef', 'uppdrag'],
    ['att samtliga ledamöter påbörjar en förankringsprocess', 'uppdrag'],
    ['att uppdra åt förvaltningen att utreda frågan', 'uppdrag'],
    ['att Kjell Ivarsson sammankallar gruppen', 'uppdrag'],
    ['Rikard F tar på sig samordningsfunktion', 'uppdrag'],
    ['Kommunerna diskuterar om det är möjligt att finansiera projekt', 'uppdrag'],
    ['Kontakta Annika för personer med idéer', 'uppdrag'],
    ['Skicka namn till Lotta', 'uppdrag'],
    ['Ledningsgruppen ställer sig bakom detta och ett förslag till uppdrag till tvärgrupperna tas fram.', 'uppdrag'],
    ['att lägga informationen till protokollet och att Annika Mellqvist återkommer i juni', 'uppdrag'],
    // beslut
    ['att ställa sig positiva till en utveckling av digitalisering av möten (e-meeting)', 'beslut'],
    ['att alla har en beredskap att mötas till extra LSVO när behov uppstår', 'beslut'],
    ['Ledningsgruppen beslutar att förlänga brukarsamordnarnas uppdrag året ut och använda brukarmiljonen till det.', 'beslut'],
    ['att godkänna presenterat förslag till budget', 'beslut'],
    ['att godkänna redovisningen', 'beslut'],
    ['Programmet konstateras vara viktigt och ska prioriteras.', 'beslut'],
    // information
    ['att notera informationen', 'informationen-till-protokollet'],
    ['att informationen läggs till handlingarna', 'informationen-till-protokollet'],
    ['att tacka för informationen', 'informationen-till-protokollet'],
  ] as const)('%s → %s', (text, expected) => {
    expect(kind(text)).toBe(expected);
  });

  it('the evidence names the words that decided', () => {
    const d = detectDecision('att Kjell Ivarsson tar med sig frågan', c);
    expect(d.evidence.find((e) => e.field === 'kind')).toMatchObject({ text: 'tar med sig', rule: 'task-phrase' });
    const a = detectDecision('Kommunerna diskuterar om det är möjligt', c);
    expect(a.evidence.find((e) => e.field === 'kind')).toMatchObject({ text: 'diskuterar', rule: 'owner-verb' });
  });
});

describe('needsFollowUp', () => {
  it('uppdrag, bordlagd and återremitterad always; beslut only with a due point; information never', () => {
    const date = { kind: 'date' as const, date: '2021-06-04', text: 'den 4 juni' };
    expect(needsFollowUp('uppdrag', null)).toBe(true);
    expect(needsFollowUp('bordlagd', null)).toBe(true);
    expect(needsFollowUp('aterremitterad', null)).toBe(true);
    expect(needsFollowUp('beslut', null)).toBe(false);
    expect(needsFollowUp('beslut', date)).toBe(true);
    expect(needsFollowUp('informationen-till-protokollet', date)).toBe(false);
  });

  it('a beslut with a deadline needs follow-up', () => {
    const d = detectDecision('att avtalet ska vara undertecknat senast den 30 juni', c);
    expect([d.kind, d.needsFollowUp]).toEqual(['beslut', true]);
  });
});

describe('detectDecision', () => {
  it('tidies the text and indexes evidence into it', () => {
    const d = detectDecision('  att  Kjell Ivarsson\n tar med sig frågan  ', c);
    expect(d.text).toBe('att Kjell Ivarsson tar med sig frågan');
    for (const e of d.evidence) expect(d.text.slice(e.start, e.end)).toBe(e.text);
  });

  it('refuses a meeting date that is not YYYY-MM-DD', () => {
    expect(() => detectDecision('att godkänna', { ...c, meetingDate: '7 maj 2021' })).toThrow(RangeError);
  });

  it('reads names typed decomposed (NFD) as the roster’s', () => {
    const d = detectDecision('att Patrik Håkansson tar fram ett förslag'.normalize('NFD'), c);
    expect(d.owners.map((o) => o.name)).toEqual(['Patrik Håkansson']);
  });
});
