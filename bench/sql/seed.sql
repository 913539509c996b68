-- Seeds :rows registrations, their submitters and their audit events into a freshly migrated, empty registry
-- database, set-based (INSERT … SELECT … FROM generate_series): a million registrations and their two million
-- audit events take under three minutes on 2 cores.
--
--   psql "$URL" -v rows=1000000 -f bench/sql/seed.sql
--
-- The data:
--   * 1,000 submitters and one reviewer (tenant 'bench-seed');
--   * servers of 4 versions each (1.0.0 … 1.3.0), so :rows / 4 server names over 1,000 namespaces; each version's
--     server.json has one remote, and one server in five also an npm package; all versions of a server share its
--     remote URL and package, as the locator rule allows;
--   * status by position: 80 % Approved, 10 % Pending, 5 % Rejected, 5 % Deprecated, with the reviewer, review
--     time, reason and row version each workflow step leaves;
--   * titles and descriptions built from word lists of prime length, so that a word such as 'quokka' (the
--     benchmark's common search term) is in about 1 % of titles and descriptions at any size, and 'zebrafish'
--     (its rare term) in the descriptions of exactly 10 servers, 40 registrations, at any size;
--   * published_at and is_latest as the registration service keeps them (changeset 008) for the MCP Registry API;
--   * creation times one every 13 s back from an hour ago, newest first in the keyset indexes;
--   * each server owned by the submitter of its first version, as changeset 018 makes it;
--   * one audit event per workflow step (submit; approve or reject; deprecate), in time order, with the hash
--     chain computed here exactly as com.mcpregistry.domain.audit.AuditChain computes it, so that
--     `mcp-registry admin audit verify` accepts the seeded trail.
\set ON_ERROR_STOP on
\timing on

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM registrations) OR EXISTS (SELECT 1 FROM audit_log) THEN
        RAISE EXCEPTION 'the bench seeds an empty registry only';
    END IF;
END
$$;

BEGIN;
SET LOCAL work_mem = '256MB';

-- Bulk load: the indexes and the key, unique, exclusion and foreign-key constraints of the two big tables (and the
-- foreign keys that reference them) are dropped for the load and made again from their own definitions afterwards
-- (one sorted build instead of a million inserts each), and the result is checked against those definitions.
CREATE TEMPORARY TABLE seed_deferred ON COMMIT DROP AS
SELECT c.conrelid::regclass::text AS table_name, c.conname AS name, 'constraint' AS kind,
       pg_get_constraintdef(c.oid) AS definition,
       CASE c.contype WHEN 'p' THEN 1 WHEN 'f' THEN 4 ELSE 2 END AS build_order
  FROM pg_constraint AS c
 WHERE c.contype IN ('p', 'u', 'x', 'f')
   AND (c.conrelid IN ('registrations'::regclass, 'audit_log'::regclass, 'registration_locators'::regclass)
        OR c.confrelid IN ('registrations'::regclass, 'audit_log'::regclass))
UNION ALL
SELECT i.indrelid::regclass::text, i.indexrelid::regclass::text, 'index', pg_get_indexdef(i.indexrelid), 3
  FROM pg_index AS i
 WHERE i.indrelid IN ('registrations'::regclass, 'audit_log'::regclass)
   AND NOT EXISTS (SELECT 1 FROM pg_constraint AS c WHERE c.conindid = i.indexrelid);

SELECT CASE kind WHEN 'constraint' THEN format('ALTER TABLE %s DROP CONSTRAINT %I', table_name, name)
                 ELSE format('DROP INDEX %s', name) END
  FROM seed_deferred ORDER BY build_order DESC \gexec

CREATE TEMPORARY TABLE seed_users ON COMMIT DROP AS
SELECT k, gen_random_uuid() AS id FROM generate_series(0, 1000) AS k;  -- k = 1000 is the reviewer

