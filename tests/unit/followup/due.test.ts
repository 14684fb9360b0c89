import { describe, expect, it } from 'vitest';
import { detectDue, type DetectContext, type KnownMeeting } from '../../../src/followup';
import { dueKey, lsvoRoster } from './helpers';

function ctx(meetingDate = '2021-05-07', upcomingMeetings: KnownMeeting[] = [{ date: '2021-06-04' }, { date: '2021-09-10' }]): DetectContext {
  return { roster: lsvoRoster, bodyNames: ['LSVO', 'ledningsgruppen', 'nämnden'], meetingDate, upcomingMeetings };
}
const due = (text: string, c = ctx()) => detectDue(text, c).due;
const key = (text: string, c = ctx()) => dueKey(due(text, c));

describe('dates', () => {
  it.each([
    ['att underlaget skickas ut senast 2024-10-11', 'date:2024-10-11', 'senast 2024-10-11'],
    ['att avtalet förlängs senast 211231', 'date:2021-12-31', 'senast 211231'],
    ['svaren ska vara inlämnade senast den 15/9', 'date:2021-09-15', 'senast den 15/9'],
    ['att rapporten lämnas den 4 juni', 'date:2021-06-04', 'den 4 juni'],
    ['att handlingsplanen är inne senast den 30 september', 'date:2021-09-30', 'senast den 30 september'],
    ['att utkastet är klart till den 3 september', 'date:2021-09-03', 'till den 3 september'],
    ['att Kjell återkommer den 4:e juni', 'date:2021-06-04', 'den 4:e juni'],
    ['att frågan avgörs senast 15/9-21', 'date:2021-09-15', 'senast 15/9-21'],
  ])('%s', (text, expected, phrase) => {
    expect(key(text)).toBe(expected);
    expect(due(text)?.text).toBe(phrase);
  });

  it('a month before the meeting month is next year ("den 15 januari" in May → 2022)', () => {
    expect(key('att svar lämnas senast den 15 januari')).toBe('date:2022-01-15');
    expect(key('att svar lämnas senast den 15/2')).toBe('date:2022-02-15');
    expect(key('att svar lämnas senast den 15 januari', ctx('2021-01-10'))).toBe('date:2021-01-15');
  });

  it('a written year is kept', () => {
    expect(key('att svar lämnas senast den 15 januari 2023')).toBe('date:2023-01-15');
  });

  it('bare "1/2" and six-digit numbers are not dates', () => {
    expect(due('att avsätta 1/2 dag för utbildning')).toBeNull();
    expect(due('att bevilja 250000 kronor')).toBeNull();
    expect(due('att bevilja 210409 kronor')).toBeNull();
  });

  it('years alone and durations are not due points', () => {
    expect(due('att länsamordnarna återkommer till LSVO med förslag till inriktning för 2021 års utvecklingsmedel')).toBeNull();
    expect(due('att Annika Mellqvist ansvarar för att ett underlag och redovisning för 2020 skickas ut')).toBeNull();
    expect(due('Ledningsgruppen beslutar att förlänga brukarsamordnarnas uppdrag året ut och använda brukarmiljonen till det.')).toBeNull();
    expect(due('Viktig med gemensam syn på tidsåtgång dvs 7 dagar under 8 månader.', ctx('2021-10-15'))).toBeNull();
  });

  it('past dates are references, not due points', () => {
    const r = detectDue('att godkänna för 2021-04-09 upprättade sammanträdesprotokoll.', ctx());
    expect(r.due).toBeNull();
    expect(r.evidence.map((e) => e.rule)).toEqual(['not-due:past']);
    expect(due('att godkänna protokollet från LSVO 210409')).toBeNull();
    expect(due('att lägga informationen från mötet den 3 maj till protokollet')).toBeNull();
  });

  it('validity dates are not due points', () => {
    expect(due('att anta reviderad riktlinje att gälla från och med 2025-01-01', ctx('2024-09-20'))).toBeNull();
    expect(due('att avtalet gäller till 211231')).toBeNull();
    expect(due('att beslutet gäller till och med 2025-12-31', ctx('2024-09-20'))).toBeNull();
    expect(due('att tjänsten inrättas fr.o.m. 2021-09-01')).toBeNull();
  });
});

