-- GET /v0.1/servers?limit=30 with REGISTRY_PUBLIC_API=authenticated: the catalogue page.
-- No user lookup: serve remembers a signed-in user for SIGN_IN_CACHE_SECONDS (5 s, RecentSignIns), so the sign-in's
-- lookup runs once per user per 5 s, not per request. :user_id is one benchmark user's id (bench/run).
SELECT id, server_json, owner_contact, tags, submitter_id, status, status_reason, reviewed_by, reviewed_at, created_at, updated_at, row_version, deleted_at, published_at, is_latest FROM registrations WHERE published_at IS NOT NULL AND deleted_at IS NULL ORDER BY server_name COLLATE "C", version COLLATE "C", id LIMIT :limit
