-- GET /registrations?status=:status&limit=20&cursor=… (a page deep in the cursor chain) as a signed-in user.
-- No user lookup: serve remembers a signed-in user for SIGN_IN_CACHE_SECONDS (5 s, RecentSignIns), so the sign-in's
-- lookup runs once per user per 5 s, not per request. :user_id is one benchmark user's id (bench/run).
-- JdbiRegistrationRepository.select(): as list.sql, continuing after the cursor's (created_at, id).
SELECT id, server_json, owner_contact, tags, submitter_id, status, status_reason, reviewed_by, reviewed_at, created_at, updated_at, row_version, deleted_at FROM registrations WHERE deleted_at IS NULL AND (status IN ('Approved', 'Deprecated') OR submitter_id = :user_id OR EXISTS (SELECT 1 FROM server_owners AS o WHERE o.server_name = registrations.server_name COLLATE "C" AND (o.user_id = :user_id OR o.group_id = ANY (CAST('{}' AS text[]))))) AND status = :status AND (created_at, id) < (:after_at, :after_id) ORDER BY created_at DESC, id DESC LIMIT :limit
