import { describe, expect, it } from 'vitest';
import { previousMeeting, type MeetingOrderFacts } from '../../../src/numbering/previous';

const m = (id: string, date: string, startTime: string | null = null, extra: Partial<MeetingOrderFacts> = {}): MeetingOrderFacts => ({
  id,
  bodyId: 'lsvo',
  date,
  startTime,
  recorded: null,
  ...extra,
});

describe('previousMeeting', () => {
  it('is the latest earlier meeting of the same body', () => {
    const list = [m('may', '2021-05-07'), m('april', '2021-04-09'), m('march', '2021-03-12')];
    expect(previousMeeting(list, m('may', '2021-05-07'))?.id).toBe('april');
    expect(previousMeeting(list, m('april', '2021-04-09'))?.id).toBe('march');
    expect(previousMeeting(list, m('march', '2021-03-12'))).toBeNull();
  });

  it('orders two meetings on one day by start time, and one without a time first', () => {
    const list = [m('morning', '2021-04-09', '09:00'), m('afternoon', '2021-04-09', '13:00'), m('untimed', '2021-04-09')];
    expect(previousMeeting(list, m('afternoon', '2021-04-09', '13:00'))?.id).toBe('morning');
    expect(previousMeeting(list, m('morning', '2021-04-09', '09:00'))?.id).toBe('untimed');
  });

  it('passes over other bodies and meetings minuted outside Paragraf', () => {
    const list = [m('other', '2021-04-20', null, { bodyId: 'ks' }), m('recorded', '2021-04-15', null, { recorded: { first: 1, last: 9 } }), m('real', '2021-04-01')];
    expect(previousMeeting(list, m('now', '2021-05-01'))?.id).toBe('real');
  });

  it('finds nothing later than the meeting itself', () => {
    expect(previousMeeting([m('june', '2021-06-01')], m('may', '2021-05-07'))).toBeNull();
  });
});
