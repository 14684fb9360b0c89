/**
 * What the server says to people: clients (the reason of a refused document, shown by the
 * app) and administrators (CLI and log lines). Always Swedish and English, Swedish first,
 * saying what happened and what to do next.
 *
 * A refusal travels to the client as the `reason` string of Hocuspocus' permission-denied
 * message. It is JSON, `{"code","sv","en"}`, so the app can show the right language and
 * act on the code; a generic Hocuspocus client still gets a readable string.
 */

export const refusalCodes = [
  'unauthorized', // no token, an unknown token or a revoked one
  'forbidden', // a valid token without a grant for the document's body
  'bad-document-name', // not body/<uuid> or meeting/<uuid>/<uuid>
  'too-many-documents', // PARAGRAF_MAX_DOCUMENTS_PER_CONNECTION reached
  'access-revoked', // the grant or token was revoked while the document was open
  'load-failed', // the stored document could not be read; nothing was sent or stored
  'server-error',
] as const;
export type RefusalCode = (typeof refusalCodes)[number];

export interface Refusal {
  code: RefusalCode;
  sv: string;
  en: string;
}

const texts: Record<RefusalCode, { sv: string; en: string }> = {
  unauthorized: {
    sv: 'Servern känner inte igen din inloggningsnyckel (token), eller så har den återkallats. Be serverns administratör om en ny.',
    en: 'The server does not recognise your access token, or it has been revoked. Ask the server administrator for a new one.',
  },
  forbidden: {
    sv: 'Du har inte behörighet till det här organets dokument på servern. Be serverns administratör om behörighet.',
    en: "You have no access to this body's documents on the server. Ask the server administrator for access.",
  },
  'bad-document-name': {
    sv: 'Dokumentnamnet har fel form. Paragraf synkar bara body/<id> och meeting/<organ-id>/<möte-id>.',
    en: 'The document name has the wrong form. Paragraf syncs only body/<id> and meeting/<body-id>/<meeting-id>.',
  },
  'too-many-documents': {
    sv: 'För många öppna dokument på en anslutning. Stäng några eller be administratören höja gränsen.',
    en: 'Too many open documents on one connection. Close some or ask the administrator to raise the limit.',
  },
  'access-revoked': {
    sv: 'Din behörighet till det här dokumentet har återkallats. Det du sparat lokalt finns kvar på din dator.',
    en: 'Your access to this document has been revoked. What you saved locally is kept on your computer.',
  },
  'load-failed': {
    sv: 'Servern kunde inte läsa dokumentet och har inte ändrat det. Det du har lokalt finns kvar; kontakta serverns administratör.',
    en: 'The server could not read the document and has not changed it. What you have locally is kept; contact the server administrator.',
  },
  'server-error': {
    sv: 'Ett oväntat fel inträffade på servern. Det du har lokalt finns kvar; försök igen senare.',
    en: 'An unexpected error occurred on the server. What you have locally is kept; try again later.',
  },
};

export function refusal(code: RefusalCode): Refusal {
  return { code, ...texts[code] };
}

/**
 * An error whose `reason` Hocuspocus sends to the client in its permission-denied message
 * (ClientConnection reads `error.reason`). `message` is the English text, for server logs.
 */
export class RefusalError extends Error {
  readonly reason: string;
  readonly code: RefusalCode;
  constructor(code: RefusalCode, detail?: string) {
    const r = refusal(code);
    super(detail ? `${r.en} (${detail})` : r.en);
    this.name = 'RefusalError';
    this.code = code;
    this.reason = JSON.stringify(r);
  }
}

/** Reads a refusal back (used by tests; the app in main/ does the same). */
export function parseRefusal(reason: string): Refusal | null {
  try {
    const v = JSON.parse(reason) as Partial<Refusal>;
    if (typeof v.code === 'string' && typeof v.sv === 'string' && typeof v.en === 'string') return v as Refusal;
  } catch {
    // not ours: e.g. Hocuspocus' own "permission-denied"
  }
  return null;
}

/** A message for an administrator: a CLI error or a log line that needs action. */
export class AdminError extends Error {
  readonly sv: string;
  readonly en: string;
  constructor(sv: string, en: string) {
    super(`${sv}\n${en}`);
    this.name = 'AdminError';
    this.sv = sv;
    this.en = en;
  }
}

export const tooManyConnections = {
  sv: 'För många nya anslutningar från din adress. Vänta en stund och försök igen.',
  en: 'Too many new connections from your address. Wait a moment and try again.',
};

export const notASyncEndpoint = {
  sv: 'Det här är Paragrafs synkserver. Anslut med appen Paragraf.',
  en: "This is Paragraf's sync server. Connect with the Paragraf app.",
};
