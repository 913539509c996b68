package com.mcpregistry.http.policy;

/**
 * Who may export the client policies ({@code GET /policy/{format}}): administrators (the default), or anyone, so that
 * a device-management job or a pipeline that commits the file can fetch it without a token ({@code POLICY_EXPORT}).
 * The lists say nothing the MCP Registry API does not publish, except which servers were rejected or withdrawn.
 */
public enum PolicyAccess {
    ADMIN,
    ANONYMOUS
}
