-- MCP Registry schema, as plain SQL for DBAs (PostgreSQL 14 or later).
--
-- The source of the schema is the Liquibase changelog, schema/src/main/resources/db/changelog/; this file is the
-- same schema rendered by hand for review and for creating a database outside the application. A test
-- (SchemaSqlMatchesChangelogTest in registry-adapter-postgres) applies both to fresh databases and fails when
-- their catalogs differ, so change both together.
--
-- A database created from this file has no Liquibase history: do not point `migrate` (or a started registry)
-- at it afterwards, or Liquibase will try to create the tables again. Use the application's `migrate` command
-- for databases the registry manages.

BEGIN;

-- 001-extensions: pg_trgm for substring search, btree_gist for the endpoint exclusion constraint.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- 002-users: people and service principals, keyed by their Entra identity (tenant id, object id).
CREATE TABLE users (
    id           uuid        NOT NULL,
    tid          text        NOT NULL,
    oid          text        NOT NULL,
    email        text,
    display_name text        NOT NULL,
    is_admin     boolean     NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    CONSTRAINT users_pkey PRIMARY KEY (id),
    CONSTRAINT users_identity_unique UNIQUE (tid, oid),
    CONSTRAINT users_tid_length CHECK (char_length(tid) BETWEEN 1 AND 128),
    CONSTRAINT users_oid_length CHECK (char_length(oid) BETWEEN 1 AND 128),
    CONSTRAINT users_email_length CHECK (char_length(email) BETWEEN 1 AND 320),
    CONSTRAINT users_display_name_length CHECK (char_length(display_name) <= 256)
);
CREATE INDEX users_email_lower_idx ON users (lower(email));
CREATE INDEX users_oid_idx ON users (oid);

-- 003-registrations: one version of one MCP server endpoint. (server_name, version) is unique among non-deleted
-- rows; an endpoint URL belongs to at most one server name among non-deleted rows (an exclusion constraint, so
-- that two concurrent submissions cannot both take it).
CREATE FUNCTION registration_tags_valid(tags text[]) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
        SELECT coalesce(array_ndims(tags), 1) = 1
           AND NOT EXISTS (
               SELECT 1 FROM unnest(tags) AS tag
                WHERE tag IS NULL OR char_length(tag) NOT BETWEEN 1 AND 32)
    $$;

CREATE TABLE registrations (
    id                uuid        NOT NULL,
    server_name       text        NOT NULL,
    version           text        NOT NULL,
    title             text        NOT NULL,
    description       text        NOT NULL,
    endpoint_url      text        NOT NULL,
    transport         text        NOT NULL,
    owner_contact     text        NOT NULL,
    repository_url    text,
    documentation_url text,
    tags              text[]      NOT NULL DEFAULT '{}',
    submitter_id      uuid        NOT NULL,
    status            text        NOT NULL,
    status_reason     text,
    reviewed_by       uuid,
    reviewed_at       timestamptz,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    row_version       bigint      NOT NULL DEFAULT 1,
    deleted_at        timestamptz,
    CONSTRAINT registrations_pkey PRIMARY KEY (id),
    CONSTRAINT registrations_submitter_fkey FOREIGN KEY (submitter_id) REFERENCES users (id),
    CONSTRAINT registrations_reviewer_fkey FOREIGN KEY (reviewed_by) REFERENCES users (id),
    CONSTRAINT registrations_server_name_length CHECK (char_length(server_name) BETWEEN 3 AND 200),
    CONSTRAINT registrations_server_name_pattern
        CHECK (server_name ~ '^[a-zA-Z0-9.-]+/[a-zA-Z0-9._-]+$'),
    CONSTRAINT registrations_version_length CHECK (char_length(version) BETWEEN 1 AND 255),
    CONSTRAINT registrations_version_exact
        CHECK (version ~ '^[0-9A-Za-z][0-9A-Za-z.+_-]*$' AND lower(version) <> 'latest'),
    CONSTRAINT registrations_title_length CHECK (char_length(title) BETWEEN 1 AND 100),
    CONSTRAINT registrations_description_length CHECK (char_length(description) BETWEEN 1 AND 100),
    CONSTRAINT registrations_endpoint_url_http
        CHECK (char_length(endpoint_url) <= 2048 AND endpoint_url ~* '^https?://'),
    CONSTRAINT registrations_transport_known CHECK (transport IN ('streamable-http', 'sse')),
    CONSTRAINT registrations_owner_contact_length CHECK (char_length(owner_contact) BETWEEN 3 AND 254),
    CONSTRAINT registrations_repository_url_http
        CHECK (char_length(repository_url) <= 2048 AND repository_url ~* '^https?://'),
    CONSTRAINT registrations_documentation_url_http
        CHECK (char_length(documentation_url) <= 2048 AND documentation_url ~* '^https?://'),
    CONSTRAINT registrations_tags_count CHECK (cardinality(tags) <= 10),
    CONSTRAINT registrations_tags_length CHECK (registration_tags_valid(tags)),
    CONSTRAINT registrations_status_known
        CHECK (status IN ('Pending', 'Approved', 'Rejected', 'Deprecated')),
    CONSTRAINT registrations_status_reason_length CHECK (char_length(status_reason) BETWEEN 1 AND 1000),
    CONSTRAINT registrations_review_complete CHECK ((reviewed_by IS NULL) = (reviewed_at IS NULL)),
    CONSTRAINT registrations_row_version_positive CHECK (row_version >= 1),
    -- md5: a GiST key must fit in a page, and an endpoint URL may be 2048 multi-byte characters.
    CONSTRAINT registrations_endpoint_single_server
        EXCLUDE USING gist (md5(endpoint_url) WITH =, server_name WITH <>) WHERE (deleted_at IS NULL)
);
CREATE UNIQUE INDEX registrations_server_name_version_unique
    ON registrations (server_name, version) WHERE deleted_at IS NULL;

