package com.mcpregistry.ownership.port.in;

import com.mcpregistry.domain.error.Conflict;
import com.mcpregistry.domain.error.NotFound;
import com.mcpregistry.domain.ownership.NotAnOwner;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.ownership.By;
import com.mcpregistry.ownership.OwnerReference;
import com.mcpregistry.ownership.OwnersOfServer;
import java.util.List;
import java.util.Optional;

/**
 * Who owns a server, and changing it: its owners and administrators add and remove owners; administrators transfer
 * it. Each change is stored with its audit event in one transaction.
 */
public interface ManageOwnersUseCase {

    /**
     * The owners of {@code server}, for anyone signed in (so that they know whom to ask).
     *
     * @throws NotFound when nobody has submitted the name
     */
    OwnersOfServer owners(ServerName server);

    /**
     * Adds an owner; adding one who is an owner already changes nothing.
     *
     * @throws NotAnOwner when {@code by} is neither an owner nor an administrator
     * @throws NotFound when the server, or the user named, is unknown
     */
    OwnersOfServer add(By by, ServerName server, OwnerReference owner, Optional<String> requestId);

    /**
     * Removes an owner.
     *
     * @throws Conflict when it is the last owner
     * @throws NotFound when the server is unknown or {@code owner} is none of its owners
     */
    OwnersOfServer remove(By by, ServerName server, OwnerReference owner, Optional<String> requestId);

    /** Replaces every owner of {@code server} with {@code owners}: administrators only. */
    OwnersOfServer transfer(By by, ServerName server, List<OwnerReference> owners, Optional<String> requestId);
}
