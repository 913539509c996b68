package com.mcpregistry.postgres;

import com.mcpregistry.core.RegistryCore;
import com.mcpregistry.domain.audit.AuditChain;
import com.mcpregistry.postgres.audit.JdbiAuditTrail;
import com.mcpregistry.postgres.checks.JdbiCheckRepository;
import com.mcpregistry.postgres.identity.JdbiUserRepository;
import com.mcpregistry.postgres.limits.Bucket4jRateLimitBuckets;
import com.mcpregistry.postgres.limits.JdbiQuotaCounts;
import com.mcpregistry.postgres.ownership.JdbiNamespaceClaimRepository;
import com.mcpregistry.postgres.ownership.JdbiServerOwnerRepository;
import com.mcpregistry.postgres.registration.JdbiIdempotencyKeys;
import com.mcpregistry.postgres.registration.JdbiPublishedServers;
import com.mcpregistry.postgres.registration.JdbiRegistrationRepository;
import com.mcpregistry.postgres.shared.SearchStatements;
import com.mcpregistry.postgres.shared.SqlErrors;
import com.mcpregistry.registration.ServerJsonFormat;
import java.time.Duration;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

/** The PostgreSQL adapters of the registry's outbound ports, sharing one {@code Jdbi} over one pool. */
public final class PostgresAdapters {

    private final Jdbi jdbi;
    private final JdbiRegistrationRepository registrations;
    private final JdbiUserRepository users;
    private final JdbiAuditTrail auditTrail;
    private final JdbiTransactions transactions;
    private final JdbiIdempotencyKeys idempotencyKeys;
    private final JdbiPublishedServers publishedServers;
    private final Bucket4jRateLimitBuckets rateLimitBuckets;
    private final JdbiQuotaCounts quotaCounts;
    private final JdbiServerOwnerRepository serverOwners;
    private final JdbiNamespaceClaimRepository namespaceClaims;
    private final JdbiCheckRepository checks;

    /**
     * The adapters over {@code dataSource}, with an unkeyed audit chain (for tests and embedders without a key);
     * server.json documents are stored as {@code serverJson} writes them.
     */
    public PostgresAdapters(DataSource dataSource, ServerJsonFormat serverJson) {
        this(dataSource, AuditChain.unkeyed(), serverJson);
    }

    /** The adapters over {@code dataSource}; the audit trail hashes with {@code auditChain}'s keys. */
    public PostgresAdapters(DataSource dataSource, AuditChain auditChain, ServerJsonFormat serverJson) {
        this(dataSource, auditChain, SearchStatements.DEFAULT_TIMEOUT, serverJson);
    }

    /**
     * The adapters over {@code dataSource}; the audit trail hashes with {@code auditChain}'s keys, any search that
     * runs longer than {@code searchTimeout} is cancelled, and server.json documents are stored as {@code serverJson}
     * writes them (the adapters hold no JSON library: the one the API uses, so that a stored document is the one the
     * API publishes).
     */
    public PostgresAdapters(
            DataSource dataSource, AuditChain auditChain, Duration searchTimeout, ServerJsonFormat serverJson) {
        SearchStatements searches = new SearchStatements(searchTimeout);
        this.jdbi = jdbi(dataSource);
        this.registrations = new JdbiRegistrationRepository(jdbi, searches, serverJson);
        this.users = new JdbiUserRepository(jdbi);
        this.auditTrail = new JdbiAuditTrail(jdbi, auditChain);
        this.transactions = new JdbiTransactions(jdbi);
        this.idempotencyKeys = new JdbiIdempotencyKeys(jdbi);
        this.publishedServers = new JdbiPublishedServers(jdbi, searches, serverJson);
        this.rateLimitBuckets = new Bucket4jRateLimitBuckets(dataSource);
        this.quotaCounts = new JdbiQuotaCounts(jdbi);
        this.serverOwners = new JdbiServerOwnerRepository(jdbi);
        this.namespaceClaims = new JdbiNamespaceClaimRepository(jdbi);
        this.checks = new JdbiCheckRepository(jdbi);
    }

    /** The one {@code Jdbi} for a data source, set up for PostgreSQL (uuid, arrays, java.time). */
    public static Jdbi jdbi(DataSource dataSource) {
        return Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public JdbiRegistrationRepository registrations() {
        return registrations;
    }

    public JdbiUserRepository users() {
        return users;
    }

    public JdbiAuditTrail auditTrail() {
        return auditTrail;
    }

    public JdbiTransactions transactions() {
        return transactions;
    }

    public JdbiIdempotencyKeys idempotencyKeys() {
        return idempotencyKeys;
    }

    public JdbiPublishedServers publishedServers() {
        return publishedServers;
    }

    public Bucket4jRateLimitBuckets rateLimitBuckets() {
        return rateLimitBuckets;
    }

    public JdbiQuotaCounts quotaCounts() {
        return quotaCounts;
    }

    public JdbiServerOwnerRepository serverOwners() {
        return serverOwners;
    }

    public JdbiNamespaceClaimRepository namespaceClaims() {
        return namespaceClaims;
    }

    public JdbiCheckRepository checks() {
        return checks;
    }

    /** Whether the database answers a trivial query now: what readiness and health checks report. */
    public boolean databaseReachable() {
        try {
            return SqlErrors.translating(() -> jdbi.withHandle(handle ->
                    handle.createQuery("SELECT 1").mapTo(Integer.class).one() == 1));
        } catch (RuntimeException e) {
            // Any failure, not only Unavailable, means the database cannot serve requests now.
            return false;
        }
    }

    /** Every PostgreSQL adapter, sharing one transaction per use case, for {@link RegistryCore#create}. */
    public RegistryCore.Adapters coreAdapters() {
        return new RegistryCore.Adapters(
                registrations,
                publishedServers,
                users,
                auditTrail,
                idempotencyKeys,
                transactions,
                this::databaseReachable,
                rateLimitBuckets,
                quotaCounts,
                serverOwners,
                namespaceClaims,
                checks);
    }
}
