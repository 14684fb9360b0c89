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

export const genre = z.enum(['sammantradesprotokoll', 'motesanteckningar', 'minnesanteckningar']);

export const bodySchema = z.object({
  id,
  name: z.string(),
  genre,
  createdAt: z.string(),
});
export type Body = z.infer<typeof bodySchema>;

export const meetingStatus = z.enum(['planerat', 'pagar', 'avslutat', 'justerat']);
export const meetingSchema = z.object({
  id,
  bodyId: id,
  title: z.string(),
  date: isoDate,
  status: meetingStatus,
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

export const savedSchema = z.object({ docId: id, seq: z.number().int(), savedAt: z.string() });

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
    z.object({ name: z.string().trim().min(1).max(200), genre: genre.default('sammantradesprotokoll') }).strict(),
    bodySchema,
    'Create a body (its profile document and its row).',
  ),
  'meetings.list': method(z.object({ bodyId: id.optional() }).strict(), z.array(meetingSchema), 'Meetings, newest first.'),
  'meetings.create': method(
    z.object({ bodyId: id, date: isoDate, title: z.string().trim().max(300).optional() }).strict(),
    meetingSchema,
    'Create a meeting document for a body.',
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
} as const;

export const events = {
  /** Another client changed a document: apply `update` to the replica. */
  'docs.updated': z.object({ docId: id, update: base64, sourceId: z.string() }),
  'docs.saved': savedSchema,
  'meetings.changed': z.object({ bodyId: id }),
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
