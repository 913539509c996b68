-- POST /registrations as a signed-in user: one transaction with the registration and its audit
-- event, the chain's advisory lock, the previous hash and the chained hash (RegistrationService.submit,
-- JdbiRegistrationRepository.insert, JdbiAuditTrail.append). The statements are those the endpoint runs; the
-- values that the service makes in Java (ids, names, times, the SHA-256 of the event) are made here in SQL, with
-- the same canonical form as AuditChain, so that `admin audit verify` still accepts the trail afterwards.
-- No user lookup: serve remembers a signed-in user for SIGN_IN_CACHE_SECONDS (5 s, RecentSignIns), so the sign-in's
-- lookup runs once per user per 5 s, not per request. :user_id is one benchmark user's id (bench/run).
\set n random(1, 1000000000000)
BEGIN;
INSERT INTO registrations (id, server_name, version, title, description, endpoint_url, endpoint_url_normalized, transport, owner_contact, repository_url, documentation_url, tags, submitter_id, status, status_reason, reviewed_by, reviewed_at, created_at, updated_at, row_version, deleted_at) VALUES (gen_random_uuid(), 'com.bench.pgbench-c' || :client_id || '/s-' || :n, '1.0.0', 'Submitted by pgbench', 'Reads and books ledger entries', 'https://pgbench-c' || :client_id || '-' || :n || '.bench.example/mcp', 'https://pgbench-c' || :client_id || '-' || :n || '.bench.example/mcp', 'streamable-http', 'bench@bench.example', NULL, NULL, CAST('{bench}' AS text[]), :user_id, 'Pending', NULL, NULL, NULL, date_trunc('microseconds', clock_timestamp()), date_trunc('microseconds', clock_timestamp()), 1, NULL) ON CONFLICT (server_name, version) WHERE NOT version_reused_later DO NOTHING RETURNING id, created_at \gset registration_
SELECT 1 FROM pg_advisory_xact_lock(:chain_lock);
SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1 \gset previous_
INSERT INTO audit_log (id, at, actor_id, action, registration_id, from_status, to_status, reason, request_id, prev_hash, hash) SELECT id, at, CAST(:user_id AS uuid), 'submit', CAST(:registration_id AS uuid), NULL, 'Pending', NULL, 'pgbench', CAST(:previous_hash AS text), encode(sha256(convert_to(concat_ws(E'\n', CAST(:previous_hash AS text), id::text, (extract(epoch FROM at) * 1000000)::bigint::text, '36:' || CAST(:user_id AS text), 'submit', '36:' || CAST(:registration_id AS text), '-', '7:' || 'Pending', '-', '7:' || 'pgbench'), 'UTF8')), 'hex') FROM (SELECT gen_random_uuid() AS id, CAST(:registration_created_at AS timestamptz) AS at) AS event;
COMMIT;
