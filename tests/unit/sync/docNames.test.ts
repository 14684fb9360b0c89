import { describe, expect, it } from 'vitest';
import { bodyDocumentName, meetingDocumentName, parseDocumentName } from '../../../src/sync/docNames';

const body = '6095438d-6667-40fc-b743-6e126730206e';
const meeting = '0b9a4a39-56a4-4c9e-a8e4-0d7b9b7d1f21';

describe('document naming contract', () => {
  it('reads body and meeting names', () => {
    expect(parseDocumentName(`body/${body}`)).toEqual({ kind: 'body', bodyId: body });
    expect(parseDocumentName(`meeting/${body}/${meeting}`)).toEqual({ kind: 'meeting', bodyId: body, meetingId: meeting });
    expect(bodyDocumentName(body)).toBe(`body/${body}`);
    expect(meetingDocumentName(body, meeting)).toBe(`meeting/${body}/${meeting}`);
  });

  it.each([
    '',
    body,
    `body/${body.toUpperCase()}`,
    `Body/${body}`,
    `body/${body}/`,
    `/body/${body}`,
    `body/${body}/x`,
    `body/../${body}`,
    `meeting/${body}`,
    `meeting/${body}/${meeting}/x`,
    `meeting/${body}/../${meeting}`,
    `meeting//${meeting}`,
    `body/${body}\0session`,
    `body/${body} `,
    'body/not-a-uuid',
  ])('refuses %j', (name) => {
    expect(parseDocumentName(name)).toBeNull();
  });

  it('refuses to build a name from something that is not a lower-case UUID', () => {
    expect(() => bodyDocumentName('x')).toThrow();
    expect(() => meetingDocumentName(body, meeting.toUpperCase())).toThrow();
  });
});
