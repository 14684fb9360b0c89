-- Paragraf sync server: the least-privilege set-up inside Paragraf's database.
--
-- Run once as a superuser (or the database owner), connected to Paragraf's database:
--   psql -d paragraf -v ON_ERROR_STOP=1 -f server/sql/postgres-setup.sql
-- after creating the two roles and the database (server/README.md, "PostgreSQL"):
--   paragraf_owner  owns the schema and its tables; used only to run `migrate`
--   paragraf_app    the server itself: reads and writes rows of Paragraf's tables, nothing more
--                   (no DDL, no other schema, no TRUNCATE, no superuser, no CREATEDB/CREATEROLE)
-- The schema is named paragraf, as PARAGRAF_DATABASE_SCHEMA defaults to; change both together.

-- Nobody but the two roles connects; nobody creates objects in public.
DO $$
BEGIN
  EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO paragraf_owner, paragraf_app', current_database());
END
$$;
REVOKE ALL ON SCHEMA public FROM PUBLIC;

CREATE SCHEMA IF NOT EXISTS paragraf AUTHORIZATION paragraf_owner;
REVOKE ALL ON SCHEMA paragraf FROM PUBLIC;
GRANT USAGE ON SCHEMA paragraf TO paragraf_app;

-- Tables and sequences the owner creates later (each `migrate`) are usable by the server ...
ALTER DEFAULT PRIVILEGES FOR ROLE paragraf_owner IN SCHEMA paragraf
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO paragraf_app;
ALTER DEFAULT PRIVILEGES FOR ROLE paragraf_owner IN SCHEMA paragraf
  GRANT USAGE ON SEQUENCES TO paragraf_app;

-- ... and so are those that already exist (when this file is run again after a migrate).
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA paragraf TO paragraf_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA paragraf TO paragraf_app;