describe('meetings', () => {
  it.each([
    ['att ett underlag skickas ut inför LSVO 4 juni.', 'meeting:2021-06-04', 'inför LSVO 4 juni'],
    ['att ett förslag presenteras vid LSVO 4 juni', 'meeting:2021-06-04', 'vid LSVO 4 juni'],
    ['att samtliga påbörjar en förankringsprocess inför mötet i LSVO 4 juni', 'meeting:2021-06-04', 'inför mötet i LSVO 4 juni'],
    ['att frågan tas upp vid LSVO:s möte den 10 september', 'meeting:2021-09-10', 'vid LSVO:s möte den 10 september'],
    ['att frågan tas upp igen LSVO 210910', 'meeting:2021-09-10', 'LSVO 210910'],
    ['att redovisa vid sammanträdet den 10 september', 'meeting:2021-09-10', 'vid sammanträdet den 10 september'],
  ])('%s', (text, expected, phrase) => {
    expect(key(text)).toBe(expected);
    expect(due(text)?.text).toBe(phrase);
  });

  it('the next meeting resolves to the first known meeting after this one', () => {
    expect(due('att ett nytt förslag skickas ut för förankring före nästa LSVO-möte')).toEqual({
      kind: 'meeting',
      next: true,
      meetingDate: '2021-06-04',
      month: '2021-06',
      text: 'före nästa LSVO-möte',
    });
    expect(key('att förslaget presenteras vid kommande LSVO')).toBe('meeting:2021-06-04');
    expect(key('Samtliga tar med frågan hem och fråga tas åter upp kommande möte.')).toBe('meeting:2021-06-04');
    expect(key('att Sara informerar på nästa möte')).toBe('meeting:2021-06-04');
    expect(key('att bordlägga ärendet till nästa sammanträde')).toBe('meeting:2021-06-04');
  });

  it('without a meeting plan the next meeting stays unresolved', () => {
    expect(due('före nästa LSVO-möte', ctx('2021-05-07', []))).toEqual({ kind: 'meeting', next: true, text: 'före nästa LSVO-möte' });
  });

  it('"nästa år" and "kommande år" are not meetings', () => {
    expect(due('att frågan utreds under kommande år')).toBeNull();
    expect(due('att budget för nästa år godkänns')).toBeNull();
  });

  it('a meeting by month resolves to the known meeting that month, else the month', () => {
    expect(due('att frågan följs upp vid LSVO:s möte i juni')).toEqual({
      kind: 'meeting',
      meetingDate: '2021-06-04',
      month: '2021-06',
      text: 'vid LSVO:s möte i juni',
    });
    expect(key('med datum för redovisning till mötet i oktober 2021')).toBe('meeting:2021-10');
    expect(key('att Lena återkommer till nämnden i december')).toBe('meeting:2021-12');
    expect(key('att återkomma till nämnden senast i mars 2022')).toBe('meeting:2022-03');
  });

  it('a month meeting in the past is a reference ("Vid mötet i juni 2020 lades ett förslag")', () => {
    expect(due('Vid mötet i juni 2020 lades ett förslag', ctx('2021-06-04'))).toBeNull();
  });

  it('a named meeting resolves by the names of known meetings', () => {
    const c = ctx('2021-10-15', [{ date: '2021-11-22', name: 'Internatet' }]);
    expect(due('Frågan bordläggs och kommer åter upp vid internatet.', c)).toEqual({
      kind: 'meeting',
      name: 'internatet',
      meetingDate: '2021-11-22',
      month: '2021-11',
      text: 'vid internatet',
    });
    expect(due('Frågan tas upp vid internatet.', ctx('2021-10-15', []))).toEqual({ kind: 'meeting', name: 'internatet', text: 'vid internatet' });
    const plan = ctx('2021-10-15', [{ date: '2022-01-20', name: 'Planeringsdag' }]);
    expect(key('att frågan tas upp vid planeringsdagen', plan)).toBe('meeting:2022-01-20');
  });

  it('"vid behov av möte" and "till extra LSVO" are not meetings', () => {
    expect(due('Rikard F tar på sig samordningsfunktion vid behov av möte på chefsnivå.')).toBeNull();
    expect(due('att alla har en beredskap att mötas till extra LSVO när behov uppstår')).toBeNull();
    expect(due('att länsamordnarna återkommer till LSVO med förslag')).toBeNull();
  });
});

