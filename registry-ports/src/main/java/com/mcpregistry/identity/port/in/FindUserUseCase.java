package com.mcpregistry.identity.port.in;

import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.domain.user.User;
import com.mcpregistry.domain.user.UserId;

/** Reads a user record: one's own, or anyone's for administrators; otherwise not found. */
public interface FindUserUseCase {

    User get(Actor actor, UserId id);
}
