-- GET /registrations?status=:status&limit=20 as a signed-in user who is not an administrator: the statements the
-- endpoint runs (pg_stat_statements shows them; bench/run compares), with the values it binds.
-- No user lookup: serve remembers a signed-in user for SIGN_IN_CACHE_SECONDS (5 s, RecentSignIns), so the sign-in's
-- lookup runs once per user per 5 s, not per request. :user_id is one benchmark user's id (bench/run).
-- JdbiRegistrationRepository.select(): scope PublishedOrOwnedBy, a status filter, limit + 1 rows.
SELECT id, server_json, owner_contact, tags, submitter_id, status, status_reason, reviewed_by, reviewed_at, created_at, updated_at, row_version, deleted_at FROM registrations WHERE deleted_at IS NULL AND (status IN ('Approved', 'Deprecated') OR submitter_id = :user_id OR EXISTS (SELECT 1 FROM server_owners AS o WHERE o.server_name = registrations.server_name COLLATE "C" AND (o.user_id = :user_id OR o.group_id = ANY (CAST('{}' AS text[]))))) AND status = :status ORDER BY created_at DESC, id DESC LIMIT :limit
