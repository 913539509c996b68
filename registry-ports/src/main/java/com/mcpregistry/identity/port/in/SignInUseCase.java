package com.mcpregistry.identity.port.in;

import com.mcpregistry.identity.SignedIn;
import com.mcpregistry.identity.VerifiedToken;

/** Turns a verified token into the registry's user, creating or refreshing the user record as needed. */
public interface SignInUseCase {

    /** Writes to the database only when the user is new or their profile changed. */
    SignedIn signIn(VerifiedToken token);
}
