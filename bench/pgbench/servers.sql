-- GET /v0.1/servers?limit=30, anonymous: JdbiPublishedServers.select(), the catalogue in name order, limit + 1.
-- The floor (com.mcpregistry.bench.Floor) runs this very file.
SELECT id, server_json, owner_contact, tags, submitter_id, status, status_reason, reviewed_by, reviewed_at, created_at, updated_at, row_version, deleted_at, published_at, is_latest FROM registrations WHERE published_at IS NOT NULL AND deleted_at IS NULL ORDER BY server_name COLLATE "C", version COLLATE "C", id LIMIT :limit;
-- Then how the remotes of the versions shown answered the registry's checks (_meta's com.mcpregistry/health;
-- RemoteChecksService.health, JdbiCheckRepository.statuses). :ids is a uuid[] literal of the ids the page shows (not
-- the extra row); bench/run reads them from serve's own answer.
SELECT s.registration_id, s.remote_url, s.health, s.last_checked_at, s.last_latency_micros, a.drift_sha256 IS NOT NULL AS drifted FROM check_schedule AS s LEFT JOIN approval_snapshots AS a ON a.registration_id = s.registration_id AND a.remote_url_md5 = s.remote_url_md5 WHERE s.registration_id = ANY (:ids) ORDER BY s.scheduled_order;
