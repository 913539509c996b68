package com.mcpregistry.core;

import com.mcpregistry.audit.port.in.QueryAuditUseCase;
import com.mcpregistry.checks.port.in.RemoteChecksUseCase;
import com.mcpregistry.health.port.in.CheckHealthUseCase;
import com.mcpregistry.identity.port.in.AuthenticateUseCase;
import com.mcpregistry.identity.port.in.FindUserUseCase;
import com.mcpregistry.identity.port.in.ManageAdminsUseCase;
import com.mcpregistry.identity.port.in.SignInUseCase;
import com.mcpregistry.limits.port.in.RateLimitUseCase;
import com.mcpregistry.ownership.port.in.ManageNamespacesUseCase;
import com.mcpregistry.ownership.port.in.ManageOwnersUseCase;
import com.mcpregistry.policy.port.in.ExportPolicyUseCase;
import com.mcpregistry.publication.port.in.ListPublishedServersUseCase;
import com.mcpregistry.registration.port.in.DeleteRegistrationUseCase;
import com.mcpregistry.registration.port.in.EditRegistrationUseCase;
import com.mcpregistry.registration.port.in.FindRegistrationsUseCase;
import com.mcpregistry.registration.port.in.ReviewRegistrationUseCase;
import com.mcpregistry.registration.port.in.SubmitRegistrationUseCase;

/** Every inbound use case of the registry: what a driving adapter (the HTTP API, the command line) may call. */
public interface RegistryUseCases {
    SubmitRegistrationUseCase submitRegistration();

    EditRegistrationUseCase editRegistration();

    ReviewRegistrationUseCase reviewRegistration();

    DeleteRegistrationUseCase deleteRegistration();

    FindRegistrationsUseCase findRegistrations();

    ListPublishedServersUseCase listPublishedServers();

    AuthenticateUseCase authenticate();

    SignInUseCase signIn();

    FindUserUseCase findUser();

    ManageAdminsUseCase manageAdmins();

    QueryAuditUseCase queryAudit();

    CheckHealthUseCase checkHealth();

    RateLimitUseCase rateLimits();

    ManageOwnersUseCase manageOwners();

    ManageNamespacesUseCase manageNamespaces();

    RemoteChecksUseCase remoteChecks();

    ExportPolicyUseCase exportPolicy();
}
