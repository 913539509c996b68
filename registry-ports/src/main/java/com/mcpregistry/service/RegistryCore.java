package com.mcpregistry.service;

import com.mcpregistry.port.out.AuditTrail;
import com.mcpregistry.port.out.IdempotencyKeys;
import com.mcpregistry.port.out.PublishedServers;
import com.mcpregistry.port.out.RegistrationRepository;
import com.mcpregistry.port.out.Transactions;
import com.mcpregistry.port.out.UserRepository;
import java.time.Clock;

/**
 * Every use case of the registry, built over one set of outbound adapters. Embedders create it with their own
 * adapters (or the in-memory ones) and hand its services to whatever drives them.
 */
public record RegistryCore(
        RegistrationService registrations,
        UserService users,
        AuditService audit,
        PublishedServersService publishedServers) {

    /** The outbound adapters the core needs; all of them must share the transactions of {@code transactions}. */
    public record Adapters(
            RegistrationRepository registrations,
            PublishedServers publishedServers,
            UserRepository users,
            AuditTrail auditTrail,
            IdempotencyKeys idempotencyKeys,
            Transactions transactions) {}

    public static RegistryCore create(Adapters adapters, Clock clock) {
        return new RegistryCore(
                new RegistrationService(
                        adapters.registrations(),
                        adapters.publishedServers(),
                        adapters.auditTrail(),
                        adapters.idempotencyKeys(),
                        adapters.transactions(),
                        clock),
                new UserService(adapters.users(), adapters.auditTrail(), adapters.transactions(), clock),
                new AuditService(adapters.auditTrail()),
                new PublishedServersService(adapters.publishedServers()));
    }
}