INSERT INTO users (id, tid, oid, email, display_name, is_admin, created_at, updated_at, last_seen_at)
SELECT id, 'bench-seed', 'seed-' || k,
       CASE WHEN k = 1000 THEN 'reviewer@bench.example' ELSE 'submitter' || k || '@bench.example' END,
       CASE WHEN k = 1000 THEN 'Bench Reviewer' ELSE 'Bench Submitter ' || k END,
       k = 1000, now() - interval '400 days', now() - interval '400 days', now() - interval '1 day'
  FROM seed_users;

INSERT INTO registrations (id, server_name, version, title, description, server_json, owner_contact, tags,
                           submitter_id, status, status_reason, reviewed_by, reviewed_at, created_at, updated_at,
                           row_version, published_at, is_latest)
SELECT gen_random_uuid(), name, version, title, description,
       -- The document as ServerJsonText writes it: one remote, and for one server in five an npm package too.
       jsonb_strip_nulls(jsonb_build_object(
           '$schema', 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json',
           'name', name, 'description', description, 'title', title, 'version', version,
           'websiteUrl', CASE WHEN n % 2 = 0 THEN 'https://docs.bench.example/' || tool || '-' || s END,
           'repository', jsonb_build_object('url', 'https://git.bench.example/team' || team || '/' || tool || '-' || s,
                                            'source', 'git.bench.example'),
           'packages', CASE WHEN s % 5 = 0 THEN jsonb_build_array(jsonb_build_object(
               'registryType', 'npm', 'identifier', '@bench/' || tool || '-' || s, 'version', version,
               'transport', jsonb_build_object('type', 'stdio'))) END,
           'remotes', jsonb_build_array(jsonb_build_object(
               'type', CASE WHEN n % 5 = 0 THEN 'sse' ELSE 'streamable-http' END,
               'url', 'https://srv' || s || '.mcp.bench.example/mcp')))),
       'team' || team || '@bench.example',
       ARRAY['bench', noun],
       submitter.id,
       status,
       CASE status WHEN 'Rejected' THEN 'The endpoint is not reachable from the corporate network'
                   WHEN 'Deprecated' THEN 'Superseded by a newer version' END,
       CASE WHEN status <> 'Pending' THEN reviewer.id END,
       CASE WHEN status <> 'Pending' THEN created_at + interval '1 hour' END,
       created_at,
       created_at + CASE status WHEN 'Pending' THEN interval '0' WHEN 'Deprecated' THEN interval '2 hours'
                                ELSE interval '1 hour' END,
       CASE status WHEN 'Pending' THEN 1 WHEN 'Deprecated' THEN 3 ELSE 2 END,
       -- Published at its approval; of a server's versions 1.0.0 … 1.3.0 the highest Approved one is the latest,
       -- which by the status rule above is 1.3.0 for four servers in five and none for the fifth.
       CASE WHEN status IN ('Approved', 'Deprecated') THEN created_at + interval '1 hour' END,
       n % 4 = 3 AND n % 20 < 16
  FROM generate_series(0, :rows - 1) AS n
 CROSS JOIN LATERAL (SELECT n / 4 AS s) AS server
 CROSS JOIN LATERAL (
       SELECT s % 1000 AS team,
              (ARRAY['contoso', 'fabrikam', 'northwind', 'adventureworks', 'tailspin', 'woodgrove', 'litware',
                     'proseware', 'wingtip', 'fourthcoffee', 'alpineski', 'margie', 'lucerne'])[s % 13 + 1] AS org,
              (ARRAY['ledger', 'payroll', 'crm', 'search', 'tickets', 'wiki', 'deploy', 'metrics', 'billing',
                     'calendar', 'inventory', 'hr', 'docs', 'chat', 'backup', 'forecast', 'audit'])[s % 17 + 1] AS tool,
              (ARRAY['amber', 'basalt', 'cobalt', 'delta', 'ember', 'falcon', 'garnet', 'harbor', 'indigo',
                     'juniper', 'kestrel', 'lagoon', 'meadow', 'nimbus', 'onyx', 'pelican', 'quartz', 'raven',
                     'saffron', 'tundra', 'umber', 'violet', 'willow', 'xenon', 'yarrow', 'zephyr', 'acacia',
                     'bramble', 'cedar', 'dune', 'estuary', 'fjord', 'glacier', 'heron', 'iris', 'jasper',
                     'kelp', 'lichen', 'marsh', 'nectar', 'orchid', 'prairie', 'quill', 'reef', 'sierra',
                     'thistle', 'upland', 'vale', 'wren', 'yucca', 'alder', 'birch', 'canyon', 'dahlia',
                     'egret', 'fern', 'grove', 'hazel', 'ibis', 'jade', 'koi', 'lark', 'maple', 'newt',
                     'otter', 'pine', 'quokka', 'rowan', 'sparrow', 'teal', 'urchin', 'vireo', 'walnut',
                     'yak', 'zinnia', 'aspen', 'bison', 'coral', 'drift', 'elm', 'finch', 'gull', 'hawk',
                     'ivy', 'jay', 'kiwi', 'lotus', 'moss', 'nutmeg', 'olive', 'plover', 'quail', 'robin',
                     'sage', 'tern', 'vole', 'wasp'])[s % 97 + 1] AS word,
              (ARRAY['invoice', 'order', 'customer', 'ticket', 'journal', 'asset', 'contract', 'shipment',
                     'payment', 'timesheet', 'expense', 'supplier', 'project', 'release', 'incident', 'budget',
                     'forecast', 'claim', 'policy'])[n % 19 + 1] AS noun,
              CASE WHEN n % 20 < 16 THEN 'Approved' WHEN n % 20 < 18 THEN 'Pending'
                   WHEN n % 20 = 18 THEN 'Rejected' ELSE 'Deprecated' END AS status,
              now() - interval '1 hour' - n * interval '13 seconds' AS created_at
       ) AS shape
 CROSS JOIN LATERAL (
       SELECT 'com.' || org || '.team' || team || '/' || tool || '-' || s AS name,
              '1.' || (n % 4) || '.0' AS version,
              initcap(word) || ' ' || tool || ' ' || s AS title,
              CASE WHEN s % (:rows / 40) = 7 THEN 'Zebrafish. ' ELSE '' END
                  || 'Reads and books ' || noun || ' entries for the ' || word || ' team ' || team AS description
       ) AS document
  JOIN seed_users AS submitter ON submitter.k = shape.team
  JOIN seed_users AS reviewer ON reviewer.k = 1000;

