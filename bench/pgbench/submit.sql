-- POST /registrations as a signed-in user: one transaction with the server's lock, its owners and the namespace claim
-- that could cover its name (none: a new name, whose submitter becomes its owner; ServerOwnership.admitSubmission,
-- JdbiServerOwnerRepository, JdbiNamespaceClaimRepository), the registration and its audit event, the chain's
-- advisory lock, the previous hash and the chained hash (RegistrationService.submit,
-- JdbiRegistrationRepository.insert, JdbiAuditTrail.append). The statements are those the endpoint runs; the
-- values that the service makes in Java (ids, names, times, the SHA-256 of the event) are made here in SQL, with
-- the same canonical form as AuditChain, so that `admin audit verify` still accepts the trail afterwards.
-- No user lookup: serve remembers a signed-in user for SIGN_IN_CACHE_SECONDS (5 s, RecentSignIns), so the sign-in's
-- lookup runs once per user per 5 s, not per request. :user_id is one benchmark user's id (bench/run).
\set n random(1, 1000000000000)
BEGIN;
SELECT 1 FROM pg_advisory_xact_lock(hashtextextended('mcp-server:' || 'com.bench.pgbench-c' || :client_id || '/s-' || :n, 0));
SELECT server_name, user_id, group_id FROM server_owners WHERE server_name = ANY (ARRAY['com.bench.pgbench-c' || :client_id || '/s-' || :n]);
SELECT c.prefix, c.claimed_by, c.claimed_at, o.user_id, o.group_id FROM (SELECT * FROM namespace_claims WHERE prefix = ANY (ARRAY['com.bench.pgbench-c' || :client_id, 'com.bench', 'com']) ORDER BY char_length(prefix) DESC LIMIT 1) AS c JOIN namespace_claim_owners AS o ON o.prefix = c.prefix ORDER BY c.prefix;
WITH gone AS (DELETE FROM server_owners WHERE server_name = 'com.bench.pgbench-c' || :client_id || '/s-' || :n AND (user_id IS NOT NULL AND user_id <> ALL (ARRAY[CAST(:user_id AS uuid)]) OR group_id IS NOT NULL AND group_id <> ALL (CAST('{}' AS text[])))) INSERT INTO server_owners (server_name, user_id, group_id, added_at) SELECT 'com.bench.pgbench-c' || :client_id || '/s-' || :n, user_id, group_id, date_trunc('microseconds', clock_timestamp()) FROM (SELECT CAST(:user_id AS uuid) AS user_id, CAST(NULL AS text) AS group_id) AS owners ON CONFLICT DO NOTHING;
INSERT INTO registrations (id, server_name, version, title, description, endpoint_url, endpoint_url_normalized, transport, owner_contact, repository_url, documentation_url, tags, submitter_id, status, status_reason, reviewed_by, reviewed_at, created_at, updated_at, row_version, deleted_at) VALUES (gen_random_uuid(), 'com.bench.pgbench-c' || :client_id || '/s-' || :n, '1.0.0', 'Submitted by pgbench', 'Reads and books ledger entries', 'https://pgbench-c' || :client_id || '-' || :n || '.bench.example/mcp', 'https://pgbench-c' || :client_id || '-' || :n || '.bench.example/mcp', 'streamable-http', 'bench@bench.example', NULL, NULL, CAST('{bench}' AS text[]), :user_id, 'Pending', NULL, NULL, NULL, date_trunc('microseconds', clock_timestamp()), date_trunc('microseconds', clock_timestamp()), 1, NULL) ON CONFLICT (server_name, version) WHERE NOT version_reused_later DO NOTHING RETURNING id, created_at \gset registration_
SELECT 1 FROM pg_advisory_xact_lock(:chain_lock);
SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1 \gset previous_
INSERT INTO audit_log (id, at, actor_id, action, registration_id, from_status, to_status, reason, request_id, prev_hash, hash) SELECT id, at, CAST(:user_id AS uuid), 'submit', CAST(:registration_id AS uuid), NULL, 'Pending', NULL, 'pgbench', CAST(:previous_hash AS text), encode(sha256(convert_to(concat_ws(E'\n', CAST(:previous_hash AS text), id::text, (extract(epoch FROM at) * 1000000)::bigint::text, '36:' || CAST(:user_id AS text), 'submit', '36:' || CAST(:registration_id AS text), '-', '7:' || 'Pending', '-', '7:' || 'pgbench'), 'UTF8')), 'hex') FROM (SELECT gen_random_uuid() AS id, CAST(:registration_created_at AS timestamptz) AS at) AS event;
COMMIT;
