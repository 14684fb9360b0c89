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
import { backupFile, createBackup, listBackups, replaceWithBackup } from './backups';
import { version } from './version';

export interface CoreOptions {
  dataDir: string;
  /** Take a rolling backup this often while running (ms); 0 turns the timer off. */
  backupIntervalMs?: number;
  backupsToKeep?: number;
  compactThreshold?: number;
}

type Problem = NonNullable<AppStatus['problem']>;
export type CoreEventListener = (event: EventName, payload: unknown, exceptClientId?: string) => void;

interface BodyRow {
  id: string;
  name: string;
  genre: Body['genre'];
  created_at: string;
}
interface MeetingRow {
  id: string;
  body_id: string;
  title: string;
  date: string;
  status: Meeting['status'];
  created_at: string;
  updated_at: string;
}

const rowToBody = (r: BodyRow): Body => ({ id: r.id, name: r.name, genre: r.genre, createdAt: r.created_at });
const rowToMeeting = (r: MeetingRow): Meeting => ({
  id: r.id,
  bodyId: r.body_id,
  title: r.title,
  date: r.date,
  status: r.status,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

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
  private readonly options: Required<CoreOptions>;

  private constructor(options: CoreOptions) {
    this.options = { backupIntervalMs: 30 * 60_000, backupsToKeep: 10, compactThreshold: 500, ...options };
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
    if (core.db && core.options.backupIntervalMs > 0) {
      core.backupTimer = setInterval(() => void core.backupNow().catch(() => undefined), core.options.backupIntervalMs);
      core.backupTimer.unref();
      // A backup shortly after each start, once the database has proved healthy.
      setTimeout(() => void core.backupNow().catch(() => undefined), 2_000).unref();
    }
    return core;
  }

  private openDb(): void {
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
    this.closeDb();
    replaceWithBackup(this.dbFile, file);
    this.openDb();
    if (!this.db) {
      throw new ParagrafError(
        'DATABASE_CORRUPT',
        'Säkerhetskopian kunde inte öppnas. Välj en äldre kopia.',
        'The backup could not be opened. Choose an older one.',
        this.problem?.detail,
      );
    }
    this.restoredFrom = backupId;
    return this.status();
  }

  private createHandlers(): ApiHandlers {
    return {
      'app.status': () => this.status(),
      'backups.create': () => this.backupNow(),
      'recovery.restoreBackup': ({ backupId }) => this.restore(backupId),

      'bodies.list': () => {
        const { db } = this.ready();
        return (db.prepare('SELECT * FROM body ORDER BY name COLLATE NOCASE').all() as BodyRow[]).map(rowToBody);
      },
      'bodies.create': ({ name, genre }) => {
        const { db, docs } = this.ready();
        const id = randomUUID();
        const now = new Date().toISOString();
        db.transaction(() => {
          docs.create(id, 'body', (doc) => {
            const profile = doc.getMap('profile');
            profile.set('name', name);
            profile.set('genre', genre);
          });
          db.prepare('INSERT INTO body (id, name, genre, created_at) VALUES (?, ?, ?, ?)').run(id, name, genre, now);
        })();
        return { id, name, genre, createdAt: now };
      },

      'meetings.list': ({ bodyId }) => {
        const { db } = this.ready();
        const rows = bodyId
          ? db.prepare('SELECT * FROM meeting WHERE body_id = ? ORDER BY date DESC, created_at DESC').all(bodyId)
          : db.prepare('SELECT * FROM meeting ORDER BY date DESC, created_at DESC').all();
        return (rows as MeetingRow[]).map(rowToMeeting);
      },
      'meetings.create': ({ bodyId, date, title }) => {
        const { db, docs } = this.ready();
        const body = db.prepare('SELECT * FROM body WHERE id = ?').get(bodyId) as BodyRow | undefined;
        if (!body) {
          throw new ParagrafError('NOT_FOUND', 'Organet finns inte. Välj ett organ i listan.', 'The body does not exist. Choose one from the list.');
        }
        const id = randomUUID();
        const now = new Date().toISOString();
        const meetingTitle = title && title.length > 0 ? title : `${body.name} ${date}`;
        db.transaction(() => {
          docs.create(id, 'meeting', (doc) => {
            const meta = doc.getMap('meta');
            meta.set('bodyId', bodyId);
            meta.set('title', meetingTitle);
            meta.set('date', date);
            meta.set('status', 'planerat');
            // The content type exists from the first update, so every replica binds to the same one.
            doc.get('content', Y.XmlText);
          });
          db.prepare(
            'INSERT INTO meeting (id, body_id, title, date, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
          ).run(id, bodyId, meetingTitle, date, 'planerat', now, now);
        })();
        this.emit('meetings.changed', { bodyId });
        return { id, bodyId, title: meetingTitle, date, status: 'planerat', createdAt: now, updatedAt: now };
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
        const { docs } = this.ready();
        const bytes = fromBase64(update);
        const saved = docs.applyUpdate(docId, bytes);
        const result = { docId, seq: saved.seq, savedAt: saved.savedAt };
        this.emit('docs.updated', { docId, update, sourceId: ctx.clientId }, ctx.clientId);
        this.emit('docs.saved', result);
        return result;
      },
    };
  }

  private closeDb(): void {
    this.docs?.close();
    this.docs = null;
    this.db?.close();
    this.db = null;
  }

  close(): void {
    if (this.backupTimer) clearInterval(this.backupTimer);
    this.backupTimer = null;
    this.listeners.clear();
    this.closeDb();
  }
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
