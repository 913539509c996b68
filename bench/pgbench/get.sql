-- GET /registrations/{id} as a signed-in user. pgbench has no string functions to pick one of several ids, so
-- bench/run makes one copy of this script for each id (BENCH_ID replaced by id0, id1, …) and gives each its id
-- with -D; pgbench picks a script at random for each transaction.
-- The sign-in every authenticated request makes (UserService.signIn: JdbiUserRepository.findByIdentity), for
-- one of the benchmark users; it writes nothing while the profile is unchanged and last_seen_at is under an hour.
\set oid random(:first_oid, :last_oid)
SELECT id, tid, oid, email, display_name, is_admin, created_at, updated_at, last_seen_at FROM users WHERE tid = :tid AND oid = :oid \gset user_
SELECT id, server_name, version, title, description, endpoint_url, transport, owner_contact, repository_url, documentation_url, tags, submitter_id, status, status_reason, reviewed_by, reviewed_at, created_at, updated_at, row_version, deleted_at FROM registrations WHERE id = :BENCH_ID
