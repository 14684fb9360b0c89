/**
 * The Core: the one object that implements the API contract. It owns the database and the
 * authoritative Y.Doc of every open document. It never imports `electron`, so tests, the
 * harness and the command line create it in plain Node exactly as the app does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import type { ApiHandlers, AppStatus, Body, EventName, EventPayload, Meeting } from '../../src/api/contract';
import { ParagrafError } from '../../src/api/errors';
import { fromBase64, toBase64 } from '../../src/api/base64';
import { DB_FILE, checkIntegrity, openDatabase, type Db } from './db';
import { DocStore } from './docStore';
import { backupFile, createBackup, hasHeldDatabase, listBackups, stageBackup, swapInBackup, type SwappedIn } from './backups';
import { version } from './version';
import { SyncManager, type SecretProtector, type SyncTuning } from '../sync/SyncManager';
import { slateNodesToInsertDelta } from '@slate-yjs/core';
import type { Node as SlateNode } from 'slate';
import { profileFromPreset } from '../../src/bodies/presets';
import { personSchema, type Person } from '../../src/bodies/roster';
import { importRosterCsv } from '../../src/bodies/rosterCsv';
import { newItem } from '../../src/protocol/schema';
import { restoreLost, watchMoves } from '../../src/protocol/moveRescue';
import { readLockRecord } from '../../src/export/lock';
import { freezeNumbers, numberMeeting, numberYear, type FrozenNumbers } from '../../src/numbering';
import { projectRegister, reprojectRecentMeetings } from './register';
import { registerHandlers } from './registerApi';
import { exportHandlers } from '../export/exportApi';
import { adoptSharedLock, assertWritable, shareLocalLocks, type Locker } from '../export/justering';
import { prepareFollowUp } from './followUp';
import { bodyScheme, itemRows, parseFixedNumbers, projectBody, projectMeeting, readFrozen, readProfile, readRecorded, rebuildAll, renumberBody, renumberBodyYears, yearMeetings } from './projections';
import type { ManagedMeeting } from '../../src/numbering';

export interface CoreOptions {
  dataDir: string;
  /** Take a rolling backup this often while running (ms); 0 turns the timer off. */
  backupIntervalMs?: number;
  backupsToKeep?: number;
  compactThreshold?: number;
  /** Reconnect and discovery timing of the sync client (tests use short ones). */
  sync?: SyncTuning;
  /**
   * Encrypts the sync token at rest (Electron's safeStorage in the app). Without one the
   * token is stored as typed, and the sync settings say so.
   */
  secrets?: SecretProtector;
}

type Problem = NonNullable<AppStatus['problem']>;
export type CoreEventListener = (event: EventName, payload: unknown, exceptClientId?: string) => void;

interface BodyRow {
  id: string;
  name: string;
  genre: Body['genre'];
  preset: Body['preset'];
  created_at: string;
}
interface MeetingRow {
  id: string;
  body_id: string;
  title: string;
  date: string;
  status: Meeting['status'];
  start_time: string | null;
  end_time: string | null;
  place: string | null;
  dnr: string | null;
  started_at: string | null;
  frozen_json: string | null;
  created_at: string;
  updated_at: string;
}

