package com.mcpregistry.postgres.registration;

import com.mcpregistry.domain.registration.OwnerContact;
import com.mcpregistry.domain.registration.Reason;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.registration.ServerDetails;
import com.mcpregistry.domain.registration.Tags;
import com.mcpregistry.domain.serverjson.ServerDocument;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.postgres.shared.Timestamps;
import com.mcpregistry.registration.ServerJsonFormat;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Builds a {@link Registration} from a row of {@code registrations}: its server.json document ({@code server_json},
 * read by {@code format}, which names the server and version too), and what the registry keeps beside it.
 */
final class RegistrationRowMapper implements RowMapper<Registration> {

    static final String COLUMNS = "id, server_json, owner_contact, tags, submitter_id, status, status_reason,"
            + " reviewed_by, reviewed_at, created_at, updated_at, row_version, deleted_at";

    private final ServerJsonFormat format;

    RegistrationRowMapper(ServerJsonFormat format) {
        this.format = Objects.requireNonNull(format, "format");
    }

    @Override
    public Registration map(ResultSet rs, StatementContext ctx) throws SQLException {
        // The document's name and version are the row's server_name and version: a check constraint holds them equal.
        ServerDocument document = format.read(rs.getString("server_json"));
        ServerDetails details = new ServerDetails(
                document.definition(),
                Optional.ofNullable(rs.getString("owner_contact")).map(OwnerContact::new),
                new Tags(tags(rs.getArray("tags"))));
        return new Registration(
                new RegistrationId(rs.getObject("id", UUID.class)),
                document.name(),
                document.version(),
                details,
                new UserId(rs.getObject("submitter_id", UUID.class)),
                RegistrationStatus.parse("status", rs.getString("status")),
                Optional.ofNullable(rs.getString("status_reason")).map(Reason::new),
                Optional.ofNullable(rs.getObject("reviewed_by", UUID.class)).map(UserId::new),
                Timestamps.readOptional(rs, "reviewed_at"),
                Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "updated_at"),
                rs.getLong("row_version"),
                Timestamps.readOptional(rs, "deleted_at"));
    }

    private static List<String> tags(Array array) throws SQLException {
        try {
            return List.of((String[]) array.getArray());
        } finally {
            array.free();
        }
    }
}
