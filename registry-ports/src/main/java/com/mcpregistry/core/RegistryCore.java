package com.mcpregistry.core;

import com.mcpregistry.audit.port.in.QueryAuditUseCase;
import com.mcpregistry.audit.port.in.VerifyAuditUseCase;
import com.mcpregistry.audit.port.out.AuditTrail;
import com.mcpregistry.audit.service.AuditService;
import com.mcpregistry.checks.port.in.RemoteChecksUseCase;
import com.mcpregistry.checks.port.out.CheckRepository;
import com.mcpregistry.checks.port.out.RemoteProbe;
import com.mcpregistry.checks.service.CheckRunner;
import com.mcpregistry.checks.service.DriftWatch;
import com.mcpregistry.checks.service.RemoteChecksService;
import com.mcpregistry.domain.checks.CheckSchedule;
import com.mcpregistry.domain.checks.DriftAction;
import com.mcpregistry.domain.ownership.NamespacePolicy;
import com.mcpregistry.domain.serverjson.PublishRules;
import com.mcpregistry.health.port.in.CheckHealthUseCase;
import com.mcpregistry.health.port.out.DatabaseHealth;
import com.mcpregistry.health.service.HealthService;
import com.mcpregistry.identity.port.in.AuthenticateUseCase;
import com.mcpregistry.identity.port.in.FindUserUseCase;
import com.mcpregistry.identity.port.in.ManageAdminsUseCase;
import com.mcpregistry.identity.port.in.SignInUseCase;
import com.mcpregistry.identity.port.out.AccessTokenVerifier;
import com.mcpregistry.identity.port.out.UserRepository;
import com.mcpregistry.identity.service.AuthenticationService;
import com.mcpregistry.identity.service.UserService;
import com.mcpregistry.limits.LimitSettings;
import com.mcpregistry.limits.port.in.RateLimitUseCase;
import com.mcpregistry.limits.port.out.LimitEvents;
import com.mcpregistry.limits.port.out.QuotaCounts;
import com.mcpregistry.limits.port.out.RateLimitBuckets;
import com.mcpregistry.limits.service.RateLimitService;
import com.mcpregistry.limits.service.SubmissionQuotas;
import com.mcpregistry.ownership.port.in.ManageNamespacesUseCase;
import com.mcpregistry.ownership.port.in.ManageOwnersUseCase;
import com.mcpregistry.ownership.port.out.NamespaceClaimRepository;
import com.mcpregistry.ownership.port.out.ServerOwnerRepository;
import com.mcpregistry.ownership.service.OwnershipService;
import com.mcpregistry.ownership.service.ServerOwnership;
import com.mcpregistry.policy.port.in.ExportPolicyUseCase;
import com.mcpregistry.policy.service.PolicyExportService;
import com.mcpregistry.publication.port.in.ListPublishedServersUseCase;
import com.mcpregistry.publication.port.out.PublishedServers;
import com.mcpregistry.publication.service.PublishedServersService;
import com.mcpregistry.registration.port.in.DeleteRegistrationUseCase;
import com.mcpregistry.registration.port.in.EditRegistrationUseCase;
import com.mcpregistry.registration.port.in.FindRegistrationsUseCase;
import com.mcpregistry.registration.port.in.ReviewRegistrationUseCase;
import com.mcpregistry.registration.port.in.SubmitRegistrationUseCase;
import com.mcpregistry.registration.port.out.IdempotencyKeys;
import com.mcpregistry.registration.port.out.RegistrationRepository;
import com.mcpregistry.registration.service.CheckScheduling;
import com.mcpregistry.registration.service.RegistrationService;
import com.mcpregistry.transaction.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Every use case of the registry, built once over one set of outbound adapters. Embedders create it with their own
 * adapters (or the in-memory ones) and hand it, as {@link RegistryUseCases}, to whatever drives it.
 */
public final class RegistryCore implements RegistryUseCases {
    private final RegistrationService registrations;
    private final PublishedServersService publishedServers;
    private final UserService users;
    private final SignInUseCase signIn;
    private final AuthenticationService authentication;
    private final AuditService audit;
    private final HealthService health;
    private final RateLimitService rateLimits;
    private final OwnershipService ownership;
    private final Optional<CheckRunner> checkRunner;
    private final RemoteChecksService remoteChecks;
    private final PolicyExportService policyExport;

