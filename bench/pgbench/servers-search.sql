-- GET /v0.1/servers?limit=30&search=…, anonymous; :pattern is %term% as JdbiPublishedServers binds it, once for
-- each of the two lower-cased columns (changeset 010). Planned for its term each time (CustomPlans): run with
-- pgbench -M extended.
SELECT id, server_json, owner_contact, tags, submitter_id, status, status_reason, reviewed_by, reviewed_at, created_at, updated_at, row_version, deleted_at, published_at, is_latest FROM registrations WHERE published_at IS NOT NULL AND deleted_at IS NULL AND (search_name LIKE lower(:pattern) OR search_description LIKE lower(:pattern)) ORDER BY server_name COLLATE "C", version COLLATE "C", id LIMIT :limit
