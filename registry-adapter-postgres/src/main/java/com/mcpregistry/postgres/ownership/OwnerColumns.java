package com.mcpregistry.postgres.ownership;

import com.mcpregistry.domain.ownership.Owner;
import com.mcpregistry.domain.ownership.Owners;
import com.mcpregistry.domain.user.GroupId;
import com.mcpregistry.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * An owner as the tables of owners store it (server_owners, namespace_claim_owners): a user in {@code user_id} or a
 * group in {@code group_id}, never both. A set of owners is bound as two arrays, {@code :users} and {@code :groups}.
 */
final class OwnerColumns {

    /** The owners bound by {@link #bind}, as rows of (user_id, group_id). */
    static final String ROWS = "SELECT user_id, CAST(NULL AS text) AS group_id"
            + " FROM unnest(CAST(:users AS uuid[])) AS user_id"
            + " UNION ALL SELECT CAST(NULL AS uuid), group_id FROM unnest(CAST(:groups AS text[])) AS group_id";

    /**
     * Whether a row's owner is none of those bound by {@link #bind}: a user row whose user is none of {@code :users},
     * or a group row whose group is none of {@code :groups}. (Each comparison is guarded by its column being set: a
     * NULL compared with ALL of an empty array is true.)
     */
    static final String NOT_AMONG = "(user_id IS NOT NULL AND user_id <> ALL (CAST(:users AS uuid[]))"
            + " OR group_id IS NOT NULL AND group_id <> ALL (CAST(:groups AS text[])))";

    private OwnerColumns() {}

    static <S extends SqlStatement<S>> S bind(S statement, Owners owners) {
        return statement
                .bindArray(
                        "users",
                        UUID.class,
                        owners.members().stream()
                                .filter(Owner.OfUser.class::isInstance)
                                .map(owner -> ((Owner.OfUser) owner).userId().value())
                                .toList())
                .bindArray(
                        "groups",
                        String.class,
                        owners.members().stream()
                                .filter(Owner.OfGroup.class::isInstance)
                                .map(owner -> ((Owner.OfGroup) owner).groupId().value())
                                .toList());
    }

    static Owner read(ResultSet rs) throws SQLException {
        UUID user = rs.getObject("user_id", UUID.class);
        return user != null ? Owner.user(new UserId(user)) : Owner.group(new GroupId(rs.getString("group_id")));
    }
}
