-- GET /registrations?search=…&limit=20 as a signed-in user; :pattern is the term as JdbiRegistrationRepository
-- binds it (%term%, once for each of the three columns).
-- The sign-in every authenticated request makes (UserService.signIn: JdbiUserRepository.findByIdentity), for
-- one of the benchmark users; it writes nothing while the profile is unchanged and last_seen_at is under an hour.
\set oid random(:first_oid, :last_oid)
SELECT id, tid, oid, email, display_name, is_admin, created_at, updated_at, last_seen_at FROM users WHERE tid = :tid AND oid = :oid \gset user_
SELECT id, server_name, version, title, description, endpoint_url, transport, owner_contact, repository_url, documentation_url, tags, submitter_id, status, status_reason, reviewed_by, reviewed_at, created_at, updated_at, row_version, deleted_at FROM registrations WHERE deleted_at IS NULL AND (status IN ('Approved', 'Deprecated') OR submitter_id = :user_id) AND (server_name ILIKE :pattern OR title ILIKE :pattern OR description ILIKE :pattern) ORDER BY created_at DESC, id DESC LIMIT :limit
