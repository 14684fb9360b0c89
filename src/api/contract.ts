/**
 * The API contract: every method the renderer (or the harness, or the CLI) may call on the
 * Core, and every event the Core sends back, written once. The IPC handler, the preload
 * bridge, the harness transport and the renderer client are all derived from this object,
 * so a method cannot exist in one place and be missing, or named differently, in another.
 *
 * Binary Yjs updates travel as base64 strings: they must survive JSON (harness) and
 * structured clone (IPC) alike, and a string is easy to bound in size.
 */
import { z } from 'zod';
import { presetIds } from '../bodies/presets';
import { genreSchema } from '../bodies/profile';
import { numberingSchemeSchema } from '../numbering/scheme';
import { registerMethods } from './registerContract';
import { exportMethods } from './exportContract';

/** 64 MiB of base64: far above a 20-page paste, low enough to refuse a runaway message. */
const MAX_UPDATE_CHARS = 64 * 1024 * 1024;

export const id = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, 'id');
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'date');
export const base64 = z
  .string()
  .max(MAX_UPDATE_CHARS)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');

/** The genres of DOMAIN.md, defined once with the body profile. */
export const genre = genreSchema;

export const presetId = z.enum(presetIds);

export const bodySchema = z.object({
  id,
  name: z.string(),
  genre,
  preset: presetId,
  createdAt: z.string(),
});
export type Body = z.infer<typeof bodySchema>;

