-- GET /v0.1/servers?limit=30 with REGISTRY_PUBLIC_API=authenticated: the sign-in, then the catalogue page.
-- The sign-in every authenticated request makes (UserService.signIn: JdbiUserRepository.findByIdentity), for
-- one of the benchmark users; it writes nothing while the profile is unchanged and last_seen_at is under an hour.
\set oid random(:first_oid, :last_oid)
SELECT id, tid, oid, email, display_name, is_admin, created_at, updated_at, last_seen_at FROM users WHERE tid = :tid AND oid = :oid \gset user_
SELECT id, server_name, version, title, description, endpoint_url, transport, owner_contact, repository_url, documentation_url, tags, submitter_id, status, status_reason, reviewed_by, reviewed_at, created_at, updated_at, row_version, deleted_at, published_at, is_latest FROM registrations WHERE published_at IS NOT NULL AND deleted_at IS NULL ORDER BY server_name COLLATE "C", version COLLATE "C", id LIMIT :limit
