/**
 * What the sync client says to the secretary when a document cannot sync: the server's
 * refusals (JSON `{"code","sv","en"}`, see server/README.md "The naming contract") are shown
 * as sent; the client's own reasons are here. Swedish first, and always what happens to the
 * local copy, because that is the first thing a secretary worries about.
 */

export interface SyncProblem {
  code: string;
  sv: string;
  en: string;
}

const own = {
  'read-only': {
    sv: 'Du har bara läsbehörighet till det här organet på servern. Dina ändringar finns kvar på den här datorn men skickas inte.',
    en: 'You have read-only access to this body on the server. Your changes are kept on this computer but are not sent.',
  },
  'store-failed': {
    sv: 'En ändring från servern kunde inte sparas på den här datorn (är disken full?). Synkningen av dokumentet är pausad; det du har lokalt är oförändrat.',
    en: 'A change from the server could not be saved on this computer (is the disk full?). Syncing this document is paused; what you have locally is unchanged.',
  },
  'name-mismatch': {
    sv: 'Servern skickade ett dokument som inte hör till det organ som namnet anger. Det har inte sparats; kontakta serverns administratör.',
    en: 'The server sent a document that does not belong to the body its name says. It was not saved; contact the server administrator.',
  },
  'invalid-document': {
    sv: 'Servern skickade ett dokument som Paragraf inte kan läsa. Det har inte sparats; det du har lokalt är oförändrat.',
    en: 'The server sent a document Paragraf cannot read. It was not saved; what you have locally is unchanged.',
  },
  unauthorized: {
    sv: 'Servern känner inte igen din inloggningsnyckel (token), eller så har den återkallats. Be serverns administratör om en ny.',
    en: 'The server does not recognise your access token, or it has been revoked. Ask the server administrator for a new one.',
  },
  'token-unreadable': {
    sv: 'Nyckeln (token) sparades krypterad av operativsystemet och kan inte läsas här. Ange serveradressen och nyckeln igen.',
    en: 'The token was saved encrypted by the operating system and cannot be read here. Enter the server address and the token again.',
  },
  'update-refused-locked': {
    sv: 'Protokollet är justerat på servern, så en ändring härifrån togs inte emot. Den finns kvar på den här datorn och visas som en ändring efter justering; ska den med, gör en rättelse.',
    en: 'The protocol is justerat (signed and locked) on the server, so a change from here was not accepted. It is kept on this computer and shown as a change after justering; if it belongs in the protocol, record a rättelse.',
  },
  'update-refused': {
    sv: 'Servern tog inte emot en ändring härifrån. Den finns kvar på den här datorn; kontakta serverns administratör om det fortsätter.',
    en: 'The server did not accept a change from here. It is kept on this computer; contact the server administrator if this goes on.',
  },
  refused: {
    sv: 'Servern vägrade dokumentet. Det du har lokalt finns kvar.',
    en: 'The server refused the document. What you have locally is kept.',
  },
} as const;

export type OwnProblemCode = keyof typeof own;

export function problem(code: OwnProblemCode): SyncProblem {
  return { code, ...own[code] };
}

/** A server refusal, or null when `reason` is not one (e.g. an ordinary socket close). */
export function parseRefusal(reason: string | undefined): SyncProblem | null {
  if (!reason) return null;
  try {
    const v = JSON.parse(reason) as Partial<SyncProblem>;
    if (typeof v.code === 'string' && typeof v.sv === 'string' && typeof v.en === 'string') return { code: v.code, sv: v.sv, en: v.en };
  } catch {
    // not JSON: not one of the server's refusals
  }
  return null;
}
