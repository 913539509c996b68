-- Seeds :checks published registrations whose remotes the checks measurement checks (bench/README.md, "Admission
-- checks"), into a migrated registry database, set-based; bench/sql/seed.sql may have seeded it before.
--
--   psql "$URL" -v checks=2000 -v port=18083 -f bench/sql/seed-checks.sql
--
-- The data:
--   * one submitter and one reviewer (tenant 'bench-checks');
--   * servers com.bench.checks/remote-1 … remote-:checks, one version (1.0.0) each, Approved, published and latest,
--     owned by the submitter; each version's server.json has one streamable-http remote, a distinct URL on the demo
--     MCP server the benchmark runs on 127.0.0.1::port (http://127.0.0.1::port/n<i>/mcp: it answers at any path
--     ending in /mcp), with its locator (changeset 019) as com.mcpregistry.domain.serverjson.Locator writes it;
--   * for each remote a row of check_schedule (changesets 020 and 021) as the registration service leaves a
--     published version's remote: periodic, health unknown, not leased, never checked, and not due (next_due_at
--     NULL) until the measurement makes it due; scheduled in the servers' order;
--   * no approval snapshot: the first check after an approval keeps it (DriftWatch), which the measurement's first
--     round does;
--   * no audit events: the measurement neither reads nor verifies the trail, and the checks of a remote whose tools
--     never change append none.
\set ON_ERROR_STOP on
\timing on

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM registrations WHERE server_name LIKE 'com.bench.checks/%') THEN
        RAISE EXCEPTION 'the check registrations are seeded already';
    END IF;
END
$$;

BEGIN;

CREATE TEMPORARY TABLE seed_check_users ON COMMIT DROP AS
SELECT role, gen_random_uuid() AS id FROM unnest(ARRAY['submitter', 'reviewer']) AS role;

INSERT INTO users (id, tid, oid, email, display_name, is_admin, created_at, updated_at, last_seen_at)
SELECT id, 'bench-checks', 'checks-' || role, role || '@checks.bench.example', 'Bench Checks ' || initcap(role),
       role = 'reviewer', now() - interval '30 days', now() - interval '30 days', now() - interval '1 day'
  FROM seed_check_users;

CREATE TEMPORARY TABLE seed_check_servers ON COMMIT DROP AS
SELECT i, gen_random_uuid() AS id, 'com.bench.checks/remote-' || i AS name,
       'http://127.0.0.1:' || :port || '/n' || i || '/mcp' AS url,
       now() - interval '1 day' - i * interval '1 second' AS created_at
  FROM generate_series(1, :checks) AS i;

INSERT INTO registrations (id, server_name, version, title, description, server_json, owner_contact, tags,
                           submitter_id, status, reviewed_by, reviewed_at, created_at, updated_at, row_version,
                           published_at, is_latest)
SELECT s.id, s.name, '1.0.0', 'Checked remote ' || s.i, 'The demo MCP server at path n' || s.i || ', checked by the bench',
       -- The document as ServerJsonText writes it: one remote.
       jsonb_build_object(
           '$schema', 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json',
           'name', s.name, 'description', 'The demo MCP server at path n' || s.i || ', checked by the bench',
           'title', 'Checked remote ' || s.i, 'version', '1.0.0',
           'remotes', jsonb_build_array(jsonb_build_object('type', 'streamable-http', 'url', s.url))),
       'checks@bench.example', ARRAY['bench', 'checks'],
       submitter.id, 'Approved', reviewer.id, s.created_at + interval '1 hour', s.created_at,
       s.created_at + interval '1 hour', 2, s.created_at + interval '1 hour', true
  FROM seed_check_servers AS s
  JOIN seed_check_users AS submitter ON submitter.role = 'submitter'
  JOIN seed_check_users AS reviewer ON reviewer.role = 'reviewer';

INSERT INTO registration_locators (registration_id, server_name, locator)
SELECT id, name, 'remote ' || url FROM seed_check_servers;

INSERT INTO server_owners (server_name, user_id, added_at)
SELECT s.name, submitter.id, s.created_at
  FROM seed_check_servers AS s
  JOIN seed_check_users AS submitter ON submitter.role = 'submitter';

-- One row at a time in the servers' order, so that scheduled_order (an identity) follows it.
INSERT INTO check_schedule (registration_id, remote_url, transport, next_due_at, periodic)
SELECT id, url, 'streamable-http', NULL, true FROM seed_check_servers ORDER BY i;

COMMIT;

VACUUM (ANALYZE) users;
VACUUM (ANALYZE) registrations;
VACUUM (ANALYZE) registration_locators;
VACUUM (ANALYZE) server_owners;
VACUUM (ANALYZE) check_schedule;

SELECT count(*) AS scheduled_remotes FROM check_schedule
 WHERE registration_id IN (SELECT id FROM registrations WHERE server_name LIKE 'com.bench.checks/%');
