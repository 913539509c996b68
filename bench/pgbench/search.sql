-- GET /registrations?search=…&limit=20 as a signed-in user; :pattern is the term as JdbiRegistrationRepository
-- binds it (%term%, once for each of the three lower-cased columns); the page's ids first, planned for four pages.
-- No user lookup: serve remembers a signed-in user for SIGN_IN_CACHE_SECONDS (5 s, RecentSignIns), so the sign-in's
-- lookup runs once per user per 5 s, not per request. :user_id is one benchmark user's id (bench/run).
WITH page AS MATERIALIZED (SELECT id, created_at FROM registrations WHERE deleted_at IS NULL AND (status IN ('Approved', 'Deprecated') OR submitter_id = :user_id OR EXISTS (SELECT 1 FROM server_owners AS o WHERE o.server_name = registrations.server_name COLLATE "C" AND (o.user_id = :user_id OR o.group_id = ANY (CAST('{}' AS text[]))))) AND (search_name LIKE lower(:pattern) OR search_title LIKE lower(:pattern) OR search_description LIKE lower(:pattern)) ORDER BY created_at DESC, id DESC LIMIT :limit * 4) SELECT id, server_json, owner_contact, tags, submitter_id, status, status_reason, reviewed_by, reviewed_at, created_at, updated_at, row_version, deleted_at FROM registrations WHERE id = ANY (ARRAY(SELECT id FROM page ORDER BY created_at DESC, id DESC LIMIT :limit)) ORDER BY created_at DESC, id DESC;
-- Then what the reader may do with each registration shown ("can"; RegistrationService.actionsOpenTo): the owners of
-- their servers (ServerOwnership.of, JdbiServerOwnerRepository.find). :server_names is a text[] literal of the page's
-- server names, each once; bench/run reads them from serve's own answer.
SELECT server_name, user_id, group_id FROM server_owners WHERE server_name = ANY (:server_names);
-- Then how their remotes answered the registry's checks ("health"; RemoteChecksService.health,
-- JdbiCheckRepository.statuses). :ids is a uuid[] literal of the ids the page shows (not the extra row), read likewise.
SELECT s.registration_id, s.remote_url, s.health, s.last_checked_at, s.last_latency_micros, a.drift_sha256 IS NOT NULL AS drifted FROM check_schedule AS s LEFT JOIN approval_snapshots AS a ON a.registration_id = s.registration_id AND a.remote_url_md5 = s.remote_url_md5 WHERE s.registration_id = ANY (:ids) ORDER BY s.scheduled_order;