    /** The outbound adapters the core needs; all of them must share the transactions of {@code transactions}. */
    public record Adapters(
            RegistrationRepository registrations,
            PublishedServers publishedServers,
            UserRepository users,
            AuditTrail auditTrail,
            IdempotencyKeys idempotencyKeys,
            Transactions transactions,
            DatabaseHealth databaseHealth,
            RateLimitBuckets rateLimitBuckets,
            QuotaCounts quotaCounts,
            ServerOwnerRepository serverOwners,
            NamespaceClaimRepository namespaceClaims,
            CheckRepository checks) {
        public Adapters {
            Objects.requireNonNull(registrations, "registrations");
            Objects.requireNonNull(publishedServers, "publishedServers");
            Objects.requireNonNull(users, "users");
            Objects.requireNonNull(auditTrail, "auditTrail");
            Objects.requireNonNull(idempotencyKeys, "idempotencyKeys");
            Objects.requireNonNull(transactions, "transactions");
            Objects.requireNonNull(databaseHealth, "databaseHealth");
            Objects.requireNonNull(rateLimitBuckets, "rateLimitBuckets");
            Objects.requireNonNull(quotaCounts, "quotaCounts");
            Objects.requireNonNull(serverOwners, "serverOwners");
            Objects.requireNonNull(namespaceClaims, "namespaceClaims");
            Objects.requireNonNull(checks, "checks");
        }
    }

    /**
     * How remotes are checked: by {@code probe} (none: this registry runs no checks, and keeps only their schedule),
     * periodically on {@code schedule}, with {@code driftAction} taken when an approved version's tools drift.
     */
    public record Checks(Optional<RemoteProbe> probe, CheckSchedule schedule, DriftAction driftAction) {
        public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(15);

        public Checks {
            Objects.requireNonNull(probe, "probe");
            Objects.requireNonNull(schedule, "schedule");
            Objects.requireNonNull(driftAction, "driftAction");
        }

        /** No check is run. */
        public static Checks off() {
            return new Checks(Optional.empty(), new CheckSchedule(DEFAULT_INTERVAL), DriftAction.FLAG);
        }
    }

    /** The rate limits and quotas in force, and who hears of each refusal (e.g. metrics). */
    public record Limits(LimitSettings settings, LimitEvents events) {
        public Limits {
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(events, "events");
        }

        /** Every limit and quota off. */
        public static Limits off() {
            return new Limits(LimitSettings.off(), LimitEvents.NONE);
        }
    }

    private RegistryCore(
            Adapters adapters,
            AccessTokenVerifier tokens,
            UnaryOperator<SignInUseCase> signInMemory,
            Clock clock,
            Limits limits,
            NamespacePolicy namespacePolicy,
            PublishRules publishRules,
            Checks checks) {
        ServerOwnership serverOwnership = new ServerOwnership(
                adapters.serverOwners(), adapters.namespaceClaims(), adapters.users(), namespacePolicy);
        this.registrations = new RegistrationService(
                adapters.registrations(),
                adapters.publishedServers(),
                adapters.auditTrail(),
                adapters.idempotencyKeys(),
                adapters.transactions(),
                clock,
                new SubmissionQuotas(limits.settings(), adapters.quotaCounts(), limits.events()),
                serverOwnership,
                publishRules,
                new CheckScheduling(adapters.checks()));
        DriftWatch driftWatch = new DriftWatch(
                adapters.registrations(),
                adapters.publishedServers(),
                adapters.checks(),
                adapters.auditTrail(),
                adapters.transactions(),
                registrations,
                checks.driftAction());
        Random jitter = new Random();
        this.checkRunner = checks.probe()
                .map(probe -> new CheckRunner(
                        adapters.checks(),
                        probe,
                        checks.schedule(),
                        driftWatch,
                        clock,
                        () -> jitter.nextDouble() * 2 - 1));
        this.remoteChecks = new RemoteChecksService(adapters.checks(), checkRunner, registrations);
        this.policyExport = new PolicyExportService(
                adapters.registrations(), adapters.checks(), adapters.auditTrail(), adapters.transactions());
        this.publishedServers = new PublishedServersService(adapters.publishedServers());
        this.users = new UserService(adapters.users(), adapters.auditTrail(), adapters.transactions(), clock);
        this.signIn = Objects.requireNonNull(signInMemory.apply(users), "signIn");
        this.authentication = new AuthenticationService(tokens, signIn);
        this.audit = new AuditService(adapters.auditTrail(), clock);
        this.health = new HealthService(adapters.databaseHealth());
        this.rateLimits = new RateLimitService(limits.settings(), adapters.rateLimitBuckets(), limits.events());
        this.ownership = new OwnershipService(
                adapters.serverOwners(),
                adapters.namespaceClaims(),
                adapters.users(),
                serverOwnership,
                adapters.auditTrail(),
                adapters.transactions(),
                clock);
    }

    /** The core over {@code adapters}, authenticating callers with {@code tokens}; no rate limit or quota. */
    public static RegistryCore create(Adapters adapters, AccessTokenVerifier tokens, Clock clock) {
        return new RegistryCore(
                adapters,
                tokens,
                UnaryOperator.identity(),
                clock,
                Limits.off(),
                NamespacePolicy.OPEN,
                PublishRules.STRICT,
                Checks.off());
    }

