package com.mcpregistry.postgres.registration;

import com.mcpregistry.domain.registration.OwnerContact;
import com.mcpregistry.domain.registration.Reason;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.registration.ServerDetails;
import com.mcpregistry.domain.registration.Tags;
import com.mcpregistry.domain.serverjson.Description;
import com.mcpregistry.domain.serverjson.HttpUrl;
import com.mcpregistry.domain.serverjson.RemoteTransport;
import com.mcpregistry.domain.serverjson.Title;
import com.mcpregistry.domain.serverjson.Version;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.postgres.shared.Timestamps;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Builds a {@link Registration} from a row of {@code registrations}. */
final class RegistrationRowMapper implements RowMapper<Registration> {

    static final String COLUMNS = "id, server_name, version, title, description, endpoint_url, transport,"
            + " owner_contact, repository_url, documentation_url, tags, submitter_id, status, status_reason,"
            + " reviewed_by, reviewed_at, created_at, updated_at, row_version, deleted_at";

    @Override
    public Registration map(ResultSet rs, StatementContext ctx) throws SQLException {
        ServerDetails details = new ServerDetails(
                new Title(rs.getString("title")),
                new Description(rs.getString("description")),
                HttpUrl.of("endpoint_url", rs.getString("endpoint_url")),
                RemoteTransport.parse("transport", rs.getString("transport")),
                new OwnerContact(rs.getString("owner_contact")),
                url(rs, "repository_url"),
                url(rs, "documentation_url"),
                new Tags(tags(rs.getArray("tags"))));
        return new Registration(
                new RegistrationId(rs.getObject("id", UUID.class)),
                new ServerName(rs.getString("server_name")),
                new Version(rs.getString("version")),
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

    private static Optional<HttpUrl> url(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column)).map(value -> HttpUrl.of(column, value));
    }

    private static List<String> tags(Array array) throws SQLException {
        try {
            return List.of((String[]) array.getArray());
        } finally {
            array.free();
        }
    }
}
