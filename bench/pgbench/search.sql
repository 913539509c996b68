-- GET /registrations?search=…&limit=20 as a signed-in user; :pattern is the term as JdbiRegistrationRepository
-- binds it (%term%, once for each of the three columns).
-- No user lookup: serve remembers a signed-in user for SIGN_IN_CACHE_SECONDS (5 s, RecentSignIns), so the sign-in's
-- lookup runs once per user per 5 s, not per request. :user_id is one benchmark user's id (bench/run).
SELECT id, server_json, owner_contact, tags, submitter_id, status, status_reason, reviewed_by, reviewed_at, created_at, updated_at, row_version, deleted_at FROM registrations WHERE deleted_at IS NULL AND (status IN ('Approved', 'Deprecated') OR submitter_id = :user_id OR EXISTS (SELECT 1 FROM server_owners AS o WHERE o.server_name = registrations.server_name COLLATE "C" AND (o.user_id = :user_id OR o.group_id = ANY (CAST('{}' AS text[]))))) AND (server_name ILIKE :pattern OR title ILIKE :pattern OR description ILIKE :pattern) ORDER BY created_at DESC, id DESC LIMIT :limit
