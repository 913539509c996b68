package com.mcpregistry.postgres.registration;

import org.jdbi.v3.core.Jdbi;

/**
 * A large registry as the registry stored it before changesets 018 and 019, for the tests that time those
 * changesets at scale: registrations with the seed's simple fields in columns, and no owners.
 */
final class RegistrationsBefore019 {

    private RegistrationsBefore019() {}

    /**
     * Stores {@code rows} registrations: {@code rows / 4} servers over 1,000 namespaces, versions 1.0.0 to 1.3.0 (the
     * first two created at the same moment, so that the id decides which was first, the others a minute apart), each
     * version submitted by another of 1,000 users, 5 % deleted, 20 % Pending; a third with a GitHub repository, a
     * quarter with documentation.
     */
    static void load(Jdbi jdbi, int rows) {
        jdbi.useTransaction(handle -> {
            handle.execute("SET LOCAL work_mem = '256MB'");
            handle.execute("""
                    CREATE TEMPORARY TABLE scale_users ON COMMIT DROP AS
                    SELECT k, gen_random_uuid() AS id FROM generate_series(0, 999) AS k
                    """);
            handle.execute("""
                    INSERT INTO users (id, tid, oid, display_name, created_at, updated_at, last_seen_at)
                    SELECT id, 'scale', 'scale-' || k, 'Scale user ' || k, now(), now(), now() FROM scale_users
                    """);
            handle.createUpdate("""
                            INSERT INTO registrations (id, server_name, version, title, description, endpoint_url,
                                endpoint_url_normalized, transport, owner_contact, repository_url, documentation_url,
                                submitter_id, status, reviewed_by, reviewed_at, created_at, updated_at, deleted_at)
                            SELECT gen_random_uuid(), 'com.scale' || (s % 1000) || '/server-' || s, '1.' || v || '.0',
                                   'Server ' || s, 'Reads and books ledger entries',
                                   'https://s' || s || '.scale.example/mcp', 'https://s' || s || '.scale.example/mcp',
                                   'streamable-http', 'owner@example.com',
                                   CASE WHEN n % 3 = 0 THEN 'https://github.com/scale/server-' || s END,
                                   CASE WHEN n % 4 = 0 THEN 'https://docs.scale.example/' || s END,
                                   u.id,
                                   CASE WHEN n % 5 = 0 THEN 'Pending' ELSE 'Approved' END,
                                   CASE WHEN n % 5 <> 0 THEN u.id END, CASE WHEN n % 5 <> 0 THEN now() END,
                                   now() - s * interval '5 minutes' + greatest(v - 1, 0) * interval '1 minute', now(),
                                   CASE WHEN n % 20 = 3 THEN now() END
                              FROM generate_series(0, :rows - 1) AS n
                             CROSS JOIN LATERAL (SELECT n / 4 AS s, n % 4 AS v) AS position
                              JOIN scale_users AS u ON u.k = (s + v * 7) % 1000
                            """).bind("rows", rows).execute();
        });
        jdbi.useHandle(handle -> handle.execute("VACUUM ANALYZE"));
    }
}