-- Where clients find each server (registration_locators, changeset 019), as com.mcpregistry.domain.serverjson.Locator
-- writes it: its remote URL (normalised already) and its npm package, shared by the versions of one server.
INSERT INTO registration_locators (registration_id, server_name, locator)
SELECT id, server_name, 'remote ' || (server_json #>> '{remotes,0,url}') FROM registrations
UNION ALL
SELECT id, server_name, 'npm ' || (server_json #>> '{packages,0,identifier}') FROM registrations
 WHERE server_json ? 'packages';

-- The audit hash chain, as AuditChain computes it: sha256 (hex) of the previous hash and the event's fields
-- joined by newlines, absent values as '-', present text as '<length>:<text>', the time in microseconds.
CREATE SCHEMA bench_seed;
CREATE FUNCTION bench_seed.chain_step(previous text, body text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE STRICT
    AS $$ BEGIN RETURN encode(sha256(convert_to(previous || E'\n' || body, 'UTF8')), 'hex'); END $$;
CREATE AGGREGATE bench_seed.chain(text) (
    SFUNC = bench_seed.chain_step, STYPE = text,
    INITCOND = '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TEMPORARY TABLE seed_events ON COMMIT DROP AS
SELECT gen_random_uuid() AS id, e.at, e.actor_id, e.action, r.id AS registration_id, e.from_status, e.to_status,
       e.reason, 'seed-' || e.action || '-' || r.id AS request_id
  FROM registrations AS r
 CROSS JOIN LATERAL (
       VALUES (r.created_at, r.submitter_id, 'submit', NULL, 'Pending', NULL),
              (r.created_at + interval '1 hour', r.reviewed_by,
               CASE WHEN r.status = 'Rejected' THEN 'reject' ELSE 'approve' END,
               'Pending', CASE WHEN r.status = 'Rejected' THEN 'Rejected' ELSE 'Approved' END,
               CASE WHEN r.status = 'Rejected' THEN r.status_reason END),
              (r.created_at + interval '2 hours', r.reviewed_by, 'deprecate', 'Approved', 'Deprecated',
               r.status_reason)
       ) AS e (at, actor_id, action, from_status, to_status, reason)
 WHERE e.action = 'submit'
    OR (e.action IN ('approve', 'reject') AND r.status <> 'Pending')
    OR (e.action = 'deprecate' AND r.status = 'Deprecated');

INSERT INTO audit_log (id, at, actor_id, action, registration_id, from_status, to_status, reason, request_id,
                       prev_hash, hash)
SELECT id, at, actor_id, action, registration_id, from_status, to_status, reason, request_id,
       coalesce(lag(hash) OVER (ORDER BY ord), repeat('0', 64)), hash
  FROM (SELECT *, bench_seed.chain(body) OVER (ORDER BY ord ROWS UNBOUNDED PRECEDING) AS hash
          FROM (SELECT e.*, row_number() OVER (ORDER BY at, id) AS ord,
                       concat_ws(E'\n', id::text, (extract(epoch FROM at) * 1000000)::bigint::text,
                                 coalesce(length(actor) || ':' || actor, '-'), action,
                                 coalesce(length(registration) || ':' || registration, '-'),
                                 coalesce(length(from_status) || ':' || from_status, '-'),
                                 coalesce(length(to_status) || ':' || to_status, '-'),
                                 coalesce(length(reason) || ':' || reason, '-'),
                                 coalesce(length(request_id) || ':' || request_id, '-')) AS body
                  FROM (SELECT *, actor_id::text AS actor, registration_id::text AS registration
                          FROM seed_events) AS e) AS numbered) AS chained
 ORDER BY ord;

INSERT INTO server_owners (server_name, user_id, added_at)
SELECT DISTINCT ON (server_name) server_name, submitter_id, created_at
  FROM registrations
 ORDER BY server_name, created_at, id;

DROP SCHEMA bench_seed CASCADE;

SELECT CASE kind WHEN 'constraint' THEN format('ALTER TABLE %s ADD CONSTRAINT %I %s', table_name, name, definition)
                 ELSE definition END
  FROM seed_deferred ORDER BY build_order \gexec

DO $$
BEGIN
    IF EXISTS (SELECT definition FROM seed_deferred
               EXCEPT
               SELECT pg_get_constraintdef(c.oid) FROM pg_constraint AS c
                WHERE c.conrelid IN ('registrations'::regclass, 'audit_log'::regclass, 'registration_locators'::regclass)
                   OR c.confrelid IN ('registrations'::regclass, 'audit_log'::regclass)
               EXCEPT
               SELECT pg_get_indexdef(i.indexrelid) FROM pg_index AS i
                WHERE i.indrelid IN ('registrations'::regclass, 'audit_log'::regclass)) THEN
        RAISE EXCEPTION 'an index or constraint was not restored as the schema defines it';
    END IF;
END
$$;

COMMIT;

VACUUM (ANALYZE) users;
VACUUM (ANALYZE) registrations;
VACUUM (ANALYZE) audit_log;
VACUUM (ANALYZE) server_owners;
VACUUM (ANALYZE) registration_locators;

SELECT status, count(*) FROM registrations GROUP BY status ORDER BY status;
SELECT count(*) AS audit_events FROM audit_log;
