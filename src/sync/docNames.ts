/**
 * The document naming contract between the app (main/'s sync client) and the sync server.
 *
 *   body/<bodyId>                 a body's profile and roster document
 *   meeting/<bodyId>/<meetingId>  one meeting of that body (the meeting doc's meta.bodyId)
 *
 * Ids are lower-case UUIDs, as main/ creates them (crypto.randomUUID()). The body id is in
 * the name so that access control needs nothing but the name: no document is loaded, and
 * nothing is sent, before the grant for that body has been checked. Any other shape is
 * refused. A name is also the storage key, so there is exactly one spelling of each name.
 *
 * Shared by the server (access control: the body comes from the name) and main/'s sync client
 * (which builds the names and treats them as authoritative), so it lives in src/.
 */

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const bodyName = new RegExp(`^body/(${uuid})$`);
const meetingName = new RegExp(`^meeting/(${uuid})/(${uuid})$`);
const uuidOnly = new RegExp(`^${uuid}$`);

export type DocumentName =
  | { kind: 'body'; bodyId: string }
  | { kind: 'meeting'; bodyId: string; meetingId: string };

export function parseDocumentName(name: string): DocumentName | null {
  const b = bodyName.exec(name);
  if (b) return { kind: 'body', bodyId: b[1]! };
  const m = meetingName.exec(name);
  if (m) return { kind: 'meeting', bodyId: m[1]!, meetingId: m[2]! };
  return null;
}

export function isBodyId(id: string): boolean {
  return uuidOnly.test(id);
}

export function bodyDocumentName(bodyId: string): string {
  if (!isBodyId(bodyId)) throw new Error(`not a lower-case UUID: ${bodyId}`);
  return `body/${bodyId}`;
}

export function meetingDocumentName(bodyId: string, meetingId: string): string {
  if (!isBodyId(bodyId) || !isBodyId(meetingId)) throw new Error(`not lower-case UUIDs: ${bodyId}, ${meetingId}`);
  return `meeting/${bodyId}/${meetingId}`;
}
