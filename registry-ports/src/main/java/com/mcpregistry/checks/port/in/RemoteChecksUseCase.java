package com.mcpregistry.checks.port.in;

import com.mcpregistry.checks.RemoteTools;
import com.mcpregistry.domain.checks.RegistrationHealth;
import com.mcpregistry.domain.checks.RemoteCheck;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.user.Actor;
import java.util.List;
import java.util.Map;

/**
 * The checks of registered remote servers: run them when asked, list them, show the tools they found and how those
 * differ from what the approval saw, and say how each registration's remotes are. Checks and tools are read and asked
 * for by administrators and by the registration's owners and submitter, as its history is.
 */
public interface RemoteChecksUseCase {

    /** Checks every remote of registration {@code id} now, and answers the checks, in the document's order. */
    List<RemoteCheck> checkNow(Actor actor, RegistrationId id);

    /** The latest checks of registration {@code id}'s remotes, newest first, at most {@code limit}. */
    List<RemoteCheck> recent(Actor actor, RegistrationId id, int limit);

    /** The tools of each remote of registration {@code id}, in the document's order. */
    List<RemoteTools> tools(Actor actor, RegistrationId id);

    /** How the remotes of each of {@code shown} are (registrations the caller may already see). */
    Map<RegistrationId, RegistrationHealth> health(List<Registration> shown);
}