const rowToBody = (r: BodyRow): Body => ({ id: r.id, name: r.name, genre: r.genre, preset: r.preset, createdAt: r.created_at });
const rowToMeeting = (r: MeetingRow): Meeting => ({
  id: r.id,
  bodyId: r.body_id,
  title: r.title,
  date: r.date,
  startTime: r.start_time,
  endTime: r.end_time,
  place: r.place,
  dnr: r.dnr,
  status: r.status,
  startedAt: r.started_at,
  recorded: parseFixedNumbers(r.frozen_json).recorded ?? null,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Projections wait this long after the last update of a document: off the typing path. */
const PROJECTION_DELAY_MS = 400;

export class Core {
  readonly dataDir: string;
  readonly dbFile: string;
  readonly handlers: ApiHandlers;
  private db: Db | null = null;
  private docs: DocStore | null = null;
  private problem: Problem | null = null;
  private restoredFrom: string | null = null;
  private readonly listeners = new Set<CoreEventListener>();
  private backupTimer: ReturnType<typeof setInterval> | null = null;
  /** Syncing with a server; idle (no client at all) when none is configured. */
  private sync: SyncManager | null = null;
  private readonly options: Required<Omit<CoreOptions, 'secrets'>> & Pick<CoreOptions, 'secrets'>;

  private constructor(options: CoreOptions) {
    this.options = { backupIntervalMs: 30 * 60_000, backupsToKeep: 10, compactThreshold: 500, sync: {}, ...options };
    this.dataDir = options.dataDir;
    this.dbFile = path.join(this.dataDir, DB_FILE);
    this.handlers = this.createHandlers();
  }

  /**
   * Opens the data folder. Never throws for a damaged database: the Core then starts in the
   * needs-recovery state, and the UI tells the person and offers the newest backup, instead
   * of crashing or, worse, showing an empty app as if the minutes were gone.
   */
  static open(options: CoreOptions): Core {
    fs.mkdirSync(options.dataDir, { recursive: true });
    const core = new Core(options);
    core.openDb();
    core.shareLocks();
    core.startSync();
    if (core.db && core.options.backupIntervalMs > 0) {
      core.backupTimer = setInterval(() => void core.backupNow().catch(() => undefined), core.options.backupIntervalMs);
      core.backupTimer.unref();
      // A backup shortly after each start, once the database has proved healthy.
      setTimeout(() => void core.backupNow().catch(() => undefined), 2_000).unref();
    }
    return core;
  }

  private openDb(): void {
    // SQLite creates a missing file as a new, empty database. In a folder that has held one
    // (backups, or a database moved aside by a restore) a missing file is a lost database,
    // not a first start: never show it as "no meetings".
    if (!fs.existsSync(this.dbFile) && hasHeldDatabase(this.dataDir, this.dbFile)) {
      this.db = null;
      this.docs = null;
      this.problem = {
        kind: 'unreadable',
        message: {
          sv: 'Databasfilen saknas i datamappen, men det finns säkerhetskopior eller undanflyttade databaser där. Paragraf startar inte med en tom databas. Välj en säkerhetskopia nedan för att fortsätta.',
          en: 'The database file is missing from the data folder, but there are backups or moved-aside databases there. Paragraf does not start with an empty database. Choose a backup below to continue.',
        },
        detail: `${this.dbFile} does not exist`,
      };
      return;
    }
    let db: Db | null = null;
    try {
      // SQLite opens a zero-byte file as a new, empty database. With backups beside it, an
      // empty file is a truncated database, not a first start: never show it as "no meetings".
      if (fs.existsSync(this.dbFile) && fs.statSync(this.dbFile).size === 0 && listBackups(this.dataDir).length > 0) {
        throw new Error('database file is empty (0 bytes) while backups exist');
      }
      db = openDatabase(this.dbFile);
      const problems = checkIntegrity(db);
      if (problems.length > 0) throw new Error(problems.slice(0, 5).join('; '));
      this.db = db;
      this.docs = new DocStore(db, { compactThreshold: this.options.compactThreshold });
      this.docs.onOpen = (id, doc) => this.watchMoves(id, doc);
      this.problem = null;
    } catch (err) {
      db?.close();
      this.db = null;
      this.docs = null;
      this.problem = describeProblem(err);
    }
  }

  onEvent(listener: CoreEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit<E extends EventName>(event: E, payload: EventPayload<E>, exceptClientId?: string): void {
    for (const l of this.listeners) l(event, payload, exceptClientId);
  }

  private ready(): { db: Db; docs: DocStore } {
    if (!this.db || !this.docs) {
      const p = this.problem;
      throw new ParagrafError(
        'DATABASE_CORRUPT',
        p?.message.sv ?? 'Databasen är inte öppen.',
        p?.message.en ?? 'The database is not open.',
        p?.detail,
      );
    }
    return { db: this.db, docs: this.docs };
  }

  async backupNow() {
    const { db } = this.ready();
    return createBackup(db, this.dataDir, this.options.backupsToKeep);
  }

  status(): AppStatus {
    return {
      version,
      state: this.db ? 'ready' : 'needs-recovery',
      problem: this.problem,
      restoredFrom: this.restoredFrom,
      backups: listBackups(this.dataDir),
      dataDir: this.dataDir,
    };
  }

  private restore(backupId: string): AppStatus {
    const file = backupFile(this.dataDir, backupId);
    // Checked and copied while the open database is left alone: a damaged backup or a full
    // disk fails here, and the app goes on exactly as it was.
    const staged = stageBackup(this.dbFile, file);
    this.closeDb();
    let swapped: SwappedIn;
    try {
      swapped = swapInBackup(this.dbFile, staged);
    } catch (err) {
      // The files are back where they were (or, if even that failed, the error says where).
      this.reopen();
      throw err;
    }
    this.openDb();
    if (!this.db) {
      // A backup that passes the check can still refuse to open (written by a newer Paragraf,
      // a migration that fails). The database it replaced is put back, so nothing has changed.
      const detail = this.problem?.detail;
      try {
        swapped.undo();
      } finally {
        // Also when the undo failed: openDb then finds no database beside the moved-aside
        // one and asks for recovery rather than starting empty.
        this.reopen();
      }
      throw new ParagrafError(
        'DATABASE_CORRUPT',
        'Säkerhetskopian kunde inte öppnas. Inget har ändrats. Välj en äldre kopia.',
        'The backup could not be opened. Nothing has been changed. Choose an older one.',
        detail,
      );
    }
    this.shareLocks();
    this.startSync();
    this.restoredFrom = backupId;
    return this.status();
  }

  /** Opens the database again after a failed restore, as it was before. */
  private reopen(): void {
    this.openDb();
    this.shareLocks();
    this.startSync();
  }

  private createHandlers(): ApiHandlers {
    return {
      'app.status': () => this.status(),
      ...registerHandlers({ ready: () => this.ready(), flushProjections: () => this.flushProjections(), commitCoreChange: (docId, change) => this.commitCoreChange(docId, change) }),
      ...exportHandlers({
        ready: () => this.ready(),
        flushProjections: () => this.flushProjections(),
        commitCoreChange: (docId, change) => this.commitCoreChange(docId, change),
        meetingChanged: (meetingId) => this.meetingChanged(meetingId),
      }),
      'backups.create': () => this.backupNow(),
      'recovery.restoreBackup': ({ backupId }) => this.restore(backupId),

      'bodies.list': () => {
        const { db } = this.ready();
        return (db.prepare('SELECT * FROM body ORDER BY name COLLATE NOCASE').all() as BodyRow[]).map(rowToBody);
      },
      'bodies.create': ({ name, preset, group }) => {
        const { db, docs } = this.ready();
        const id = randomUUID();
        const createdAt = new Date().toISOString();
        const profile = profileFromPreset(preset, name, group ? { group } : {});
        db.transaction(() => {
          docs.create(id, 'body', (doc) => {
            const map = doc.getMap('profile');
            map.set('profile', profile);
            map.set('preset', preset);
            map.set('createdAt', createdAt);
            doc.getMap('members');
          });
          projectBody(db, docs, id);
        })();
        return rowToBody(db.prepare('SELECT * FROM body WHERE id = ?').get(id) as BodyRow);
      },
      'roster.importCsv': ({ bodyId, csv }) => {
        const { db, docs } = this.ready();
        if (docs.kindOf(bodyId) !== 'body') throw notFound('Organet', 'The body');
        const members = docs.get(bodyId).getMap('members');
        const existing = [...members.values()].filter((v) => personSchema.safeParse(v).success) as Person[];
        const result = importRosterCsv(fromBase64(csv), { newId: () => randomUUID(), existing });
        if (!result.ok) {
          const shown = result.errors.slice(0, 5);
          const more = result.errors.length - shown.length;
          throw new ParagrafError(
            'INVALID_INPUT',
            `Deltagarlistan importerades inte (inget har ändrats): ${shown.map((e) => e.message.sv).join(' ')}${more > 0 ? ` Och ${more} fel till.` : ''}`,
            `The roster was not imported (nothing was changed): ${shown.map((e) => e.message.en).join(' ')}${more > 0 ? ` And ${more} more errors.` : ''}`,
            JSON.stringify(result.errors),
          );
        }
        // One Yjs transaction: every person or none, and one update for every replica.
        db.transaction(() => {
          this.commitCoreChange(bodyId, (doc) => {
            const map = doc.getMap('members');
            for (const person of result.people) map.set(person.id, person);
          });
          projectBody(db, docs, bodyId);
          reprojectRecentMeetings(db, docs, bodyId);
        })();
        return { imported: result.people.length, encoding: result.encoding, warnings: result.warnings.map((w) => w.message) };
      },

      'meetings.list': ({ bodyId }) => {
        const { db } = this.ready();
        this.flushProjections();
        const rows = bodyId
          ? db.prepare('SELECT * FROM meeting WHERE body_id = ? ORDER BY date DESC, start_time DESC, created_at DESC').all(bodyId)
          : db.prepare('SELECT * FROM meeting ORDER BY date DESC, start_time DESC, created_at DESC').all();
        return (rows as MeetingRow[]).map(rowToMeeting);
      },
      'meetings.create': ({ bodyId, date, title, startTime, endTime, place, dnr }) => {
        const { db, docs } = this.ready();
        const body = db.prepare('SELECT * FROM body WHERE id = ?').get(bodyId) as BodyRow | undefined;
        if (!body) throw notFound('Organet', 'The body');
        const profile = readProfile(docs.get(bodyId));
        const id = randomUUID();
        const createdAt = new Date().toISOString();
        const meetingTitle = title && title.length > 0 ? title : `${body.name} ${date}`;
        // The standard agenda of the body's profile, as § items ready to be minuted.
        const agenda = [...(profile?.agenda.opening ?? []), ...(profile?.agenda.closing ?? [])].map((a) =>
          newItem(() => randomUUID(), a.title, { agendaKey: a.key }),
        );
        // The follow-up item drafted from the register (issue 6, main/core/followUp.ts).
        this.flushProjections();
        const writeFollowUp = prepareFollowUp(db, bodyId, date, agenda, () => randomUUID());
        db.transaction(() => {
          docs.create(id, 'meeting', (doc) => {
            const meta = doc.getMap('meta');
            meta.set('bodyId', bodyId);
            meta.set('title', meetingTitle);
            meta.set('date', date);
            meta.set('status', 'planerat');
            meta.set('createdAt', createdAt);
            if (startTime) meta.set('startTime', startTime);
            if (endTime) meta.set('endTime', endTime);
            if (place) meta.set('place', place);
            if (dnr) meta.set('dnr', dnr);
            // The content type exists from the first update, so every replica binds to the same one.
            const content = doc.get('content', Y.XmlText);
            if (agenda.length > 0) content.applyDelta(slateNodesToInsertDelta(agenda as unknown as SlateNode[]));
            writeFollowUp(doc);
          });
          const { year } = projectMeeting(db, docs, id);
          renumberBody(db, bodyId, year);
          projectRegister(db, docs, id);
        })();
        this.emit('meetings.changed', { bodyId });
        return rowToMeeting(db.prepare('SELECT * FROM meeting WHERE id = ?').get(id) as MeetingRow);
      },
      'meetings.recordEarlier': ({ bodyId, date, firstNumber, lastNumber, title }) => {
        const { db, docs } = this.ready();
        const body = db.prepare('SELECT * FROM body WHERE id = ?').get(bodyId) as BodyRow | undefined;
        if (!body) throw notFound('Organet', 'The body');
        const scheme = bodyScheme(db, bodyId);
        if (scheme.kind !== 'yearly') {
          throw new ParagrafError(
            'INVALID_INPUT',
            'Organets numrering börjar om vid varje möte, så tidigare möten påverkar inte numren. Inget har sparats.',
            'The body’s numbering restarts at every meeting, so earlier meetings do not affect the numbers. Nothing was saved.',
          );
        }
        this.flushProjections();
        if (yearMeetings(db, bodyId, date.slice(0, 4)).some((m) => m.date === date && !('recorded' in m))) {
          throw new ParagrafError(
            'CONFLICT',
            `Det finns redan ett möte i Paragraf den ${date}. Ett tidigare möte läggs bara in för möten som protokollfördes utanför Paragraf. Inget har sparats.`,
            `There is already a meeting in Paragraf on ${date}. An earlier meeting is recorded only for meetings minuted outside Paragraf. Nothing was saved.`,
          );
        }
        const id = randomUUID();
        const createdAt = new Date().toISOString();
        const first = firstNumber ?? 1;
        db.transaction(() => {
          docs.create(id, 'meeting', (doc) => {
            const meta = doc.getMap('meta');
            meta.set('bodyId', bodyId);
            meta.set('title', title && title.length > 0 ? title : `${body.name} ${date}`);
            meta.set('date', date);
            meta.set('status', 'avslutat');
            meta.set('createdAt', createdAt);
            meta.set('recorded', { first, last: lastNumber });
            doc.get('content', Y.XmlText);
          });
          const { year } = projectMeeting(db, docs, id);
          renumberBody(db, bodyId, year);
        })();
        this.emit('meetings.changed', { bodyId });
        return rowToMeeting(db.prepare('SELECT * FROM meeting WHERE id = ?').get(id) as MeetingRow);
      },
      'meetings.setStatus': ({ meetingId, status }) => {
        const { db, docs } = this.ready();
        if (docs.kindOf(meetingId) !== 'meeting') throw notFound('Mötet', 'The meeting');
        this.flushProjections();
        const doc = docs.get(meetingId);
        if (readRecorded(doc)) {
          throw new ParagrafError(
            'CONFLICT',
            'Mötet protokollfördes utanför Paragraf; bara dess datum och paragrafnummer finns här.',
            'The meeting was minuted outside Paragraf; only its date and § numbers are kept here.',
          );
        }
        const current = String(doc.getMap('meta').get('status') ?? 'planerat');
        if (current === 'justerat') {
          throw new ParagrafError('CONFLICT', 'Protokollet är justerat och kan inte öppnas igen. Ändringar görs som rättelse.', 'The minutes are adjusted (justerat) and cannot be reopened. Changes are made as a correction.');
        }
        if (current !== status) {
          db.transaction(() => {
            const { bodyId, year } = projectMeeting(db, docs, meetingId);
            let frozen: FrozenNumbers | null = null;
            if (current === 'planerat') {
              // Starting: the numbers the secretary sees now are the ones the minutes keep.
              const others = yearMeetings(db, bodyId, year);
              const self = others.find((m) => m.id === meetingId) as ManagedMeeting;
              frozen = freezeNumbers(numberMeeting({ scheme: bodyScheme(db, bodyId), meeting: self, otherMeetings: others }));
            }
            this.commitCoreChange(meetingId, (d) => {
              const meta = d.getMap('meta');
              meta.set('status', status);
              if (frozen) {
                meta.set('startedAt', new Date().toISOString());
                const items = d.getMap<number>('frozenItems');
                const subs = d.getMap<number>('frozenSubItems');
                for (const [k, v] of Object.entries(frozen.items)) items.set(k, v);
                for (const [k, v] of Object.entries(frozen.subItems)) subs.set(k, v);
              }
            });
            projectMeeting(db, docs, meetingId);
            renumberBody(db, bodyId, year);
          })();
          this.emit('meetings.changed', { bodyId: String(doc.getMap('meta').get('bodyId')) });
        }
        return rowToMeeting(db.prepare('SELECT * FROM meeting WHERE id = ?').get(meetingId) as MeetingRow);
      },
      'meetings.items': ({ meetingId }) => {
        const { db, docs } = this.ready();
        if (docs.kindOf(meetingId) !== 'meeting') throw notFound('Mötet', 'The meeting');
        this.flushProjections();
        return itemRows(db, meetingId);
      },
      'meetings.numbering': ({ meetingId }) => {
        const { db, docs } = this.ready();
        if (docs.kindOf(meetingId) !== 'meeting') throw notFound('Mötet', 'The meeting');
        this.flushProjections();
        const m = db.prepare('SELECT body_id, date FROM meeting WHERE id = ?').get(meetingId) as { body_id: string; date: string };
        const scheme = bodyScheme(db, m.body_id);
        const meetings = yearMeetings(db, m.body_id, m.date.slice(0, 4));
        const diagnostics = numberYear(scheme, meetings).diagnostics.map((d) => ({ ...d, meetingIds: [...d.meetingIds], numbers: [...d.numbers], itemIds: [...d.itemIds] }));
        const otherMeetings = meetings
          .filter((x) => x.id !== meetingId)
          .map((x) => ('recorded' in x ? { ...x, recorded: [...x.recorded] } : { ...x, items: x.items.map((i) => ({ id: i.id, subItems: (i.subItems ?? []).map((sub) => ({ id: sub.id })) })) }));
        return { scheme, otherMeetings, diagnostics };
      },
      'projections.rebuild': () => {
        const { db, docs } = this.ready();
        this.flushProjections();
        return rebuildAll(db, docs);
      },

      'docs.open': ({ docId }) => {
        const { docs } = this.ready();
        return { docId, update: toBase64(docs.encodeState(docId)), savedSeq: docs.savedSeq(docId) };
      },
      'docs.sync': ({ docId, stateVector }) => {
        const { docs } = this.ready();
        let sv: Uint8Array;
        try {
          sv = fromBase64(stateVector);
          return { docId, update: toBase64(docs.diff(docId, sv)) };
        } catch (err) {
          if (err instanceof ParagrafError) throw err;
          throw new ParagrafError('INVALID_UPDATE', 'Synkroniseringen kunde inte läsas.', 'The sync request could not be read.', String(err));
        }
      },
      'docs.applyUpdate': ({ docId, update }, ctx) => {
        const { db, docs } = this.ready();
        // A justerat protocol is locked: refused before the update touches the document or the log.
        assertWritable(db, docId);
        const bytes = fromBase64(update);
        const saved = docs.applyUpdate(docId, bytes);
        this.scheduleProjection(docId);
        const result = { docId, seq: saved.seq, savedAt: saved.savedAt };
        this.emit('docs.updated', { docId, update, sourceId: ctx.clientId }, ctx.clientId);
        this.emit('docs.saved', result);
        return result;
      },
      'sync.configure': ({ server }) => {
        this.ready();
        return this.sync!.configure(server);
      },
      'sync.status': ({ docId }) => {
        this.ready();
        return this.sync!.status(docId);
      },
      'sync.setPresence': (settings) => {
        this.ready();
        return this.sync!.setPresence(settings);
      },
      'presence.here': ({ docId, cursor }, ctx) => {
        const { docs } = this.ready();
        if (docs.kindOf(docId) !== 'meeting') throw notFound('Mötet', 'The meeting');
        return { docId, peers: this.sync!.setHere(docId, ctx.clientId, cursor) };
      },
      'presence.leave': ({ docId }, ctx) => {
        this.ready();
        this.sync!.leave(docId, ctx.clientId);
        return { docId };
      },
    };
  }

  /** The meeting's row was re-projected (e.g. its status changed): re-project and tell the windows. */
  private meetingChanged(meetingId: string): void {
    const { db, docs } = this.ready();
    const { bodyId } = projectMeeting(db, docs, meetingId);
    this.emit('meetings.changed', { bodyId });
  }

  private locker(): Locker {
    const { db, docs } = this.ready();
    return { db, docs, commitCoreChange: (docId, change) => this.commitCoreChange(docId, change), projected: (id) => this.meetingChanged(id) };
  }

  /**
   * Locks travel in the meeting documents (src/export/lock.ts): a lock made here before they did
   * is written into its document, and one that reached a document while this Core could not
   * adopt it is adopted. Never stops the app from opening.
   */
  private shareLocks(): void {
    if (!this.db || !this.docs) return;
    try {
      shareLocalLocks(this.locker());
    } catch (err) {
      console.error('paragraf: locks could not be shared', err);
    }
  }

  /** After an update from the server: a lock made on another computer locks the meeting here too. */
  private adoptLock(docId: string): void {
    try {
      adoptSharedLock(this.locker(), docId);
    } catch (err) {
      console.error(`paragraf: the lock of ${docId} could not be adopted`, err);
    }
  }

  /** The sync manager of the open database, for tests that simulate a lost network. */
  get syncManager(): SyncManager | null {
    return this.sync;
  }

  private startSync(): void {
    if (!this.db || !this.docs) return;
    this.sync = new SyncManager({
      db: this.db,
      docs: this.docs,
      emit: (event, payload) => this.emit(event, payload),
      scheduleProjection: (docId) => {
        // Before anything else can write to it: a document that now says it is locked is locked.
        this.adoptLock(docId);
        this.scheduleProjection(docId);
      },
      commitCoreChange: (docId, change) => this.commitCoreChange(docId, change),
      tuning: this.options.sync,
      ...(this.options.secrets ? { secrets: this.options.secrets } : {}),
    });
    try {
      this.sync.start();
    } catch (err) {
      // Syncing is optional: the app works on this computer whatever happens here.
      console.error('paragraf: sync could not start', err);
    }
  }

  /**
   * A meeting's moves and joins are watched: text typed here that another computer's move of an
   * item (or join of two paragraphs) dropped into the deleted original is put back into the
   * moved item (or the joined paragraph) (src/protocol/moveRescue.ts).
   * After the transaction that lost it is logged (a microtask later), as a change of its own.
   */
  private watchMoves(id: string, doc: Y.Doc): void {
    const docs = this.docs;
    if (!docs || docs.kindOf(id) !== 'meeting') return;
    watchMoves(doc, docs.isOwn(id), (lost) =>
      queueMicrotask(() => {
        if (this.docs !== docs || readLockRecord(doc)) return; // closed meanwhile, or justerat: a rättelse's matter
        try {
          this.commitCoreChange(id, (d) => restoreLost(d, lost));
          console.warn(`paragraf: ${lost.length} piece(s) of text typed here, dropped by a move or join made elsewhere, put back in ${id}`);
          this.scheduleProjection(id);
        } catch (err) {
          console.error(`paragraf: text dropped by a move or join could not be put back in ${id}`, err);
        }
      }),
    );
  }

  /** Sends a Core-made change to every replica (no client made it, so none is left out). */
  private commitCoreChange(docId: string, change: (doc: Y.Doc) => void): void {
    const { docs } = this.ready();
    const saved = docs.transactLocal(docId, change);
    if (!saved) return;
    this.emit('docs.updated', { docId, update: toBase64(saved.update), sourceId: 'core' });
    this.emit('docs.saved', { docId, seq: saved.seq, savedAt: saved.savedAt });
  }

  private readonly pendingProjections = new Set<string>();
  private projectionTimer: ReturnType<typeof setTimeout> | null = null;

  private scheduleProjection(docId: string): void {
    this.pendingProjections.add(docId);
    if (this.projectionTimer) clearTimeout(this.projectionTimer);
    this.projectionTimer = setTimeout(() => {
      this.projectionTimer = null;
      try {
        this.flushProjections();
      } catch (err) {
        // A projection is derived data: log and carry on; the document itself is safe.
        console.error('paragraf: projection failed', err);
      }
    }, PROJECTION_DELAY_MS);
    this.projectionTimer.unref?.();
  }

  /**
   * Brings the projections of changed documents up to date now. Reads that depend on them
   * call this first, so they never see rows older than the documents.
   */
  flushProjections(): void {
    if (!this.db || !this.docs || this.pendingProjections.size === 0) return;
    const { db, docs } = this.ready();
    const ids = [...this.pendingProjections];
    this.pendingProjections.clear();
    if (this.projectionTimer) clearTimeout(this.projectionTimer);
    this.projectionTimer = null;
    const years = new Set<string>();
    const renumbered = new Set<string>();
    // Each document in a savepoint of its own: one bad document (a date that is no calendar
    // date, written by another computer or an older version) keeps its old rows and is
    // logged, and every other document of the batch is still projected.
    const guarded = (what: string, step: () => void): void => {
      try {
        db.transaction(step)();
      } catch (err) {
        console.error(`paragraf: projection of ${what} failed; its rows are left as they were`, err);
      }
    };
    db.transaction(() => {
      for (const id of ids) {
        guarded(id, () => {
          const kind = docs.kindOf(id);
          if (kind === 'body' && projectBody(db, docs, id)) renumberBodyYears(db, id);
          if (kind === 'meeting') {
            // Typing changes no number: the year is renumbered only when the order of items,
            // the date or the frozen numbers changed.
            const { bodyId, year, numberingChanged } = projectMeeting(db, docs, id);
            if (numberingChanged) {
              years.add(`${bodyId}\u0000${year}`);
              renumbered.add(id);
            }
          }
        });
      }
      for (const key of years) {
        const [bodyId, year] = key.split('\u0000') as [string, string];
        guarded(`${bodyId} ${year}`, () => renumberBody(db, bodyId, year));
      }
      for (const id of ids) if (docs.kindOf(id) === 'meeting') guarded(`${id} (register)`, () => projectRegister(db, docs, id));
      for (const id of ids) if (docs.kindOf(id) === 'body') guarded(`${id} (register)`, () => reprojectRecentMeetings(db, docs, id));
    })();
    for (const id of renumbered) this.freezeNewItems(id);
  }

  /**
   * After the start, an item added later gets the next free number for good: the engine's
   * `toFreeze` is written back into the document, so moving it later does not renumber it.
   */
  private freezeNewItems(meetingId: string): void {
    const { db, docs } = this.ready();
    const doc = docs.get(meetingId);
    const frozen = readFrozen(doc);
    if (!frozen) return;
    const m = db.prepare('SELECT body_id, date FROM meeting WHERE id = ?').get(meetingId) as { body_id: string; date: string } | undefined;
    if (!m) return;
    const meetings = yearMeetings(db, m.body_id, m.date.slice(0, 4));
    const self = meetings.find((x) => x.id === meetingId);
    if (!self || 'recorded' in self) return;
    const { toFreeze } = numberMeeting({ scheme: bodyScheme(db, m.body_id), meeting: self, otherMeetings: meetings });
    if (Object.keys(toFreeze.items).length === 0 && Object.keys(toFreeze.subItems).length === 0) return;
    this.commitCoreChange(meetingId, (d) => {
      const items = d.getMap<number>('frozenItems');
      const subs = d.getMap<number>('frozenSubItems');
      for (const [k, v] of Object.entries(toFreeze.items)) if (!items.has(k)) items.set(k, v);
      for (const [k, v] of Object.entries(toFreeze.subItems)) if (!subs.has(k)) subs.set(k, v);
    });
    projectMeeting(db, docs, meetingId);
    renumberBody(db, m.body_id, m.date.slice(0, 4));
  }

  private closeDb(): void {
    this.sync?.stop();
    this.sync = null;
    this.docs?.close();
    this.docs = null;
    this.db?.close();
    this.db = null;
  }

  close(): void {
    try {
      this.flushProjections();
    } catch (err) {
      console.error('paragraf: projection at close failed', err);
    }
    if (this.backupTimer) clearInterval(this.backupTimer);
    this.backupTimer = null;
    this.listeners.clear();
    this.closeDb();
  }
}

function notFound(whatSv: string, whatEn: string): ParagrafError {
  return new ParagrafError('NOT_FOUND', `${whatSv} finns inte. Välj i listan.`, `${whatEn} does not exist. Choose one from the list.`);
}

function describeProblem(err: unknown): Problem {
  const detail = err instanceof Error ? err.message : String(err);
  if (err instanceof ParagrafError && err.code === 'DATABASE_TOO_NEW') {
    return { kind: 'too-new', message: { sv: err.sv, en: err.en }, detail };
  }
  return {
    kind: 'corrupt',
    message: {
      sv: 'Databasfilen är skadad och kunde inte läsas. Den har inte ändrats. Välj en säkerhetskopia nedan för att fortsätta; den skadade filen sparas bredvid.',
      en: 'The database file is damaged and could not be read. It has not been changed. Choose a backup below to continue; the damaged file is kept beside it.',
    },
    detail,
  };
}