-- 004-registrations-read-indexes: keyset paging (newest first) for every list filter, and trigram search.
CREATE INDEX registrations_created_idx
    ON registrations (created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX registrations_status_created_idx
    ON registrations (status, created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX registrations_submitter_created_idx
    ON registrations (submitter_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;
-- One trigram index per column: a search ORs the three, and only separate indexes combine in a BitmapOr.
CREATE INDEX registrations_server_name_trgm_idx
    ON registrations USING gin (server_name gin_trgm_ops) WHERE deleted_at IS NULL;
CREATE INDEX registrations_title_trgm_idx
    ON registrations USING gin (title gin_trgm_ops) WHERE deleted_at IS NULL;
CREATE INDEX registrations_description_trgm_idx
    ON registrations USING gin (description gin_trgm_ops) WHERE deleted_at IS NULL;

-- 005-audit-log: the append-only audit trail. seq is the order of the hash chain; each row's hash (computed by
-- the application, AuditChain) covers the row and prev_hash, the hash of the row before it. A unique prev_hash
-- means the chain can never fork. Writers serialise appends with pg_advisory_xact_lock.
CREATE TABLE audit_log (
    seq             bigint      GENERATED ALWAYS AS IDENTITY,
    id              uuid        NOT NULL,
    at              timestamptz NOT NULL,
    actor_id        uuid,
    action          text        NOT NULL,
    registration_id uuid,
    from_status     text,
    to_status       text,
    reason          text,
    request_id      text,
    prev_hash       text        NOT NULL,
    hash            text        NOT NULL,
    CONSTRAINT audit_log_pkey PRIMARY KEY (id),
    CONSTRAINT audit_log_seq_unique UNIQUE (seq),
    CONSTRAINT audit_log_prev_hash_unique UNIQUE (prev_hash),
    CONSTRAINT audit_log_action_format CHECK (action ~ '^[a-z][a-z0-9_]{0,63}$'),
    CONSTRAINT audit_log_from_status_known
        CHECK (from_status IN ('Pending', 'Approved', 'Rejected', 'Deprecated')),
    CONSTRAINT audit_log_to_status_known
        CHECK (to_status IN ('Pending', 'Approved', 'Rejected', 'Deprecated')),
    CONSTRAINT audit_log_reason_length CHECK (char_length(reason) <= 2000),
    CONSTRAINT audit_log_request_id_length CHECK (char_length(request_id) <= 255),
    CONSTRAINT audit_log_prev_hash_format CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT audit_log_hash_format CHECK (hash ~ '^[0-9a-f]{64}$')
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_actor_at_idx ON audit_log (actor_id, at DESC, id DESC);
CREATE INDEX audit_log_action_at_idx ON audit_log (action, at DESC, id DESC);
CREATE INDEX audit_log_registration_idx ON audit_log (registration_id, seq);

-- 006-audit-log-append-only: the database itself refuses UPDATE, DELETE and TRUNCATE on the audit trail.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
    BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
            USING ERRCODE = 'insufficient_privilege';
    END
    $$;

CREATE TRIGGER audit_log_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

-- 007-idempotency-keys: which registration a client's Idempotency-Key created, so that a retried submission replays it.
CREATE TABLE idempotency_keys (
    owner_id uuid NOT NULL REFERENCES users (id),
    key text NOT NULL,
    request_fingerprint text NOT NULL,
    registration_id uuid NOT NULL REFERENCES registrations (id),
    created_at timestamptz NOT NULL,
    CONSTRAINT idempotency_keys_pkey PRIMARY KEY (owner_id, key),
    CONSTRAINT idempotency_keys_key_length CHECK (char_length(key) BETWEEN 1 AND 255),
    CONSTRAINT idempotency_keys_request_fingerprint_format
        CHECK (request_fingerprint ~ '^[0-9a-f]{64}$')
);

-- 008-published-servers: what the MCP Registry API (v0.1) publishes, kept on each registration: published_at, the
-- time of its first approval, and is_latest, whether it is its server's latest version (the registration service
-- recomputes it in the transaction of every review and delete). Indexes serve the API's lists by keyset: by name
-- (C collation, so the order never depends on the database's locale), latest versions only, by update time for
-- updated_since, and trigram search on name and description. (The changeset also backfills these columns for
-- registrations published before it; a database created from this file has none.)
ALTER TABLE registrations ADD COLUMN published_at timestamptz;
ALTER TABLE registrations ADD COLUMN is_latest boolean NOT NULL DEFAULT false;
ALTER TABLE registrations ADD CONSTRAINT registrations_published_status
    CHECK (published_at IS NULL OR status IN ('Approved', 'Deprecated'));
ALTER TABLE registrations ADD CONSTRAINT registrations_latest_published
    CHECK (NOT is_latest OR published_at IS NOT NULL);
CREATE UNIQUE INDEX registrations_one_latest_per_server
    ON registrations (server_name) WHERE is_latest;
CREATE INDEX registrations_published_name_idx
    ON registrations (server_name COLLATE "C", version COLLATE "C", id) WHERE published_at IS NOT NULL;
CREATE INDEX registrations_latest_name_idx
    ON registrations (server_name COLLATE "C", version COLLATE "C", id) WHERE is_latest;
CREATE INDEX registrations_published_updated_idx
    ON registrations (updated_at, id) WHERE published_at IS NOT NULL;
CREATE INDEX registrations_published_server_name_trgm_idx
    ON registrations USING gin (server_name gin_trgm_ops) WHERE published_at IS NOT NULL;
CREATE INDEX registrations_published_description_trgm_idx
    ON registrations USING gin (description gin_trgm_ops) WHERE published_at IS NOT NULL;

-- 009-search-statistics: a larger statistics sample of the searched columns, so that the planner's estimate of how
-- many rows a substring search matches (from the column's histogram) holds for words in about 1 % of the rows too.
ALTER TABLE registrations
    ALTER COLUMN server_name SET STATISTICS 300,
    ALTER COLUMN title SET STATISTICS 300,
    ALTER COLUMN description SET STATISTICS 300;

-- 010-catalogue-search-lower-case: the MCP Registry API's search matches lower-cased copies of the server name and
-- description with a plain LIKE (ILIKE lower-cases every row it checks); the trigram indexes move to them.
ALTER TABLE registrations
    ADD COLUMN search_name text GENERATED ALWAYS AS (lower(server_name)) STORED,
    ADD COLUMN search_description text GENERATED ALWAYS AS (lower(description)) STORED;
ALTER TABLE registrations
    ALTER COLUMN search_name SET STATISTICS 300,
    ALTER COLUMN search_description SET STATISTICS 300;
CREATE INDEX registrations_published_search_name_trgm_idx
    ON registrations USING gin (search_name gin_trgm_ops) WHERE published_at IS NOT NULL;
CREATE INDEX registrations_published_search_description_trgm_idx
    ON registrations USING gin (search_description gin_trgm_ops) WHERE published_at IS NOT NULL;
DROP INDEX registrations_published_server_name_trgm_idx;
DROP INDEX registrations_published_description_trgm_idx;

-- 011-audit-log-changes: the fields an edit changed, as a JSON array of {"field", "old", "new"} objects (a secret
-- field as {"field", "secret": true}); null for every other event. The hash chain covers it only when present.
ALTER TABLE audit_log ADD COLUMN changes jsonb;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_changes_list CHECK (jsonb_typeof(changes) = 'array');

-- 012-versions-never-reused: a (server name, version) that ever existed, deleted included, is never reused. Older
-- deleted duplicates from before (marked version_reused_later by the changeset) stay out of the unique index; only
-- deleted rows may be marked, and triggers refuse marking any row from now on.
ALTER TABLE registrations ADD COLUMN version_reused_later boolean NOT NULL DEFAULT false;
ALTER TABLE registrations ADD CONSTRAINT registrations_version_reused_deleted
    CHECK (NOT version_reused_later OR deleted_at IS NOT NULL);
DROP INDEX registrations_server_name_version_unique;
CREATE UNIQUE INDEX registrations_server_name_version_unique
    ON registrations (server_name, version) WHERE NOT version_reused_later;
CREATE FUNCTION registrations_refuse_version_reuse() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
    BEGIN
        RAISE EXCEPTION 'a version is never reused: only changeset 012 marks a registration version_reused_later'
            USING ERRCODE = 'integrity_constraint_violation';
    END
    $$;
CREATE TRIGGER registrations_inserted_reused
    BEFORE INSERT ON registrations
    FOR EACH ROW WHEN (NEW.version_reused_later) EXECUTE FUNCTION registrations_refuse_version_reuse();
CREATE TRIGGER registrations_marked_reused
    BEFORE UPDATE OF version_reused_later ON registrations
    FOR EACH ROW WHEN (NEW.version_reused_later AND NOT OLD.version_reused_later)
    EXECUTE FUNCTION registrations_refuse_version_reuse();

COMMIT;
