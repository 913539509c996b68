package com.mcpregistry.postgres.ownership;

import com.mcpregistry.domain.error.Conflict;
import com.mcpregistry.domain.ownership.NamespaceClaim;
import com.mcpregistry.domain.ownership.NamespacePrefix;
import com.mcpregistry.domain.ownership.Owner;
import com.mcpregistry.domain.ownership.Owners;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.ownership.port.out.NamespaceClaimRepository;
import com.mcpregistry.postgres.shared.SqlErrors;
import com.mcpregistry.postgres.shared.Timestamps;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * {@link NamespaceClaimRepository} on the {@code namespace_claims} table and its owners in {@code
 * namespace_claim_owners}, which go with their claim.
 */
public final class JdbiNamespaceClaimRepository implements NamespaceClaimRepository {

    /** The claims of {@code claims} (a table expression aliased c) with one row per owner, by prefix. */
    private static String withOwners(String claims) {
        return "SELECT c.prefix, c.claimed_by, c.claimed_at, o.user_id, o.group_id FROM " + claims
                + " JOIN namespace_claim_owners AS o ON o.prefix = c.prefix ORDER BY c.prefix";
    }

    // Of the prefixes that could cover a name, the longest claimed one.
    private static final String GOVERNING =
            withOwners("(SELECT * FROM namespace_claims WHERE prefix = ANY (:candidates)"
                    + " ORDER BY char_length(prefix) DESC LIMIT 1) AS c");
    private static final String ALL = withOwners("namespace_claims AS c");
    private static final String FIND = withOwners("(SELECT * FROM namespace_claims WHERE prefix = :prefix) AS c");

    private static final String INSERT_CLAIM =
            "INSERT INTO namespace_claims (prefix, claimed_by, claimed_at) VALUES (:prefix, :claimed_by, :claimed_at)";
    private static final String INSERT_OWNERS = "INSERT INTO namespace_claim_owners (prefix, user_id, group_id)"
            + " SELECT :prefix, user_id, group_id FROM (" + OwnerColumns.ROWS + ") AS owners";

    private final Jdbi jdbi;

    public JdbiNamespaceClaimRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<NamespaceClaim> governing(ServerName server) {
        List<String> candidates = NamespacePrefix.candidatesFor(server).stream()
                .map(NamespacePrefix::value)
                .toList();
        return claims(GOVERNING, query -> query.bindArray("candidates", String.class, candidates)).stream()
                .findFirst();
    }

    @Override
    public List<NamespaceClaim> all() {
        return claims(ALL, Function.identity());
    }

    @Override
    public Optional<NamespaceClaim> find(NamespacePrefix prefix) {
        return claims(FIND, query -> query.bind("prefix", prefix.value())).stream()
                .findFirst();
    }

    @Override
    public void insert(NamespaceClaim claim) {
        SqlErrors.translating(
                Map.of(
                        "namespace_claims_pkey",
                        () -> new Conflict("the namespace " + claim.prefix() + " is claimed already")),
                () -> jdbi.inTransaction(handle -> {
                    handle.createUpdate(INSERT_CLAIM)
                            .bind("prefix", claim.prefix().value())
                            .bindByType(
                                    "claimed_by",
                                    claim.claimedBy().map(UserId::value).orElse(null),
                                    UUID.class)
                            .bindByType("claimed_at", Timestamps.of(claim.claimedAt()), OffsetDateTime.class)
                            .execute();
                    return OwnerColumns.bind(handle.createUpdate(INSERT_OWNERS), claim.owners())
                            .bind("prefix", claim.prefix().value())
                            .execute();
                }));
    }

    @Override
    public boolean delete(NamespacePrefix prefix) {
        // Its owners go with it (ON DELETE CASCADE).
        return SqlErrors.translating(() -> jdbi.withHandle(
                        handle -> handle.createUpdate("DELETE FROM namespace_claims WHERE prefix = :prefix")
                                .bind("prefix", prefix.value())
                                .execute()))
                > 0;
    }

    /** One row of a claim with one of its owners. */
    private record ClaimOwner(NamespacePrefix prefix, Optional<UserId> claimedBy, Instant claimedAt, Owner owner) {}

    private List<NamespaceClaim> claims(String sql, Function<Query, Query> binding) {
        List<ClaimOwner> rows =
                SqlErrors.translating(() -> jdbi.withHandle(handle -> binding.apply(handle.createQuery(sql))
                        .map((rs, ctx) -> new ClaimOwner(
                                new NamespacePrefix(rs.getString("prefix")),
                                Optional.ofNullable(rs.getObject("claimed_by", UUID.class))
                                        .map(UserId::new),
                                Timestamps.read(rs, "claimed_at"),
                                OwnerColumns.read(rs)))
                        .list()));
        Map<NamespacePrefix, List<ClaimOwner>> byPrefix = new LinkedHashMap<>();
        rows.forEach(row ->
                byPrefix.computeIfAbsent(row.prefix(), p -> new ArrayList<>()).add(row));
        return byPrefix.values().stream()
                .map(owners -> new NamespaceClaim(
                        owners.get(0).prefix(),
                        new Owners(owners.stream().map(ClaimOwner::owner).toList()),
                        owners.get(0).claimedBy(),
                        owners.get(0).claimedAt()))
                .toList();
    }
}