    /**
     * The core over {@code adapters}, whose sign-in goes through {@code signInMemory} (e.g. one that remembers recent
     * users, so that a busy client does not look its user up on every request).
     */
    public static RegistryCore create(
            Adapters adapters, AccessTokenVerifier tokens, UnaryOperator<SignInUseCase> signInMemory, Clock clock) {
        return new RegistryCore(
                adapters,
                tokens,
                signInMemory,
                clock,
                Limits.off(),
                NamespacePolicy.OPEN,
                PublishRules.STRICT,
                Checks.off());
    }

    /** {@link #create(Adapters, AccessTokenVerifier, UnaryOperator, Clock)} with {@code limits} in force. */
    public static RegistryCore create(
            Adapters adapters,
            AccessTokenVerifier tokens,
            UnaryOperator<SignInUseCase> signInMemory,
            Clock clock,
            Limits limits) {
        return new RegistryCore(
                adapters, tokens, signInMemory, clock, limits, NamespacePolicy.OPEN, PublishRules.STRICT, Checks.off());
    }

    /** {@link #create(Adapters, AccessTokenVerifier, UnaryOperator, Clock, Limits)} under {@code namespacePolicy}. */
    public static RegistryCore create(
            Adapters adapters,
            AccessTokenVerifier tokens,
            UnaryOperator<SignInUseCase> signInMemory,
            Clock clock,
            Limits limits,
            NamespacePolicy namespacePolicy) {
        return new RegistryCore(
                adapters, tokens, signInMemory, clock, limits, namespacePolicy, PublishRules.STRICT, Checks.off());
    }

    /**
     * {@link #create(Adapters, AccessTokenVerifier, UnaryOperator, Clock, Limits, NamespacePolicy)}, holding new and
     * changed server.json documents to {@code publishRules}.
     */
    public static RegistryCore create(
            Adapters adapters,
            AccessTokenVerifier tokens,
            UnaryOperator<SignInUseCase> signInMemory,
            Clock clock,
            Limits limits,
            NamespacePolicy namespacePolicy,
            PublishRules publishRules) {
        return new RegistryCore(
                adapters, tokens, signInMemory, clock, limits, namespacePolicy, publishRules, Checks.off());
    }

    /**
     * {@link #create(Adapters, AccessTokenVerifier, UnaryOperator, Clock, Limits, NamespacePolicy, PublishRules)},
     * checking remotes as {@code checks} says.
     */
    public static RegistryCore create(
            Adapters adapters,
            AccessTokenVerifier tokens,
            UnaryOperator<SignInUseCase> signInMemory,
            Clock clock,
            Limits limits,
            NamespacePolicy namespacePolicy,
            PublishRules publishRules,
            Checks checks) {
        return new RegistryCore(adapters, tokens, signInMemory, clock, limits, namespacePolicy, publishRules, checks);
    }

    @Override
    public SubmitRegistrationUseCase submitRegistration() {
        return registrations;
    }

    @Override
    public EditRegistrationUseCase editRegistration() {
        return registrations;
    }

    @Override
    public ReviewRegistrationUseCase reviewRegistration() {
        return registrations;
    }

    @Override
    public DeleteRegistrationUseCase deleteRegistration() {
        return registrations;
    }

    @Override
    public FindRegistrationsUseCase findRegistrations() {
        return registrations;
    }

    @Override
    public ListPublishedServersUseCase listPublishedServers() {
        return publishedServers;
    }

    @Override
    public AuthenticateUseCase authenticate() {
        return authentication;
    }

    @Override
    public SignInUseCase signIn() {
        return signIn;
    }

    @Override
    public FindUserUseCase findUser() {
        return users;
    }

    @Override
    public ManageAdminsUseCase manageAdmins() {
        return users;
    }

    @Override
    public QueryAuditUseCase queryAudit() {
        return audit;
    }

    /** For operators, not for requests: verifying and checkpointing the audit trail. */
    public VerifyAuditUseCase verifyAudit() {
        return audit;
    }

    @Override
    public CheckHealthUseCase checkHealth() {
        return health;
    }

    @Override
    public RateLimitUseCase rateLimits() {
        return rateLimits;
    }

    @Override
    public ManageOwnersUseCase manageOwners() {
        return ownership;
    }

    @Override
    public ManageNamespacesUseCase manageNamespaces() {
        return ownership;
    }

    @Override
    public RemoteChecksUseCase remoteChecks() {
        return remoteChecks;
    }

    @Override
    public ExportPolicyUseCase exportPolicy() {
        return policyExport;
    }

    /** For the instance's check workers, not for requests: leasing and running due checks; none when checks are off. */
    public Optional<CheckRunner> checkRunner() {
        return checkRunner;
    }
}
