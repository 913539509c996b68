-- GET /registrations/{id} as a signed-in user. pgbench has no string functions to pick one of several ids, so
-- bench/run makes one copy of this script for each id (:id, :ids and :server_names become :id0, :ids0, … in the copy
-- for the first id) and gives each its values with -D; pgbench picks a script at random for each transaction. The
-- floor (com.mcpregistry.bench.Floor) runs this very file, its variables as they are here.
-- No user lookup: serve remembers a signed-in user for SIGN_IN_CACHE_SECONDS (5 s, RecentSignIns), so the sign-in's
-- lookup runs once per user per 5 s, not per request. :user_id is one benchmark user's id (bench/run).
-- JdbiRegistrationRepository.findById(); a published registration is visible to anyone without its owners.
SELECT id, server_json, owner_contact, tags, submitter_id, status, status_reason, reviewed_by, reviewed_at, created_at, updated_at, row_version, deleted_at FROM registrations WHERE id = :id;
-- Then what the reader may do with it ("can"; RegistrationService.actionsOpenTo): its server's owners
-- (ServerOwnership.of, JdbiServerOwnerRepository.find). :server_names is the text[] literal of its one server name,
-- read from serve's own answer.
SELECT server_name, user_id, group_id FROM server_owners WHERE server_name = ANY (:server_names);
-- Then how its remotes answered the registry's checks ("health"; RemoteChecksService.health,
-- JdbiCheckRepository.statuses). :ids is the uuid[] literal {<its id>}.
SELECT s.registration_id, s.remote_url, s.health, s.last_checked_at, s.last_latency_micros, a.drift_sha256 IS NOT NULL AS drifted FROM check_schedule AS s LEFT JOIN approval_snapshots AS a ON a.registration_id = s.registration_id AND a.remote_url_md5 = s.remote_url_md5 WHERE s.registration_id = ANY (:ids) ORDER BY s.scheduled_order;
