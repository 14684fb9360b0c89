/**
 * Numbered migrations. Migration N (1-based) brings the schema from N−1 to N; `user_version`
 * records where a database is. Never edit a released migration: add a new one, with its own
 * test in tests/integration/migrations/.
 */
import type Database from 'better-sqlite3';
import { m001Init } from './001-init';
import { m002Projections } from './002-projections';
import { m003RegisterSearch } from './003-register-search';
import { m004Sync } from './004-sync';
import { m005Justering } from './005-justering';
import { m006DecisionReport } from './006-decision-report';
import { m007SyncSecretsPresence } from './007-sync-secrets-presence';
import { m008LocalClients } from './008-local-clients';

export interface Migration {
  name: string;
  up(db: Database.Database): void;
}

export const migrations: Migration[] = [m001Init, m002Projections, m003RegisterSearch, m004Sync, m005Justering, m006DecisionReport, m007SyncSecretsPresence, m008LocalClients];
