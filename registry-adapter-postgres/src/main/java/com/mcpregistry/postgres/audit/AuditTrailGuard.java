package com.mcpregistry.postgres.audit;

import com.mcpregistry.postgres.shared.SqlErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * Whether the role the registry connects as could get round the database's guard on the audit trail. The
 * append-only trigger and the privileges of {@code registry_runtime} (SELECT and INSERT on audit_log) stop a
 * least-privileged role; they do not stop a superuser, the table's owner or a member of the owner role (who may
 * {@code ALTER TABLE … DISABLE TRIGGER}), a role that may set {@code session_replication_role} (which switches
 * triggers off for its session), nor one with CREATEROLE (which, before PostgreSQL 16, may grant itself any role).
 */
public final class AuditTrailGuard {

    private static final String ROLE = """
            SELECT current_user AS name, r.rolsuper AS superuser, r.rolcreaterole AS create_role,
                   pg_get_userbyid(c.relowner) AS owner,
                   pg_has_role(current_user, c.relowner, 'MEMBER') AS owner_member,
                   current_setting('server_version_num')::int >= 150000 AS parameter_privileges
              FROM pg_roles r CROSS JOIN pg_class c
             WHERE r.rolname = current_user AND c.oid = 'audit_log'::regclass
            """;

    private AuditTrailGuard() {}

    /** The connected role and what lets it get round the guard; none when it is least-privileged. */
    public record Role(String name, List<String> waysAround) {
        public Role {
            Objects.requireNonNull(name, "name");
            waysAround = List.copyOf(waysAround);
        }

        public boolean leastPrivileged() {
            return waysAround.isEmpty();
        }
    }

    /** What the role {@code jdbi} connects as may do to the audit trail's guard. */
    public static Role connectedRole(Jdbi jdbi) {
        return SqlErrors.translating(() -> jdbi.withHandle(handle -> handle.createQuery(ROLE)
                .map((rs, ctx) -> {
                    String name = rs.getString("name");
                    String owner = rs.getString("owner");
                    List<String> ways = new ArrayList<>();
                    if (rs.getBoolean("superuser")) {
                        // A superuser may do anything; nothing else needs saying.
                        return new Role(name, List.of("it is a superuser"));
                    }
                    if (rs.getBoolean("owner_member")) {
                        ways.add(
                                owner.equals(name)
                                        ? "it owns audit_log"
                                        : "it is a member of " + owner + ", which owns audit_log");
                    }
                    if (rs.getBoolean("parameter_privileges")
                            && handle.createQuery("SELECT has_parameter_privilege('session_replication_role', 'SET')")
                                    .mapTo(Boolean.class)
                                    .one()) {
                        ways.add("it may set session_replication_role, which switches triggers off");
                    }
                    if (rs.getBoolean("create_role")) {
                        ways.add("it may create and grant roles (CREATEROLE)");
                    }
                    return new Role(name, ways);
                })
                .one()));
    }
}
