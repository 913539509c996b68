package com.mcpregistry.identity.port.in;

import com.mcpregistry.domain.user.User;

/** The break-glass administrator flag, set and cleared by operators from the command line. */
public interface ManageAdminsUseCase {

    /** Grants the flag to the one user whose e-mail or object id is given; audited. */
    User grant(String emailOrObjectId);

    /** Clears the flag of the one user whose e-mail or object id is given; audited. */
    User revoke(String emailOrObjectId);
}
