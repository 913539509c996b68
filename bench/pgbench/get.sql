-- GET /registrations/{id} as a signed-in user. pgbench has no string functions to pick one of several ids, so
-- bench/run makes one copy of this script for each id (BENCH_ID replaced by id0, id1, …) and gives each its id
-- with -D; pgbench picks a script at random for each transaction.
-- No user lookup: serve remembers a signed-in user for SIGN_IN_CACHE_SECONDS (5 s, RecentSignIns), so the sign-in's
-- lookup runs once per user per 5 s, not per request. :user_id is one benchmark user's id (bench/run).
SELECT id, server_json, owner_contact, tags, submitter_id, status, status_reason, reviewed_by, reviewed_at, created_at, updated_at, row_version, deleted_at FROM registrations WHERE id = :BENCH_ID