export const meetingStatus = z.enum(['planerat', 'pagar', 'avslutat', 'justerat']);
/** "09:45", "12:30": Swedish minutes write "kl. 12.30", but the stored form is HH:MM. */
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
export const meetingSchema = z.object({
  id,
  bodyId: id,
  title: z.string(),
  date: isoDate,
  startTime: clockTime.nullable(),
  endTime: clockTime.nullable(),
  place: z.string().nullable(),
  dnr: z.string().nullable(),
  status: meetingStatus,
  startedAt: z.string().nullable(),
  /**
   * Set for a meeting minuted before the body came to Paragraf (meetings.recordEarlier): only
   * its date and the § numbers it used are known, so this year's numbering continues after them.
   */
  recorded: z.object({ first: z.number().int(), last: z.number().int() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Meeting = z.infer<typeof meetingSchema>;

export const backupSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  sizeBytes: z.number(),
  /** How many meetings the backup holds, read from the backup itself: what a restore gives back. */
  meetings: z.number(),
});
export type BackupInfo = z.infer<typeof backupSchema>;

export const localizedText = z.object({ sv: z.string(), en: z.string() });

export const appStatusSchema = z.object({
  version: z.string(),
  state: z.enum(['ready', 'needs-recovery']),
  /** Set when the database could not be opened or failed its integrity check. */
  problem: z
    .object({ kind: z.enum(['corrupt', 'too-new', 'unreadable']), message: localizedText, detail: z.string() })
    .nullable(),
  /** Set after a restore, so the UI can say what happened. */
  restoredFrom: z.string().nullable(),
  backups: z.array(backupSchema),
  dataDir: z.string(),
});
export type AppStatus = z.infer<typeof appStatusSchema>;

/** An item of a meeting as projected in SQLite: its place, title and computed label. */
export const itemRowSchema = z.object({
  id,
  position: z.number().int(),
  title: z.string(),
  number: z.number().int().nullable(),
  label: z.string().nullable(),
  bordlagd: z.boolean(),
  agendaKey: z.string().nullable(),
  subItems: z.array(z.object({ id, title: z.string(), label: z.string().nullable() })),
});
export type ItemRow = z.infer<typeof itemRowSchema>;

const frozenSchema = z.object({ items: z.record(z.string(), z.number().int()), subItems: z.record(z.string(), z.number().int()) });
/** The numbering engine's MeetingInput (src/numbering/engine.ts), as it crosses the API. */
export const numberingMeetingSchema = z.union([
  z.object({
    id,
    date: isoDate,
    sortKey: z.string().optional(),
    items: z.array(z.object({ id, subItems: z.array(z.object({ id })).optional() })),
    frozen: frozenSchema.optional(),
  }),
  // A meeting minuted outside Paragraf: its numbers as they were written.
  z.object({ id, date: isoDate, sortKey: z.string().optional(), recorded: z.array(z.number().int()) }),
]);
export const diagnosticSchema = z.object({
  code: z.string(),
  severity: z.string(),
  sv: z.string(),
  en: z.string(),
  meetingIds: z.array(z.string()),
  numbers: z.array(z.number()),
  itemIds: z.array(z.string()),
});

export const savedSchema = z.object({ docId: id, seq: z.number().int(), savedAt: z.string() });

/** Why a document (or the connection) cannot sync: a server refusal or the client's own reason. */
export const syncProblemSchema = z.object({ code: z.string(), sv: z.string(), en: z.string() });
/**
 * One document's sync state: `saved-locally` (in the local log; the server does not have it
 * all yet), `synced` (the server acknowledged every local change), `offline` (waiting for the
 * network), `error` (see `error`; the local copy is always kept).
 */
export const syncDocStatusSchema = z.object({
  docId: id,
  /** The server's name for it: body/<bodyId> or meeting/<bodyId>/<meetingId>. */
  name: z.string(),
  state: z.enum(['saved-locally', 'synced', 'offline', 'error']),
  /** Local changes the server has not acknowledged yet (safe in the local log). */
  pending: z.boolean(),
  readOnly: z.boolean(),
  error: syncProblemSchema.nullable(),
});
export type SyncDocStatus = z.infer<typeof syncDocStatusSchema>;
export const syncStatusSchema = z.object({
  /** False: no server configured; Paragraf works on this computer alone. */
  configured: z.boolean(),
  url: z.string().nullable(),
  connection: z.enum(['off', 'connecting', 'online', 'offline']),
  /** A problem of the whole connection (e.g. the token is refused). */
  error: syncProblemSchema.nullable(),
  docs: z.array(syncDocStatusSchema),
  /** Awareness: whether others see who is here and where the cursor is; off by default. */
  presence: z.object({ enabled: z.boolean(), name: z.string().nullable() }),
  /** How the token is kept on this computer: encrypted by the operating system, or not. */
  tokenStorage: z.enum(['encrypted', 'plain']),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/** A Yjs relative position in a meeting's `content`, encoded (Y.encodeRelativePosition) as base64. */
const relativePosition = z.string().min(1).max(200).regex(/^[A-Za-z0-9+/]+=*$/, 'base64');
export const presenceCursorSchema = z.object({ anchor: relativePosition, focus: relativePosition }).strict();
/** Another user in the same document (from the server's awareness relay). */
export const presencePeerSchema = z.object({
  clientId: z.number().int(),
  /** The name they chose in their settings, else their account name on the server. */
  name: z.string(),
  /** Their account on the server (set by the server, not by them). */
  account: z.string().nullable(),
  cursor: presenceCursorSchema.nullable(),
});
export type PresencePeer = z.infer<typeof presencePeerSchema>;

const noParams = z.object({}).strict();

function method<P extends z.ZodType, R extends z.ZodType>(params: P, result: R, doc: string) {
  return { params, result, doc };
}

export const methods = {
  'app.status': method(noParams, appStatusSchema, 'Version, database state, and the backups a recovery can use.'),
  'backups.create': method(noParams, backupSchema, 'Take a backup now through SQLite’s online backup API.'),
  'recovery.restoreBackup': method(
    z.object({ backupId: z.string().min(1).max(200) }).strict(),
    appStatusSchema,
    'Move the damaged database aside (never deleted) and continue from the chosen backup.',
  ),
  'bodies.list': method(noParams, z.array(bodySchema), 'All bodies, by name.'),
  'bodies.create': method(
    z
      .object({
        name: z.string().trim().min(1, 'Namnet får inte vara tomt / The name must not be empty').max(200),
        preset: presetId.default('sammantradesprotokoll'),
        /** The word after the body's name in the decision phrase: "LSVO:s ledningsgrupp beslutar". */
        group: z.string().trim().min(1).max(100).optional(),
      })
      .strict(),
    bodySchema,
    'Create a body: its profile document (from a preset) and its row.',
  ),
  'roster.importCsv': method(
    z.object({ bodyId: id, csv: base64.min(1) }).strict(),
    z.object({ imported: z.number().int(), encoding: z.string(), warnings: z.array(localizedText) }),
    'Import people from CSV bytes into the body’s roster: all rows or none.',
  ),
  'meetings.list': method(z.object({ bodyId: id.optional() }).strict(), z.array(meetingSchema), 'Meetings, newest first.'),
  'meetings.create': method(
    z
      .object({
        bodyId: id,
        date: isoDate,
        title: z.string().trim().max(300).optional(),
        startTime: clockTime.optional(),
        endTime: clockTime.optional(),
        place: z.string().trim().max(300).optional(),
        dnr: z.string().trim().max(100).optional(),
      })
      .strict()
      .refine((m) => !m.startTime || !m.endTime || m.endTime > m.startTime, {
        path: ['endTime'],
        message: 'Sluttiden måste vara efter starttiden / The end time must be after the start time',
      }),
    meetingSchema,
    'Create a meeting of a body, its agenda prefilled from the body’s profile.',
  ),
  'meetings.recordEarlier': method(
    z
      .object({
        bodyId: id,
        date: isoDate,
        /** The meeting's first §; left out, the year's series is taken to start at § 1. */
        firstNumber: z.number().int().min(1).max(9999).optional(),
        lastNumber: z.number().int().min(1, 'Sista paragrafen måste vara minst 1 / The last § must be at least 1').max(9999),
        title: z.string().trim().max(300).optional(),
      })
      .strict()
      .refine((m) => m.firstNumber === undefined || m.firstNumber <= m.lastNumber, {
        path: ['firstNumber'],
        message: 'Första paragrafen kan inte vara efter den sista / The first § cannot come after the last',
      }),
    meetingSchema,
    'Record a meeting minuted before the body came to Paragraf (date and § numbers only), so the year’s § numbers continue after it.',
  ),
  'meetings.setStatus': method(
    z.object({ meetingId: id, status: z.enum(['pagar', 'avslutat']) }).strict(),
    meetingSchema,
    'Start (pågår: § numbers freeze) or end (avslutat) a meeting.',
  ),
  'meetings.items': method(
    z.object({ meetingId: id }).strict(),
    z.array(itemRowSchema),
    'The items of a meeting with their computed labels, from the projections.',
  ),
  'meetings.numbering': method(
    z.object({ meetingId: id }).strict(),
    z.object({
      scheme: numberingSchemeSchema,
      /** The body's other meetings in the same calendar year, for numberMeeting(). */
      otherMeetings: z.array(numberingMeetingSchema),
      /** Gaps, duplicates and other reports for the body's year. */
      diagnostics: z.array(diagnosticSchema),
    }),
    'What the editor needs to compute this meeting’s § numbers live.',
  ),
  'projections.rebuild': method(
    noParams,
    z.object({ bodies: z.number(), meetings: z.number(), items: z.number(), people: z.number(), attendance: z.number(), decisions: z.number() }),
    'Rebuild every projection (rows for lists and search) from the documents.',
  ),
  'docs.open': method(
    z.object({ docId: id }).strict(),
    z.object({ docId: id, update: base64, savedSeq: z.number().int() }),
    'The full state of a document as one Yjs update, to seed a replica.',
  ),
  'docs.sync': method(
    z.object({ docId: id, stateVector: base64 }).strict(),
    z.object({ docId: id, update: base64 }),
    'What the caller is missing, given its state vector (after a reconnect).',
  ),
  'docs.applyUpdate': method(
    z.object({ docId: id, update: base64.min(1) }).strict(),
    savedSchema,
    'Apply a local Yjs update. It is in the SQLite log before this returns.',
  ),
  'sync.configure': method(
    z
      .object({
        /** null turns syncing off (local data stays as it is). */
        server: z.object({ url: z.string().trim().min(1).max(2000), token: z.string().trim().min(1).max(200) }).strict().nullable(),
      })
      .strict(),
    syncStatusSchema,
    'Sync with a server (ws:// or wss:// address and the token from its administrator), or stop with null. Kept in the local database.',
  ),
  'sync.status': method(
    z.object({ docId: id.optional() }).strict(),
    syncStatusSchema,
    'The connection and, per document (or for one), saved locally / synced / waiting for network / error.',
  ),
  'sync.setPresence': method(
    z
      .object({
        enabled: z.boolean(),
        /** The name others see; empty or null: the account name on the server. */
        name: z.string().trim().max(100).nullable().optional(),
      })
      .strict(),
    syncStatusSchema,
    'Show others who is in a protocol and where the cursor is (and see theirs), or stop. Needs a configured server; kept with it.',
  ),
  'presence.here': method(
    z.object({ docId: id, cursor: presenceCursorSchema.nullable() }).strict(),
    z.object({ docId: id, peers: z.array(presencePeerSchema) }),
    'This window shows the document, with its selection: tell others (when presence is on) and answer who else is here.',
  ),
  'presence.leave': method(z.object({ docId: id }).strict(), z.object({ docId: id }), 'This window no longer shows the document.'),
  ...registerMethods,
  ...exportMethods,
} as const;

export const events = {
  /** Another client changed a document: apply `update` to the replica. */
  'docs.updated': z.object({ docId: id, update: base64, sourceId: z.string() }),
  'docs.saved': savedSchema,
  'meetings.changed': z.object({ bodyId: id }),
  /** The sync state changed; `docs` holds only the documents whose state changed. */
  'sync.changed': syncStatusSchema,
  /** Who else is in a document open here changed (presence on); `peers` is the whole list. */
  'presence.changed': z.object({ docId: id, peers: z.array(presencePeerSchema) }),
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type EventName = keyof typeof events;
export type ParamsIn<M extends MethodName> = z.input<Methods[M]['params']>;
export type ParamsOut<M extends MethodName> = z.output<Methods[M]['params']>;
export type ResultOf<M extends MethodName> = z.output<Methods[M]['result']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const methodNames = Object.keys(methods) as MethodName[];
export const eventNames = Object.keys(events) as EventName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

/** Who is calling: lets the Core leave the sender out when it broadcasts an update. */
export interface CallContext {
  clientId: string;
}

/** What the Core implements: one handler per method, params already validated. */
export type ApiHandlers = {
  [M in MethodName]: (params: ParamsOut<M>, ctx: CallContext) => ResultOf<M> | Promise<ResultOf<M>>;
};
