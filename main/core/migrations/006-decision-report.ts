import type { Migration } from './index';

/**
 * Where a decision was reported back (återkoppling): the follow-up walk links each drafted line
 * of a meeting's "Föregående sammanträdesprotokoll" to its source decisions in that meeting's
 * document (`followUpLinks`). Projected from there, so the register can show "återrapporterat
 * § 104, 2021-06-04" beside the decision. Derived data, rebuilt with the register.
 */
export const m006DecisionReport: Migration = {
  name: '006-decision-report',
  up(db) {
    db.exec(`
      CREATE TABLE decision_report (
        -- The decision reported back (its meeting and id in the decision table).
        source_meeting_id  TEXT NOT NULL,
        decision_id        TEXT NOT NULL,
        -- The later meeting and the item where the återkoppling stands.
        meeting_id         TEXT NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        item_id            TEXT NOT NULL,
        PRIMARY KEY (source_meeting_id, decision_id, meeting_id)
      ) STRICT;
      CREATE INDEX decision_report_by_meeting ON decision_report(meeting_id);
    `);
  },
};