describe('periods: only when the decision asks for something back, or sets a deadline', () => {
  it.each([
    ['att Magnus återkommer om detta efter sommaren', '2021-06-04', 'period:2021-09'],
    ['att Per återkommer efter sommaren med vidare information', '2021-06-04', 'period:2021-09'],
    ['att föredragande får i uppdrag att återkomma efter sommaren', '2024-09-20', 'period:2025-09'],
    ['att direktivet ska vara färdigt i augusti', '2021-06-04', 'period:2021-08'],
    ['att förvaltningen redovisar under hösten', '2021-05-07', 'period:2021-09'],
    ['att förvaltningen redovisar under hösten', '2021-10-15', 'period:2021-10'],
    ['att förvaltningen redovisar i höst', '2021-12-10', 'period:2022-09'],
    ['att Per ska återkomma med förslag före jul', '2024-09-20', 'period:2024-12'],
    ['att utredningen redovisas efter årsskiftet', '2024-09-20', 'period:2025-01'],
    ['att planen tas fram före sommaren', '2024-02-20', 'period:2024-06'],
    ['att planen tas fram senast i juni', '2021-05-07', 'period:2021-06'],
    ['att rapporten redovisas i slutet av november', '2021-05-07', 'period:2021-11'],
  ])('%s (meeting %s)', (text, date, expected) => {
    expect(key(text, ctx(date, []))).toBe(expected);
  });

  it('a vague time that is not a report-back or deadline is not a due point', () => {
    const r = detectDue('att Annika Mellqvist tar med sig frågan om huruvida rekrytering ska fortsätta enligt plan eller om det ska avvaktas med en ny annonsering efter sommaren', ctx());
    expect(r.due).toBeNull();
    expect(r.evidence.map((e) => e.rule)).toEqual(['not-due:no-report-back']);
    expect(due('att samtliga ledamöter informerar sin chef om de inplanerade mötetiderna (enligt uppdaterad mötesplan) för hösten 2021.')).toBeNull();
    expect(due('att Anders Holm och Per N deltar i referensgruppen under hösten')).toBeNull();
  });

  it('a period never overrides a date or meeting it overlaps ("vid LSVO:s möte i juni" is a meeting)', () => {
    expect(due('att frågan följs upp vid LSVO:s möte i juni')?.kind).toBe('meeting');
  });
});

describe('several candidates', () => {
  it('the earliest wins; the others stay in the evidence', () => {
    const r = detectDue('att ett utkast är klart senast den 3 september och presenteras vid LSVO:s möte den 10 september', ctx());
    expect(dueKey(r.due)).toBe('date:2021-09-03');
    expect(r.evidence.map((e) => e.rule)).toEqual(['day-month', 'later:meeting-day-month']);
  });

  it('resolved dates come before unresolved meetings', () => {
    expect(key('att frågan tas upp vid internatet, senast den 30 september', ctx('2021-05-07', []))).toBe('date:2021-09-30');
  });
});

describe('context', () => {
  it('body names with regex characters are taken literally', () => {
    const c: DetectContext = { ...ctx(), bodyNames: ['S.O.S (NV)'] };
    expect(key('inför S.O.S (NV) 4 juni', c)).toBe('meeting:2021-06-04');
  });

  it('works without body names', () => {
    const c: DetectContext = { ...ctx(), bodyNames: [] };
    expect(key('inför mötet den 4 juni', c)).toBe('meeting:2021-06-04');
    expect(key('senast den 4 juni', c)).toBe('date:2021-06-04');
    expect(key('på nästa möte', c)).toBe('meeting:2021-06-04');
  });
});
