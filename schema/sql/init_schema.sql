-- MCP Registry schema, as plain SQL for DBAs (PostgreSQL 14 or later).
--
-- GENERATED: do not edit. The source of the schema is the Liquibase changelog,
-- schema/src/main/resources/db/changelog/db.changelog-master.yaml; this file is rendered from a database
-- migrated with it (InitSchemaSql in registry-adapter-postgres). After changing the changelog, regenerate
-- it from the repository's root directory and commit both:
--
--     mvn -B -ntp -pl registry-adapter-postgres -am process-test-classes -Pinit-schema-sql
--
-- SchemaSqlMatchesChangelogTest fails while this file is not the rendering of the changelog, and applies it
-- to an empty database to prove that it builds the same schema.
--
-- A database created from this file has no Liquibase history: do not point `migrate` (or a started registry)
-- at it afterwards, or Liquibase will try to create the tables again. Use the application's `migrate` command
-- for databases the registry manages. Data changes of the changesets (backfills) are not in this file.
--
-- The changesets it renders, with their comments:
--   001-extensions: pg_trgm for substring search, btree_gist for the endpoint exclusion constraint (both trusted).
--   002-users: People and service principals, keyed by their Entra identity (tenant id, object id).
--   003-registrations: One version of one MCP server endpoint. (server_name, version) is unique among non-deleted
--       rows; an endpoint URL belongs to at most one server name among non-deleted rows (an exclusion constraint,
--       so that two concurrent submissions cannot both take it).
--   004-registrations-read-indexes: Keyset paging (newest first) for every list filter, and trigram search on name,
--       title, description.
--   005-audit-log: The append-only audit trail. seq is the order of the hash chain; each row's hash (computed by
--       the application, AuditChain) covers the row and prev_hash, the hash of the row before it. A unique
--       prev_hash means the chain can never fork, even if two writers raced past the application's lock.
--   006-audit-log-append-only: The database itself refuses UPDATE, DELETE and TRUNCATE on the audit trail.
--   007-idempotency-keys: Which registration a client's Idempotency-Key created, so that a retried submission
--       replays it.
--   008-published-servers: What the MCP Registry API (v0.1) publishes, kept on each registration: published_at, the
--       time of its first approval, and is_latest, whether it is its server's latest version (the registration
--       service recomputes it in the transaction of every review and delete). Indexes serve the API's lists by
--       keyset: by name (C collation, so the order never depends on the database's locale), latest versions only,
--       by update time for updated_since, and trigram search on name and description; deleted versions stay in them
--       for include_deleted and updated_since. Existing published registrations are backfilled.
--   009-search-statistics: A larger statistics sample of the searched columns. The planner estimates how many rows
--       a substring search (ILIKE '%word%') matches from the column's histogram; with the default 101 entries, a
--       word in 1 % of the rows is missing from it about a third of the time, the search is then estimated at a few
--       dozen rows, and at a million registrations the planner sorts ten thousand matches (20 ms) instead of
--       reading the index in order (4 ms). With 301 entries that happens about one time in twenty, for 0.1 ms more
--       planning per search.
--   010-catalogue-search-lower-case: The MCP Registry API's search (/v0.1/servers?search=) matches lower-cased
--       copies of the server name and description, kept by PostgreSQL itself, with a plain LIKE. ILIKE lower-cases
--       every value it checks: when a word is common (1 % of a million rows), the planner reads the name index in
--       order and checks about 2,800 rows for 31 matches, and ILIKE made that 6-9 ms where LIKE on stored
--       lower-case text takes about 2.4 ms. The trigram indexes move to the new columns.
--   011-audit-log-changes: The fields an edit changed, recorded with its audit event: a JSON array of {"field",
--       "old", "new"} objects (a value left out when the field had none; a secret field as {"field", "secret":
--       true}, never its values). Null for every other event. The hash chain covers it only when it is present, so
--       every event stored before this changeset keeps its hash.
--   012-versions-never-reused: A (server name, version) that ever existed, deleted included, is never reused: the
--       unique index on (server_name, version) now covers deleted registrations too. Before this changeset a
--       deleted version could be submitted again, so a database may hold such duplicates; every one but the newest
--       of each (the live one, if any) is marked version_reused_later and left out of the index. Only deleted
--       registrations may be marked, and only this changeset marks them: triggers refuse a row that is inserted
--       marked or marked later, so the index holds every version from now on.
--   013-endpoint-url-normalized: An endpoint belongs to one server name whatever its spelling: endpoints are
--       compared by endpoint_url_normalized (RFC 3986 normalisation: case of scheme and host, default port,
--       percent-encoding, dot segments, trailing slash, empty query, fragment, trailing dot of the host, IDNA),
--       which the registry computes in Java (com.mcpregistry.domain.registration.NormalizedEndpoint) and writes
--       beside endpoint_url, the URL exactly as submitted. The exclusion constraint moves from md5(endpoint_url) to
--       md5(endpoint_url_normalized). Existing rows are filled by a custom change with the same Java code;
--       endpoints of different servers that were stored spelt apart but are one endpoint stay, the later ones under
--       keys of their own (listed in the migration log).
--   014-audit-log-key-id: The id of the audit key (AUDIT_KEY) an event's hash is the HMAC-SHA256 under, so that
--       keys can be rotated: each event names the key that verifies it. Null for the events written before the
--       chain had keys: their hash stays the unkeyed SHA-256 and they verify as before; the first keyed event
--       chains on the last unkeyed hash.
--   015-rate-limits-and-quotas: Rate limits shared by every instance: Bucket4j's table, one row per caller and
--       limit, keyed by a 64-bit hash of them (never the client address or user id itself); state is Bucket4j's own
--       serialisation; expires_at is when, in epoch milliseconds, the bucket is full again plus a minute, after
--       which any instance may delete it. And indexes for the submission quotas, so that a user's Pending
--       registrations and a server name's versions of the last day are counted by reading no more index entries
--       than the quota allows.
--   016-runtime-role: registry_runtime, the group role of the login role serve connects as (DATABASE_URL) when
--       another role owns the schema and migrates it (MIGRATION_DATABASE_URL): reading and writing the registry's
--       tables, but on audit_log only SELECT and INSERT, so that it can neither change nor remove audit events, nor
--       switch the append-only trigger off (only the table's owner can); SELECT on Liquibase's history, so that
--       serve can see the schema is up to date. Default privileges extend this to the tables later changesets
--       create. The operator grants registry_runtime to the login role. The role is created here when absent, which
--       takes CREATEROLE (the administrator of Azure Database for PostgreSQL has it); a migrating role without
--       CREATEROLE skips this changeset, with a warning, until the role exists (then the next migration applies
--       it).
--   017-users-verified-email: The e-mail the identity provider vouches for, kept apart from the e-mail label a user
--       may choose: operators name users by object id or by this (admin grant), never by the label.
--   018-server-owners-and-namespace-claims: Who owns each server (a server_name, whose versions are its
--       registrations) and the namespaces administrators claimed. An owner is a user (user_id) or an Entra ID group
--       (group_id, its object id in lower case): exactly one of the two; a claim's owners have the same shape and
--       go with the claim. server_name and prefix are in the "C" collation, so that the servers under a namespace
--       are one range of the index whatever the database's locale, as the MCP Registry API's name order is (008).
--       Indexes find a user's and a group's servers, and the newest live versions of a server (a reader's own list
--       reads those of each server they own). Every existing server gets the submitter of its earliest registration
--       (by created_at, then id; deleted ones included, so that a name that can never be reused keeps an owner) as
--       its owner since that registration, in one set-based statement. The runtime role (016) gets the new tables
--       by its default privileges; the audit actions of ownership need no change of audit_log, whose action column
--       is checked by format only.
--   019-server-json-documents: A registration holds a complete server.json document (SPEC §9): server_json, the
--       document as the registry writes it (ServerJsonFormat), beside columns copied from it for search and order
--       (title, now optional as in server.json, and description; the name and version are the registration's own
--       columns, and a check keeps all four equal to the document's) and what the registry keeps beside the
--       document: owner_contact (now optional) and tags. endpoint_url, transport, repository_url and
--       documentation_url are inside the document now and go, as does endpoint_url_normalized with its exclusion
--       constraint: each remote URL and package of a live registration is a row of registration_locators (the
--       Locator's text, such as "remote https://x.example.com/mcp" or "npm @scope/name"), and a locator belongs to
--       one server name by that table's exclusion constraint. Its key is the locator's MD5 (as uuid), for a locator
--       may be 2048 multi-byte characters, more than an index entry holds. Existing registrations become documents
--       with one remote each, and their normalised endpoints their locators (the keys changeset 013 kept apart stay
--       apart); the documents are built in the table rewrite that drops the old columns (one ALTER TABLE: every
--       index is rebuilt once, in bulk, instead of updated row by row). The runtime role (016) gets the new table
--       by its default privileges.
--   020-remote-checks: Admission checks (SPEC §10). check_schedule holds one row per remote of a registration that
--       is checked periodically: when it is due next, how many checks of it failed in a row, and which instance has
--       leased it until when; instances lease due rows with FOR UPDATE SKIP LOCKED, so any number of them share the
--       work, and a lease that expires (its instance died) makes the row leasable again. An index on next_due_at
--       serves "due and not leased, oldest first"; leased rows are few (the batches in flight), so skipping them
--       costs little. remote_checks is the history of checks, a bounded number per remote (the repository trims it
--       as it records), with the tools each check listed in remote_check_tools and the tools an approval saw in
--       approval_snapshots and approval_snapshot_tools. Schemas and annotations are text, not jsonb: the tool set's
--       SHA-256 is over their canonical text, which must come back byte for byte. Rows are keyed by the remote
--       URL's MD5 (as uuid), for a URL may be 2048 multi-byte characters, more than an index entry holds (as in
--       019). Checks go with their registration. The runtime role (016) gets the new tables by its default
--       privileges.
--   021-check-health-and-drift: Checks follow the registration workflow and say what they found (SPEC §10). A
--       remote of a submitted version is checked once, at once; a remote of a published (Approved or Deprecated)
--       version periodically: check_schedule.periodic says which, and next_due_at is NULL while a remote is not due
--       until it is scheduled again (its one check was recorded). scheduled_order is the order remotes were
--       scheduled in: a registration's remotes in its document's order, and checks due at the same time in that
--       order. Each row keeps what the checks of its remote say for the API's answers: its health
--       (com.mcpregistry.domain.checks.Health), when it was last checked and how long that check took, so that a
--       page of servers reads its remotes' status by key rather than from their history. The due index holds only
--       the rows that are due some time, in lease order. approval_snapshots keeps the hash of the tools a remote
--       drifted to since its approval, and when, until a new approval snapshot replaces it. Rows scheduled before
--       this changeset were all checked periodically and stay so, with the health, time and latency their latest
--       kept check gives them.
--   022-deprecated-latest-version: A server's latest version is the highest of its published versions that are not
--       deleted, deprecated or not, as in the official registry (its registry service's recalculateLatest):
--       deprecating a version no longer takes its server out of the lookups of clients that ask for the latest
--       version; only deletion does. No schema change: the latest version of each server with a deprecated version
--       that is not deleted is chosen again by a custom change, with the Java rule the registration service applies
--       from then on (its rollback chooses the highest Approved version again).
--   023-searches-index-only: Searches find a page of ids from index entries alone and read only the page's rows
--       from the table (SearchStatements.page): when a word is common, walking an index in the list's order checks
--       thousands of entries for one page of matches, and as table rows, each with its server.json, those cost
--       several times what index entries cost. The MCP Registry API's two name indexes (every published version,
--       and the latest ones) hold deleted_at and the lower-cased search columns of changeset 010 too, the latest
--       one published_at as well (a search states it, and only a check constraint implies it of the latest
--       versions); the registry API's creation index holds what its visibility rule and its search read. That
--       search compares lower-cased copies of name, title and description with LIKE, as changeset 010 made the MCP
--       Registry API's: search_title is new, and the trigram indexes move to the copies. Lists without a search
--       read the same indexes as before.
--
-- Rendered from PostgreSQL 17.

BEGIN;

SET LOCAL search_path = public;
-- As pg_dump does: a function body may name a table created further down.
SET LOCAL check_function_bodies = false;

-- Extensions

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public;

-- Functions

CREATE OR REPLACE FUNCTION public.registration_tags_valid(tags text[])
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE STRICT
AS $function$
        SELECT coalesce(array_ndims(tags), 1) = 1
           AND NOT EXISTS (
               SELECT 1 FROM unnest(tags) AS tag
                WHERE tag IS NULL OR char_length(tag) NOT BETWEEN 1 AND 32)
    $function$;

CREATE OR REPLACE FUNCTION public.audit_log_refuse_change()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
    BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
            USING ERRCODE = 'insufficient_privilege';
    END
    $function$;

CREATE OR REPLACE FUNCTION public.registrations_refuse_version_reuse()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
    BEGIN
        RAISE EXCEPTION 'a version is never reused: only changeset 012 marks a registration version_reused_later'
            USING ERRCODE = 'integrity_constraint_violation';
    END
    $function$;

-- Tables

CREATE TABLE users (
    id             uuid                     NOT NULL,
    tid            text                     NOT NULL,
    oid            text                     NOT NULL,
    email          text,
    display_name   text                     NOT NULL,
    is_admin       boolean                  DEFAULT false NOT NULL,
    created_at     timestamp with time zone NOT NULL,
    updated_at     timestamp with time zone NOT NULL,
    last_seen_at   timestamp with time zone NOT NULL,
    verified_email text,
    CONSTRAINT users_pkey PRIMARY KEY (id),
    CONSTRAINT users_tid_length CHECK (char_length(tid) >= 1 AND char_length(tid) <= 128),
    CONSTRAINT users_oid_length CHECK (char_length(oid) >= 1 AND char_length(oid) <= 128),
    CONSTRAINT users_email_length CHECK (char_length(email) >= 1 AND char_length(email) <= 320),
    CONSTRAINT users_display_name_length CHECK (char_length(display_name) <= 256),
    CONSTRAINT users_identity_unique UNIQUE (tid, oid),
    CONSTRAINT users_verified_email_length
        CHECK (char_length(verified_email) >= 1 AND char_length(verified_email) <= 320)
);

CREATE TABLE registrations (
    id                   uuid                     NOT NULL,
    server_name          text                     NOT NULL,
    version              text                     NOT NULL,
    title                text,
    description          text                     NOT NULL,
    owner_contact        text,
    tags                 text[]                   DEFAULT '{}'::text[] NOT NULL,
    submitter_id         uuid                     NOT NULL,
    status               text                     NOT NULL,
    status_reason        text,
    reviewed_by          uuid,
    reviewed_at          timestamp with time zone,
    created_at           timestamp with time zone NOT NULL,
    updated_at           timestamp with time zone NOT NULL,
    row_version          bigint                   DEFAULT 1 NOT NULL,
    deleted_at           timestamp with time zone,
    published_at         timestamp with time zone,
    is_latest            boolean                  DEFAULT false NOT NULL,
    search_name          text                     GENERATED ALWAYS AS (lower(server_name)) STORED,
    search_description   text                     GENERATED ALWAYS AS (lower(description)) STORED,
    version_reused_later boolean                  DEFAULT false NOT NULL,
    server_json          jsonb                    NOT NULL,
    search_title         text                     GENERATED ALWAYS AS (lower(title)) STORED,
    CONSTRAINT registrations_pkey PRIMARY KEY (id),
    CONSTRAINT registrations_server_name_length
        CHECK (char_length(server_name) >= 3 AND char_length(server_name) <= 200),
    CONSTRAINT registrations_server_name_pattern CHECK (server_name ~ '^[a-zA-Z0-9.-]+/[a-zA-Z0-9._-]+$'::text),
    CONSTRAINT registrations_version_length CHECK (char_length(version) >= 1 AND char_length(version) <= 255),
    CONSTRAINT registrations_version_exact
        CHECK (version ~ '^[0-9A-Za-z][0-9A-Za-z.+_-]*$'::text AND lower(version) <> 'latest'::text),
    CONSTRAINT registrations_title_length CHECK (char_length(title) >= 1 AND char_length(title) <= 100),
    CONSTRAINT registrations_description_length
        CHECK (char_length(description) >= 1 AND char_length(description) <= 100),
    CONSTRAINT registrations_owner_contact_length
        CHECK (char_length(owner_contact) >= 3 AND char_length(owner_contact) <= 254),
    CONSTRAINT registrations_tags_count CHECK (cardinality(tags) <= 10),
    CONSTRAINT registrations_tags_length CHECK (registration_tags_valid(tags)),
    CONSTRAINT registrations_status_known
        CHECK (status = ANY (ARRAY['Pending'::text, 'Approved'::text, 'Rejected'::text, 'Deprecated'::text])),
    CONSTRAINT registrations_status_reason_length
        CHECK (char_length(status_reason) >= 1 AND char_length(status_reason) <= 1000),
    CONSTRAINT registrations_review_complete CHECK ((reviewed_by IS NULL) = (reviewed_at IS NULL)),
    CONSTRAINT registrations_row_version_positive CHECK (row_version >= 1),
    CONSTRAINT registrations_published_status
        CHECK (published_at IS NULL OR (status = ANY (ARRAY['Approved'::text, 'Deprecated'::text]))),
    CONSTRAINT registrations_latest_published CHECK (NOT is_latest OR published_at IS NOT NULL),
    CONSTRAINT registrations_version_reused_deleted CHECK (NOT version_reused_later OR deleted_at IS NOT NULL),
    CONSTRAINT registrations_server_json_document
        CHECK (jsonb_typeof(server_json) = 'object'::text AND (server_json ->> 'name'::text) = server_name AND (server_json ->> 'version'::text) = version AND (server_json ->> 'description'::text) = description AND NOT (server_json ->> 'title'::text) IS DISTINCT FROM title)
);

CREATE TABLE audit_log (
    seq             bigint                   GENERATED ALWAYS AS IDENTITY NOT NULL,
    id              uuid                     NOT NULL,
    at              timestamp with time zone NOT NULL,
    actor_id        uuid,
    action          text                     NOT NULL,
    registration_id uuid,
    from_status     text,
    to_status       text,
    reason          text,
    request_id      text,
    prev_hash       text                     NOT NULL,
    hash            text                     NOT NULL,
    changes         jsonb,
    key_id          text,
    CONSTRAINT audit_log_pkey PRIMARY KEY (id),
    CONSTRAINT audit_log_action_format CHECK (action ~ '^[a-z][a-z0-9_]{0,63}$'::text),
    CONSTRAINT audit_log_from_status_known
        CHECK (from_status = ANY (ARRAY['Pending'::text, 'Approved'::text, 'Rejected'::text, 'Deprecated'::text])),
    CONSTRAINT audit_log_to_status_known
        CHECK (to_status = ANY (ARRAY['Pending'::text, 'Approved'::text, 'Rejected'::text, 'Deprecated'::text])),
    CONSTRAINT audit_log_reason_length CHECK (char_length(reason) <= 2000),
    CONSTRAINT audit_log_request_id_length CHECK (char_length(request_id) <= 255),
    CONSTRAINT audit_log_prev_hash_format CHECK (prev_hash ~ '^[0-9a-f]{64}$'::text),
    CONSTRAINT audit_log_hash_format CHECK (hash ~ '^[0-9a-f]{64}$'::text),
    CONSTRAINT audit_log_seq_unique UNIQUE (seq),
    CONSTRAINT audit_log_prev_hash_unique UNIQUE (prev_hash),
    CONSTRAINT audit_log_changes_list CHECK (jsonb_typeof(changes) = 'array'::text),
    CONSTRAINT audit_log_key_id_format CHECK (key_id ~ '^[A-Za-z0-9._-]{1,64}$'::text)
);

CREATE TABLE idempotency_keys (
    owner_id            uuid                     NOT NULL,
    key                 text                     NOT NULL,
    request_fingerprint text                     NOT NULL,
    registration_id     uuid                     NOT NULL,
    created_at          timestamp with time zone NOT NULL,
    CONSTRAINT idempotency_keys_pkey PRIMARY KEY (owner_id, key),
    CONSTRAINT idempotency_keys_key_length CHECK (char_length(key) >= 1 AND char_length(key) <= 255),
    CONSTRAINT idempotency_keys_request_fingerprint_format CHECK (request_fingerprint ~ '^[0-9a-f]{64}$'::text)
);

CREATE TABLE rate_limit_buckets (
    id         bigint NOT NULL,
    state      bytea,
    expires_at bigint,
    CONSTRAINT rate_limit_buckets_pkey PRIMARY KEY (id)
);

CREATE TABLE server_owners (
    server_name text COLLATE "C"         NOT NULL,
    user_id     uuid,
    group_id    text,
    added_at    timestamp with time zone NOT NULL,
    CONSTRAINT server_owners_one_owner CHECK ((user_id IS NULL) <> (group_id IS NULL)),
    CONSTRAINT server_owners_group_id_format
        CHECK (group_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'::text),
    CONSTRAINT server_owners_server_name_length
        CHECK (char_length(server_name) >= 3 AND char_length(server_name) <= 200),
    CONSTRAINT server_owners_server_name_pattern CHECK (server_name ~ '^[a-zA-Z0-9.-]+/[a-zA-Z0-9._-]+$'::text),
    CONSTRAINT server_owners_user_unique UNIQUE (server_name, user_id),
    CONSTRAINT server_owners_group_unique UNIQUE (server_name, group_id)
);

CREATE TABLE namespace_claims (
    prefix     text COLLATE "C"         NOT NULL,
    claimed_by uuid,
    claimed_at timestamp with time zone NOT NULL,
    CONSTRAINT namespace_claims_pkey PRIMARY KEY (prefix),
    CONSTRAINT namespace_claims_prefix_format
        CHECK (char_length(prefix) <= 200 AND prefix ~ '^[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)*$'::text)
);

CREATE TABLE namespace_claim_owners (
    prefix   text COLLATE "C" NOT NULL,
    user_id  uuid,
    group_id text,
    CONSTRAINT namespace_claim_owners_one_owner CHECK ((user_id IS NULL) <> (group_id IS NULL)),
    CONSTRAINT namespace_claim_owners_group_id_format
        CHECK (group_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'::text),
    CONSTRAINT namespace_claim_owners_user_unique UNIQUE (prefix, user_id),
    CONSTRAINT namespace_claim_owners_group_unique UNIQUE (prefix, group_id)
);

CREATE TABLE registration_locators (
    registration_id uuid             NOT NULL,
    server_name     text COLLATE "C" NOT NULL,
    locator         text             NOT NULL,
    locator_md5     uuid             GENERATED ALWAYS AS ((md5(locator))::uuid) STORED NOT NULL,
    CONSTRAINT registration_locators_pkey PRIMARY KEY (registration_id, locator_md5),
    CONSTRAINT registration_locators_single_server EXCLUDE USING gist (locator_md5 WITH =, server_name WITH <>)
);

CREATE TABLE check_schedule (
    registration_id     uuid                     NOT NULL,
    remote_url          text                     NOT NULL,
    remote_url_md5      uuid                     GENERATED ALWAYS AS ((md5(remote_url))::uuid) STORED NOT NULL,
    transport           text                     NOT NULL,
    next_due_at         timestamp with time zone,
    failures_in_a_row   integer                  DEFAULT 0 NOT NULL,
    leased_until        timestamp with time zone,
    leased_by           text,
    periodic            boolean                  DEFAULT false NOT NULL,
    scheduled_order     bigint                   GENERATED ALWAYS AS IDENTITY NOT NULL,
    health              text                     DEFAULT 'unknown'::text NOT NULL,
    last_checked_at     timestamp with time zone,
    last_latency_micros bigint,
    CONSTRAINT check_schedule_pkey PRIMARY KEY (registration_id, remote_url_md5),
    CONSTRAINT check_schedule_remote_url_http
        CHECK (char_length(remote_url) <= 2048 AND remote_url ~* '^https?://'::text),
    CONSTRAINT check_schedule_transport_known CHECK (transport = ANY (ARRAY['streamable-http'::text, 'sse'::text])),
    CONSTRAINT check_schedule_failures_in_a_row_not_negative CHECK (failures_in_a_row >= 0),
    CONSTRAINT check_schedule_lease_complete CHECK ((leased_until IS NULL) = (leased_by IS NULL)),
    CONSTRAINT check_schedule_leased_by_length CHECK (char_length(leased_by) >= 1 AND char_length(leased_by) <= 255),
    CONSTRAINT check_schedule_health_known
        CHECK (health = ANY (ARRAY['healthy'::text, 'requires_auth'::text, 'unreachable'::text, 'blocked_address'::text, 'unknown'::text])),
    CONSTRAINT check_schedule_last_latency_micros_not_negative CHECK (last_latency_micros >= 0),
    CONSTRAINT check_schedule_last_check_complete CHECK ((last_checked_at IS NULL) = (last_latency_micros IS NULL))
);

CREATE TABLE remote_checks (
    id                    bigint                   GENERATED ALWAYS AS IDENTITY NOT NULL,
    registration_id       uuid                     NOT NULL,
    remote_url            text                     NOT NULL,
    remote_url_md5        uuid                     GENERATED ALWAYS AS ((md5(remote_url))::uuid) STORED NOT NULL,
    checked_at            timestamp with time zone NOT NULL,
    outcome               text                     NOT NULL,
    latency_micros        bigint                   NOT NULL,
    protocol_version      text,
    server_name           text,
    server_version        text,
    capabilities          text,
    tools_sha256          text                     NOT NULL,
    prompts               integer                  NOT NULL,
    resources             integer                  NOT NULL,
    authorization_servers text[]                   DEFAULT '{}'::text[] NOT NULL,
    detail                text,
    CONSTRAINT remote_checks_pkey PRIMARY KEY (id),
    CONSTRAINT remote_checks_remote_url_http
        CHECK (char_length(remote_url) <= 2048 AND remote_url ~* '^https?://'::text),
    CONSTRAINT remote_checks_outcome_known
        CHECK (outcome = ANY (ARRAY['reachable'::text, 'requires_auth'::text, 'blocked_address'::text, 'unreachable'::text, 'timeout'::text, 'too_large'::text, 'protocol_error'::text])),
    CONSTRAINT remote_checks_latency_micros_not_negative CHECK (latency_micros >= 0),
    CONSTRAINT remote_checks_server_info_complete CHECK ((server_name IS NULL) = (server_version IS NULL)),
    CONSTRAINT remote_checks_tools_sha256_hex CHECK (tools_sha256 ~ '^[0-9a-f]{64}$'::text),
    CONSTRAINT remote_checks_prompts_not_negative CHECK (prompts >= 0),
    CONSTRAINT remote_checks_resources_not_negative CHECK (resources >= 0),
    CONSTRAINT remote_checks_authorization_servers_flat
        CHECK (COALESCE(array_ndims(authorization_servers), 1) = 1 AND array_position(authorization_servers, NULL::text) IS NULL)
);

CREATE TABLE remote_check_tools (
    check_id      bigint  NOT NULL,
    "position"    integer NOT NULL,
    name          text    NOT NULL,
    title         text,
    description   text,
    input_schema  text    NOT NULL,
    output_schema text,
    annotations   text,
    CONSTRAINT remote_check_tools_pkey PRIMARY KEY (check_id, "position"),
    CONSTRAINT remote_check_tools_name_length CHECK (char_length(name) >= 1 AND char_length(name) <= 128)
);

CREATE TABLE approval_snapshots (
    registration_id uuid                     NOT NULL,
    remote_url      text                     NOT NULL,
    remote_url_md5  uuid                     GENERATED ALWAYS AS ((md5(remote_url))::uuid) STORED NOT NULL,
    tools_sha256    text                     NOT NULL,
    drift_sha256    text,
    drifted_at      timestamp with time zone,
    CONSTRAINT approval_snapshots_pkey PRIMARY KEY (registration_id, remote_url_md5),
    CONSTRAINT approval_snapshots_remote_url_http
        CHECK (char_length(remote_url) <= 2048 AND remote_url ~* '^https?://'::text),
    CONSTRAINT approval_snapshots_tools_sha256_hex CHECK (tools_sha256 ~ '^[0-9a-f]{64}$'::text),
    CONSTRAINT approval_snapshots_drift_sha256_hex CHECK (drift_sha256 ~ '^[0-9a-f]{64}$'::text),
    CONSTRAINT approval_snapshots_drift_complete CHECK ((drift_sha256 IS NULL) = (drifted_at IS NULL))
);

CREATE TABLE approval_snapshot_tools (
    registration_id uuid    NOT NULL,
    remote_url_md5  uuid    NOT NULL,
    "position"      integer NOT NULL,
    name            text    NOT NULL,
    title           text,
    description     text,
    input_schema    text    NOT NULL,
    output_schema   text,
    annotations     text,
    CONSTRAINT approval_snapshot_tools_pkey PRIMARY KEY (registration_id, remote_url_md5, "position"),
    CONSTRAINT approval_snapshot_tools_name_length CHECK (char_length(name) >= 1 AND char_length(name) <= 128)
);

-- Foreign keys

ALTER TABLE registrations
    ADD CONSTRAINT registrations_submitter_fkey FOREIGN KEY (submitter_id) REFERENCES users(id);

ALTER TABLE registrations ADD CONSTRAINT registrations_reviewer_fkey FOREIGN KEY (reviewed_by) REFERENCES users(id);

ALTER TABLE idempotency_keys
    ADD CONSTRAINT idempotency_keys_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES users(id);

ALTER TABLE idempotency_keys
    ADD CONSTRAINT idempotency_keys_registration_id_fkey FOREIGN KEY (registration_id) REFERENCES registrations(id);

ALTER TABLE server_owners ADD CONSTRAINT server_owners_user_fkey FOREIGN KEY (user_id) REFERENCES users(id);

ALTER TABLE namespace_claims
    ADD CONSTRAINT namespace_claims_claimed_by_fkey FOREIGN KEY (claimed_by) REFERENCES users(id);

ALTER TABLE namespace_claim_owners
    ADD CONSTRAINT namespace_claim_owners_prefix_fkey FOREIGN KEY (prefix) REFERENCES namespace_claims(prefix) ON DELETE CASCADE;

ALTER TABLE namespace_claim_owners
    ADD CONSTRAINT namespace_claim_owners_user_fkey FOREIGN KEY (user_id) REFERENCES users(id);

ALTER TABLE registration_locators
    ADD CONSTRAINT registration_locators_registration_fkey FOREIGN KEY (registration_id) REFERENCES registrations(id);

ALTER TABLE check_schedule
    ADD CONSTRAINT check_schedule_registration_fkey FOREIGN KEY (registration_id) REFERENCES registrations(id) ON DELETE CASCADE;

ALTER TABLE remote_checks
    ADD CONSTRAINT remote_checks_registration_fkey FOREIGN KEY (registration_id) REFERENCES registrations(id) ON DELETE CASCADE;

ALTER TABLE remote_check_tools
    ADD CONSTRAINT remote_check_tools_check_fkey FOREIGN KEY (check_id) REFERENCES remote_checks(id) ON DELETE CASCADE;

ALTER TABLE approval_snapshots
    ADD CONSTRAINT approval_snapshots_registration_fkey FOREIGN KEY (registration_id) REFERENCES registrations(id) ON DELETE CASCADE;

ALTER TABLE approval_snapshot_tools
    ADD CONSTRAINT approval_snapshot_tools_snapshot_fkey FOREIGN KEY (registration_id, remote_url_md5) REFERENCES approval_snapshots(registration_id, remote_url_md5) ON DELETE CASCADE;

-- Indexes

CREATE INDEX users_oid_idx ON users USING btree (oid);

CREATE INDEX users_verified_email_lower_idx ON users USING btree (lower(verified_email));

CREATE INDEX registrations_status_created_idx
    ON registrations USING btree (status, created_at DESC, id DESC) WHERE (deleted_at IS NULL);

CREATE INDEX registrations_submitter_created_idx
    ON registrations USING btree (submitter_id, created_at DESC, id DESC) WHERE (deleted_at IS NULL);

CREATE UNIQUE INDEX registrations_one_latest_per_server ON registrations USING btree (server_name) WHERE is_latest;

CREATE INDEX registrations_published_updated_idx
    ON registrations USING btree (updated_at, id) WHERE (published_at IS NOT NULL);

CREATE INDEX registrations_published_search_name_trgm_idx
    ON registrations USING gin (search_name gin_trgm_ops) WHERE (published_at IS NOT NULL);

CREATE INDEX registrations_published_search_description_trgm_idx
    ON registrations USING gin (search_description gin_trgm_ops) WHERE (published_at IS NOT NULL);

CREATE UNIQUE INDEX registrations_server_name_version_unique
    ON registrations USING btree (server_name, version) WHERE (NOT version_reused_later);

CREATE INDEX registrations_pending_submitter_idx
    ON registrations USING btree (submitter_id) WHERE ((status = 'Pending'::text) AND (deleted_at IS NULL));

CREATE INDEX registrations_server_name_created_idx ON registrations USING btree (server_name, created_at);

CREATE INDEX registrations_server_name_newest_idx
    ON registrations USING btree (server_name COLLATE "C", created_at DESC, id DESC) WHERE (deleted_at IS NULL);

CREATE INDEX registrations_search_name_trgm_idx
    ON registrations USING gin (search_name gin_trgm_ops) WHERE (deleted_at IS NULL);

CREATE INDEX registrations_search_title_trgm_idx
    ON registrations USING gin (search_title gin_trgm_ops) WHERE (deleted_at IS NULL);

CREATE INDEX registrations_search_description_trgm_idx
    ON registrations USING gin (search_description gin_trgm_ops) WHERE (deleted_at IS NULL);

CREATE INDEX registrations_created_idx
    ON registrations USING btree (created_at DESC, id DESC) INCLUDE (status, submitter_id, server_name, search_name, search_title, search_description)
    WHERE (deleted_at IS NULL);

CREATE INDEX registrations_published_name_idx
    ON registrations USING btree (server_name COLLATE "C", version COLLATE "C", id) INCLUDE (deleted_at, search_name, search_description)
    WHERE (published_at IS NOT NULL);

CREATE INDEX registrations_latest_name_idx
    ON registrations USING btree (server_name COLLATE "C", version COLLATE "C", id) INCLUDE (published_at, deleted_at, search_name, search_description)
    WHERE is_latest;

CREATE INDEX audit_log_at_idx ON audit_log USING btree (at DESC, id DESC);

CREATE INDEX audit_log_actor_at_idx ON audit_log USING btree (actor_id, at DESC, id DESC);

CREATE INDEX audit_log_action_at_idx ON audit_log USING btree (action, at DESC, id DESC);

CREATE INDEX audit_log_registration_idx ON audit_log USING btree (registration_id, seq);

CREATE INDEX server_owners_user_idx ON server_owners USING btree (user_id, server_name) WHERE (user_id IS NOT NULL);

CREATE INDEX server_owners_group_idx
    ON server_owners USING btree (group_id, server_name) WHERE (group_id IS NOT NULL);

CREATE INDEX check_schedule_due_idx
    ON check_schedule USING btree (next_due_at, scheduled_order) WHERE (next_due_at IS NOT NULL);

CREATE INDEX remote_checks_registration_newest_idx
    ON remote_checks USING btree (registration_id, checked_at DESC, id DESC);

CREATE INDEX remote_checks_remote_newest_idx
    ON remote_checks USING btree (registration_id, remote_url_md5, checked_at DESC, id DESC);

-- Statistics targets

ALTER TABLE registrations
    ALTER COLUMN server_name SET STATISTICS 300,
    ALTER COLUMN title SET STATISTICS 300,
    ALTER COLUMN description SET STATISTICS 300,
    ALTER COLUMN search_name SET STATISTICS 300,
    ALTER COLUMN search_description SET STATISTICS 300,
    ALTER COLUMN search_title SET STATISTICS 300;

-- Triggers

CREATE TRIGGER registrations_inserted_reused BEFORE INSERT ON registrations
    FOR EACH ROW WHEN (new.version_reused_later)
    EXECUTE FUNCTION registrations_refuse_version_reuse();

CREATE TRIGGER registrations_marked_reused BEFORE UPDATE OF version_reused_later ON registrations
    FOR EACH ROW WHEN (new.version_reused_later AND NOT old.version_reused_later)
    EXECUTE FUNCTION registrations_refuse_version_reuse();

CREATE TRIGGER audit_log_append_only BEFORE DELETE OR UPDATE OR TRUNCATE ON audit_log
    FOR EACH STATEMENT
    EXECUTE FUNCTION audit_log_refuse_change();

-- Comments

COMMENT ON COLUMN registrations.server_json IS 'The registration''s server.json document, as the registry
    writes it; title and description are copies of its fields, for search';

COMMENT ON TABLE registration_locators IS 'Where clients find each live registration: a row per remote
    URL and package, as com.mcpregistry.domain.serverjson.Locator normalises it. A locator belongs to one
    server name (other versions of the same server may share it)';

COMMENT ON COLUMN check_schedule.next_due_at IS 'When the remote is checked next; NULL: not until it is
    scheduled again (a remote not checked periodically, once its check is recorded)';

COMMENT ON COLUMN remote_check_tools."position" IS 'The tool''s place in its ToolSet (name order, ties as
    listed), so that the set read back is the one hashed';

COMMENT ON COLUMN approval_snapshots.drift_sha256 IS 'The tools_sha256 of the tools the remote drifted to
    since its approval (drifted_at), if it did; NULL again when a new approval snapshot is kept';

-- Privileges of the roles that do not own the schema

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'registry_runtime') THEN
        CREATE ROLE registry_runtime NOLOGIN;
    END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO registry_runtime;

GRANT DELETE, INSERT, SELECT, UPDATE ON users TO registry_runtime;

GRANT DELETE, INSERT, SELECT, UPDATE ON registrations TO registry_runtime;

GRANT USAGE ON SEQUENCE audit_log_seq_seq TO registry_runtime;

GRANT INSERT, SELECT ON audit_log TO registry_runtime;

GRANT DELETE, INSERT, SELECT, UPDATE ON idempotency_keys TO registry_runtime;

GRANT DELETE, INSERT, SELECT, UPDATE ON rate_limit_buckets TO registry_runtime;

GRANT DELETE, INSERT, SELECT, UPDATE ON server_owners TO registry_runtime;

GRANT DELETE, INSERT, SELECT, UPDATE ON namespace_claims TO registry_runtime;

GRANT DELETE, INSERT, SELECT, UPDATE ON namespace_claim_owners TO registry_runtime;

GRANT DELETE, INSERT, SELECT, UPDATE ON registration_locators TO registry_runtime;

GRANT DELETE, INSERT, SELECT, UPDATE ON check_schedule TO registry_runtime;

GRANT USAGE ON SEQUENCE remote_checks_id_seq TO registry_runtime;

GRANT DELETE, INSERT, SELECT, UPDATE ON remote_checks TO registry_runtime;

GRANT DELETE, INSERT, SELECT, UPDATE ON remote_check_tools TO registry_runtime;

GRANT DELETE, INSERT, SELECT, UPDATE ON approval_snapshots TO registry_runtime;

GRANT DELETE, INSERT, SELECT, UPDATE ON approval_snapshot_tools TO registry_runtime;

GRANT USAGE ON SEQUENCE check_schedule_scheduled_order_seq TO registry_runtime;

ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT DELETE, INSERT, SELECT, UPDATE ON TABLES TO registry_runtime;

ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE ON SEQUENCES TO registry_runtime;

COMMIT;
