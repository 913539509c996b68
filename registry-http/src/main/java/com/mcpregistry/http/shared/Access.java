package com.mcpregistry.http.shared;

import io.javalin.security.RouteRole;

/** Who may call a route. Every route declares exactly one; a test walks the route table to make sure. */
public enum Access implements RouteRole {
    /** No credentials needed. */
    ANYONE,
    /** Any caller with a valid access token. */
    USER,
    /** A caller whose token or user record grants administrator rights. */
    ADMIN
}
